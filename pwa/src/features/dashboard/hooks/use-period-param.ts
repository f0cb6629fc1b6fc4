import { useSearchParams } from 'wouter'
import { parsePeriod, type DashboardPeriod } from './periods'

/** The period in the URL (`?period=WEEK`), so a figure's list, a shared link and «back» keep it. */
export function usePeriodParam(): [DashboardPeriod, (period: DashboardPeriod) => void] {
  const [params, setParams] = useSearchParams()
  const period = parsePeriod(params.get('period'))
  const setPeriod = (next: DashboardPeriod) =>
    setParams(next === 'DAY' ? {} : { period: next }, { replace: true })
  return [period, setPeriod]
}
