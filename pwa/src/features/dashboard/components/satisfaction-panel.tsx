import { useQuery } from 'urql'
import { ErrorState, LoadingState } from '@/components/page-states'
import { AgencySatisfactionDocument } from '@/gql/graphql'
import { formatDateTime, useT } from '@/lib/i18n'
import { periodInput, type DashboardPeriod } from '../hooks/periods'
import { satisfactionText } from '../hooks/satisfaction'

/**
 * Citizens' satisfaction: how the period's answers were rated on the citizen's page («Помог ли ответ?»)
 * and the latest ratings with their comments, so the head reads what citizens actually said.
 */
export function SatisfactionPanel({
  agencyId,
  period,
}: {
  agencyId: string
  period: DashboardPeriod
}) {
  const t = useT()
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: AgencySatisfactionDocument,
    variables: { agencyId, period: periodInput(period) },
  })
  const latest = data?.agencyRatings.edges.map((edge) => edge.node) ?? []
  return (
    <section className="satisfaction" aria-labelledby="satisfaction-heading">
      <h2 id="satisfaction-heading">{t('satisfaction.title')}</h2>
      {fetching && !data ? (
        <LoadingState />
      ) : error && !data ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : data ? (
        <>
          <p data-testid="satisfaction-summary">
            {satisfactionText(t, data.agencyStats.satisfaction)}
          </p>
          {latest.length > 0 && (
            <>
              <h3>{t('satisfaction.latest')}</h3>
              <ul className="satisfaction__latest">
                {latest.map((rating) => (
                  <li key={rating.id} data-score={rating.score}>
                    <strong>{t('satisfaction.score', { score: rating.score })}</strong>
                    {' · '}
                    <span className="muted">
                      {rating.appealNumber ?? ''} · {formatDateTime(rating.ratedAt)}
                    </span>
                    {rating.comment && (
                      <p>
                        <q>{rating.comment}</q>
                      </p>
                    )}
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
