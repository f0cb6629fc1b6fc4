import { CountdownChip } from '@/components/countdown-chip'
import type { AppealDetailFragment, SlaClockFieldsFragment } from '@/gql/graphql'
import { formatDateTime, useT } from '@/lib/i18n'
import {
  businessLeftLabel,
  formatDuration,
  measureOf,
  zoneName,
  type Measure,
} from '@/lib/sla/format'

/** «2026-03-17T10:00» (the calendar's local time) as «17.03 10:00». */
function localDue(value: string): string {
  const match = /^\d{4}-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(value)
  return match ? `${match[2]}.${match[1]} ${match[3]}` : value
}

/**
 * Both SLA clocks (first response, final answer) from Appeal.sla as the server computed them in
 * working time, with the policy, any pauses, and the local time zone of the deadlines.
 */
export function SlaClocks({ appeal }: { appeal: AppealDetailFragment }) {
  const t = useT()
  const sla = appeal.sla
  if (!sla) return null
  return (
    <section aria-labelledby="sla-heading" className="card">
      <h2 id="sla-heading">{t('sla.clocks')}</h2>
      <p className="muted small">
        {t('sla.policy', { name: sla.policy.name })}
        {sla.paused && (
          <>
            {' · '}
            <strong>{t('sla.pausedNow')}</strong>
          </>
        )}
      </p>
      <dl className="clocks">
        {(['firstResponse', 'finalAnswer'] as const).map((which) => (
          <Clock
            key={which}
            label={which === 'firstResponse' ? t('sla.firstResponse') : t('sla.finalAnswer')}
            clock={sla[which]}
            measure={measureOf(sla.policy[which].unit)}
            paused={sla.paused}
            timeZone={sla.timeZone}
          />
        ))}
      </dl>
      {sla.pauses.length > 0 && (
        <>
          <h3 className="small-heading">{t('sla.pauses')}</h3>
          <ul className="pauses">
            {sla.pauses.map((pause) => (
              <li key={pause.from}>
                <time dateTime={pause.from}>{formatDateTime(pause.from)}</time>
                {' – '}
                {pause.to ? (
                  <time dateTime={pause.to}>{formatDateTime(pause.to)}</time>
                ) : (
                  t('sla.pauseOpen')
                )}
                {pause.reason && <span className="muted"> · {pause.reason}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

interface ClockProps {
  label: string
  clock: SlaClockFieldsFragment
  /** What the clock's seconds measure, from the policy's term for it. */
  measure: Measure
  paused: boolean
  timeZone: string
}

function Clock({ label, clock, measure, paused, timeZone }: ClockProps) {
  const t = useT()
  const percent = Math.max(0, Math.min(100, clock.elapsedPercent ?? 0))
  const solo = { paused, firstResponse: clock, finalAnswer: clock }
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <CountdownChip sla={solo} />
        <span className="muted small">
          {clock.metAt
            ? t('sla.metAt', { date: formatDateTime(clock.metAt) })
            : clock.dueAtLocal
              ? t('sla.due', { date: localDue(clock.dueAtLocal), zone: zoneName(t, timeZone) })
              : null}
          {/* Calendar time left is what the chip already counts down; working time is news. */}
          {!clock.metAt && measure === 'working' && clock.businessTimeLeftSeconds !== null && (
            <> · {businessLeftLabel(t, clock.businessTimeLeftSeconds)}</>
          )}
          {clock.provisional && <> · {t('sla.provisional')}</>}
        </span>
        {!clock.metAt && (
          <progress max={100} value={percent} aria-label={t('sla.elapsed', { percent })} />
        )}
        {clock.pausedSeconds > 0 && (
          <span className="muted small">
            {t('sla.pausedFor', { time: formatDuration(t, clock.pausedSeconds, measure) })}
          </span>
        )}
      </dd>
    </>
  )
}
