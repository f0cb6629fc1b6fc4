import type { AppealDetailFragment } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'

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
            {entry.reason && <span className="muted">{entry.reason}</span>}
          </li>
        ))}
      </ol>
    </section>
  )
}
