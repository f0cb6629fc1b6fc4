import type { AppealDetailFragment } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'

type Entry = AppealDetailFragment['history'][number]

export function AppealHistory({ history }: { history: AppealDetailFragment['history'] }) {
  const t = useT()
  return (
    <section aria-labelledby="history-heading" className="card">
      <h2 id="history-heading">{t('appeal.history')}</h2>
      <ol className="timeline">
        {history.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
            <span>
              <strong>{t(enumKey('event', entry.type))}</strong> — {entry.actor.name}
              {entry.toAgency && entry.type !== 'RECEIVED' && ` → ${entry.toAgency.name}`}
              {entry.toExecutor &&
                `: ${entry.fromExecutor ? entry.fromExecutor.name : '—'} → ${entry.toExecutor.name}`}
            </span>
            {entry.classification && (
              <span className="muted">{describeClassification(t, entry.classification)}</span>
            )}
            {entry.reason && <span className="muted">{entry.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  )
}

/** What an assignment or reclassification corrected, part by part: «Категория: Другое → Энергетика; …». */
function describeClassification(
  t: ReturnType<typeof useT>,
  change: NonNullable<Entry['classification']>,
): string {
  const parts: string[] = []
  if (change.toCategory) {
    parts.push(
      t('appeal.classification.category', {
        from: change.fromCategory ? t(enumKey('category', change.fromCategory)) : '—',
        to: t(enumKey('category', change.toCategory)),
      }),
    )
  }
  if (change.toMunicipality) {
    parts.push(
      t('appeal.classification.municipality', {
        from: change.fromMunicipality
          ? t(enumKey('municipality', change.fromMunicipality))
          : t('appeal.classification.unknown'),
        to: t(enumKey('municipality', change.toMunicipality)),
      }),
    )
  }
  if (change.fromSettlement || change.toSettlement) {
    parts.push(
      t('appeal.classification.settlement', {
        from: change.fromSettlement ?? t('appeal.classification.unknown'),
        to: change.toSettlement ?? t('appeal.classification.unknown'),
      }),
    )
  }
  if (change.toUrgent != null) {
    const urgency = (urgent: boolean | null | undefined) =>
      t(urgent ? 'appeal.classification.urgentYes' : 'appeal.classification.urgentNo')
    parts.push(
      t('appeal.classification.urgent', {
        from: urgency(change.fromUrgent),
        to: urgency(change.toUrgent),
      }),
    )
  }
  return parts.join('; ')
}
