import { useMemo, useState, type FormEvent } from 'react'
import { useQuery } from 'urql'
import { Link, useLocation } from 'wouter'
import { ErrorState, LoadingState } from '@/components/page-states'
import { deskHref } from '@/features/desk'
import { RegionDashboardDocument } from '@/gql/graphql'
import { useNow } from '@/hooks/use-now'
import { useT } from '@/lib/i18n'
import { figureLinks, figuresOf, TREND_DAYS } from '../hooks/dashboard-figures'
import { lastDays, periodInput, regionDate, type DashboardPeriod } from '../hooks/periods'
import { FigureGrid } from './figure-grid'
import { PeriodCaption } from './period-picker'
import { TrendChart } from './trend-chart'

/**
 * The region's figures for a period (regionStats): each figure and each agency's counts open the list of
 * appeals behind them; a search box, the overdue screen and the ranking are one tap away.
 */
export function RegionPanel({ period }: { period: DashboardPeriod }) {
  const t = useT()
  const [, navigate] = useLocation()
  const [words, setWords] = useState('')
  const today = regionDate(useNow(600_000))
  const variables = useMemo(
    () => ({ period: periodInput(period), trendPeriod: lastDays(today, TREND_DAYS) }),
    [period, today],
  )
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RegionDashboardDocument,
    variables,
  })
  const search = (event: FormEvent) => {
    event.preventDefault()
    navigate(deskHref({ q: words.trim() || undefined }))
  }

  const searchForm = (
    <form role="search" className="desk__search" onSubmit={search}>
      <label htmlFor="region-search" className="visually-hidden">
        {t('desk.search')}
      </label>
      <input
        id="region-search"
        type="search"
        value={words}
        placeholder={t('desk.searchPlaceholder')}
        onChange={(event) => setWords(event.target.value)}
        enterKeyHint="search"
      />
      <button type="submit" className="button button--primary">
        {t('desk.find')}
      </button>
    </form>
  )
  const links = (
    <div className="link-row">
      <Link href="/dashboard/overdue" className="button">
        {t('region.overdueAndAtRisk')}
      </Link>
      <Link href={`/dashboard/ranking?period=${period}`} className="button">
        {t('region.ranking')}
      </Link>
      <Link href="/appeals" className="button">
        {t('region.allAppeals')}
      </Link>
    </div>
  )

  if (fetching && !data)
    return (
      <>
        {searchForm}
        <LoadingState />
      </>
    )
  if (error && !data)
    return (
      <>
        {searchForm}
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </>
    )
  if (!data) return null
  const stats = data.regionStats
  const { fromDate, toDate } = stats.period
  return (
    <>
      {searchForm}
      <PeriodCaption period={stats.period} />
      <FigureGrid figures={figuresOf(t, stats, figureLinks(stats.period, null))} busy={fetching} />
      {links}
      <h2 className="small-heading">{t('region.byAgency')}</h2>
      <div className="table-scroll">
        <table className="table table--compact" data-testid="by-agency">
          <thead>
            <tr>
              <th scope="col">{t('desk.agency')}</th>
              <th scope="col">{t('dashboard.received')}</th>
              <th scope="col">{t('dashboard.answered')}</th>
              <th scope="col">{t('region.overdueShort')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.byAgency.map((row) => (
              <tr key={row.agency?.id ?? 'none'}>
                <th scope="row">{row.agency ? row.agency.name : t('desk.noAgency')}</th>
                <td>
                  {row.agency && row.received > 0 ? (
                    <Link href={deskHref({ agency: row.agency.id, from: fromDate, to: toDate })}>
                      {row.received}
                    </Link>
                  ) : (
                    row.received
                  )}
                </td>
                <td>
                  {row.agency && row.answered > 0 ? (
                    <Link
                      href={deskHref({
                        agency: row.agency.id,
                        answeredFrom: fromDate,
                        answeredTo: toDate,
                      })}
                    >
                      {row.answered}
                    </Link>
                  ) : (
                    row.answered
                  )}
                </td>
                <td>
                  {row.agency && row.overdueNow > 0 ? (
                    <Link
                      href={deskHref({ agency: row.agency.id, sla: ['OVERDUE'], sort: 'DUE_ASC' })}
                    >
                      {row.overdueNow}
                    </Link>
                  ) : (
                    row.overdueNow
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <TrendChart
        points={data.trendStats.trend}
        title={t('dashboard.trend', { days: TREND_DAYS })}
        labels={{
          date: t('dashboard.date'),
          received: t('dashboard.received'),
          answered: t('dashboard.answered'),
        }}
      />
    </>
  )
}
