import { useQuery } from 'urql'
import { CountdownChip } from '@/components/countdown-chip'
import { formatDuration } from '@/lib/sla/format'
import type { AppealDetailFragment } from '@/gql/graphql'
import { features } from '@/lib/features'
import { useT } from '@/lib/i18n'
import appealSlaQuery from '../api-pending/sla/appeal-sla.graphql?raw'
import type { AppealSlaQuery, SlaClock } from '../api-pending/sla/types'

/**
 * Both SLA clocks (first response, final answer) from Appeal.sla. Until sla.graphqls ships, shows
 * the client-side estimate of the clock that matters next and says so.
 */
export function SlaClocks({ appeal }: { appeal: AppealDetailFragment }) {
  const t = useT()
  const [{ data }] = useQuery<AppealSlaQuery>({
    query: features.sla ? appealSlaQuery : 'query Disabled { __typename }',
    variables: { id: appeal.id },
    pause: !features.sla,
  })
  const sla = data?.appeal?.sla ?? null
  return (
    <section aria-labelledby="sla-heading" className="card">
      <h2 id="sla-heading">{t('sla.clocks')}</h2>
      {sla ? (
        <dl className="clocks">
          <Clock
            which="firstResponse"
            clock={sla.firstResponse}
            paused={sla.paused}
            appeal={appeal}
          />
          <Clock which="finalAnswer" clock={sla.finalAnswer} paused={sla.paused} appeal={appeal} />
        </dl>
      ) : (
        <>
          <CountdownChip appeal={appeal} />
          <p className="muted small">{t('sla.estimateHint')}</p>
        </>
      )}
    </section>
  )
}

interface ClockProps {
  which: 'firstResponse' | 'finalAnswer'
  clock: SlaClock | null
  paused: boolean
  appeal: AppealDetailFragment
}

function Clock({ which, clock, paused, appeal }: ClockProps) {
  const t = useT()
  if (!clock) return null
  const percent = Math.max(0, Math.min(100, Math.round(clock.elapsedPercent)))
  const only = { paused, firstResponse: null, finalAnswer: null, [which]: clock }
  return (
    <>
      <dt>{which === 'firstResponse' ? t('sla.firstResponse') : t('sla.finalAnswer')}</dt>
      <dd>
        <CountdownChip appeal={appeal} sla={only} />
        <span className="muted small">
          {t('sla.due', { date: clock.dueAtLocal ?? clock.dueAt })} ·{' '}
          {t('sla.businessLeft', { time: clock.businessTimeLeft })}
        </span>
        <progress max={100} value={percent} aria-label={t('sla.elapsed', { percent })} />
        {clock.pausedSeconds ? (
          <span className="muted small">
            {t('sla.pausedFor', { time: formatDuration(t, clock.pausedSeconds) })}
          </span>
        ) : null}
      </dd>
    </>
  )
}
