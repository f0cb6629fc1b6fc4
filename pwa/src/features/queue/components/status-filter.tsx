import { enumKey, useT } from '@/lib/i18n'
import type { StatusFilter as Filter } from '../hooks/use-queue'

const OPTIONS: Filter[] = ['ACTIVE', 'ASSIGNED', 'IN_PROGRESS', 'ON_REVIEW']

/** A row of toggle chips; arrow keys are not needed: each is a plain button in the tab order. */
export function StatusFilter({
  value,
  onChange,
}: {
  value: Filter
  onChange: (value: Filter) => void
}) {
  const t = useT()
  return (
    <div className="filters" role="group" aria-label={t('queue.filter')}>
      {OPTIONS.map((option) => (
        <button
          key={option}
          type="button"
          className="filter"
          aria-pressed={value === option}
          onClick={() => onChange(option)}
        >
          {option === 'ACTIVE' ? t('queue.filter.active') : t(enumKey('status', option))}
        </button>
      ))}
    </div>
  )
}
