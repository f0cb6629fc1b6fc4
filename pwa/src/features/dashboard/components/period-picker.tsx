import type { StatsPeriodKind } from '@/gql/graphql'
import { useT } from '@/lib/i18n'
import { DASHBOARD_PERIODS, periodCaption, type DashboardPeriod } from '../hooks/periods'

/** Today / this calendar week / this calendar month: the same choice for heads and curators. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: DashboardPeriod
  onChange: (value: DashboardPeriod) => void
}) {
  const t = useT()
  return (
    <div className="filters" role="group" aria-label={t('dashboard.period')}>
      {DASHBOARD_PERIODS.map((period) => (
        <button
          key={period}
          type="button"
          className="filter"
          aria-pressed={value === period}
          onClick={() => onChange(period)}
        >
          {t(`dashboard.period.${period}`)}
        </button>
      ))}
    </div>
  )
}

/**
 * The dates the server counted the figures over, and what kind of period it is, so «Этот месяц» on
 * 2 December plainly covers two days and «Эта неделя» seven.
 */
export function PeriodCaption({
  period,
}: {
  period: { kind: StatsPeriodKind; fromDate: string; toDate: string }
}) {
  const t = useT()
  return (
    <p className="muted small period-caption" data-period={period.kind}>
      {periodCaption(t, period)}
    </p>
  )
}
