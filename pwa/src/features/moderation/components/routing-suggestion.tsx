import type { RoutingSuggestionFieldsFragment } from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'

interface Props {
  routing: RoutingSuggestionFieldsFragment
  /** Whether the server lets this curator assign the appeal now (viewerCan). */
  canAccept: boolean
  busy: boolean
  onAccept: (agencyId: string) => void
}

const percent = (score: number) => Math.round(score * 100)

/**
 * The router's suggestion on a moderation card: what it proposes and why, so a curator can accept it
 * with one tap or correct it (every correction is kept and teaches the next model).
 */
export function RoutingSuggestion({ routing, canAccept, busy, onAccept }: Props) {
  const t = useT()
  const place = [
    routing.municipality ? t(enumKey('municipality', routing.municipality)) : null,
    routing.settlement,
  ]
    .filter(Boolean)
    .join(', ')
  const agency = routing.agency
  return (
    <section className="routing" aria-label={t('moderation.routing.title')}>
      <p className="routing__head">
        {routing.notAppeal && (
          <span className="badge badge--bad">{t('moderation.routing.notAppeal')}</span>
        )}
        {routing.urgent && <span className="badge badge--urgent">{t('queue.urgent')}</span>}
        <span className="routing__category">
          {t('moderation.routing.category', {
            category: t(enumKey('category', routing.category)),
            percent: percent(routing.confidence),
          })}
        </span>
      </p>
      {routing.alternatives.length > 0 && (
        <p className="card__meta">
          {t('moderation.routing.alternatives', {
            list: routing.alternatives
              .map((a) => `${t(enumKey('category', a.category))} ${percent(a.score)}%`)
              .join(', '),
          })}
        </p>
      )}
      <p className="card__meta">
        {place ? t('moderation.routing.place', { place }) : t('moderation.routing.noPlace')}
      </p>
      <p className="card__meta">
        {agency
          ? t('moderation.routing.agency', { name: agency.name })
          : t('moderation.routing.noAgency')}
      </p>
      {routing.urgent && routing.urgencyReasons.length > 0 && (
        <p className="routing__urgent">
          {t('moderation.routing.urgent', { reasons: routing.urgencyReasons.join('; ') })}
        </p>
      )}
      {routing.explanation.length > 0 && (
        <details className="routing__why">
          <summary>{t('moderation.routing.why')}</summary>
          <ul>
            {routing.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </details>
      )}
      {agency && canAccept && !routing.notAppeal && (
        <button
          type="button"
          className="button button--primary routing__accept"
          disabled={busy}
          title={t('moderation.routing.acceptHint', { name: agency.name })}
          onClick={() => onAccept(agency.id)}
        >
          {t('moderation.routing.accept')}
        </button>
      )}
    </section>
  )
}
