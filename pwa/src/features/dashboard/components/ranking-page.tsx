import { useQuery } from 'urql'
import { Link } from 'wouter'
import { RequireRole } from '@/components/require-role'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { deskHref } from '@/features/desk'
import { AgencyRankingTableDocument } from '@/gql/graphql'
import { useT } from '@/lib/i18n'
import { periodInput } from '../hooks/periods'
import { rankingDetails } from '../hooks/ranking'
import { usePeriodParam } from '../hooks/use-period-param'
import { PeriodCaption, PeriodPicker } from './period-picker'

export function RankingPage() {
  return (
    <RequireRole roles={['CURATOR', 'HEAD']}>
      <Ranking />
    </RequireRole>
  )
}

/**
 * The agency ranking (agencyRanking) for the same periods as the figures: place, score and what it is made
 * of; a tap on an agency opens its appeals of the period.
 */
function Ranking() {
  const t = useT()
  const [period, setPeriod] = usePeriodParam()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AgencyRankingTableDocument,
    variables: { period: periodInput(period) },
  })
  const ranking = data?.agencyRanking
  const href = (agencyId: string) =>
    ranking
      ? deskHref({ agency: agencyId, from: ranking.period.fromDate, to: ranking.period.toDate })
      : '/appeals'
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('ranking.title')}</h1>
      <PeriodPicker value={period} onChange={setPeriod} />
      {fetching && !data ? (
        <LoadingState />
      ) : error && !data ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : ranking ? (
        <>
          <PeriodCaption period={ranking.period} />
          <p className="muted small">{t('ranking.formula')}</p>
          {ranking.rated.length === 0 ? (
            <EmptyState text={t('ranking.empty')} />
          ) : (
            <ol className="list ranking" aria-busy={fetching || undefined}>
              {ranking.rated.map((entry) => (
                <li key={entry.agency.id} data-agency-id={entry.agency.id}>
                  <Link href={href(entry.agency.id)} className="card card--link ranking__row">
                    <span className="ranking__place">
                      <span className="visually-hidden">{t('ranking.place')}</span>
                      {entry.place}
                    </span>
                    <span className="ranking__body">
                      <span className="card__title">{entry.agency.name}</span>
                      <span className="card__meta">{rankingDetails(t, entry)}</span>
                    </span>
                    <span className="ranking__score">{entry.score?.toFixed(1) ?? '—'}</span>
                  </Link>
                </li>
              ))}
            </ol>
          )}
          {ranking.unrated.length > 0 && (
            <>
              <h2 className="small-heading">{t('ranking.unrated')}</h2>
              <ul className="list">
                {ranking.unrated.map((entry) => (
                  <li key={entry.agency.id}>
                    <Link href={href(entry.agency.id)} className="card card--link">
                      <span className="card__title">{entry.agency.name}</span>
                      <span className="card__meta">
                        {entry.unratedReason === 'TOO_FEW_APPEALS'
                          ? t('dashboard.unratedFew', { min: ranking.minAppeals })
                          : t('dashboard.unratedNothing')}
                        {' · '}
                        {t('ranking.received', { count: entry.received })}
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </section>
  )
}
