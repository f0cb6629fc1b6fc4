import { useT } from '@/lib/i18n'

/**
 * The appeal's human number (`МАГ-2026-000123`), the one people quote on the phone. Screen readers
 * hear what it is; on screen the number alone is enough.
 */
export function AppealNumber({ number, className }: { number: string; className?: string }) {
  const t = useT()
  return (
    <span className={className ? `appeal-number ${className}` : 'appeal-number'}>
      <span className="visually-hidden">{t('appeal.number')} </span>
      {number}
    </span>
  )
}

/** Who holds the appeal now, or that nobody does while it waits in its agency. */
export function AppealHolder({
  executor,
  assigned,
}: {
  executor?: { name: string } | null
  /** Whether it is in an agency at all; before that nobody could hold it and nothing is said. */
  assigned: boolean
}) {
  const t = useT()
  if (executor)
    return <span className="appeal-holder">{t('appeal.holder', { name: executor.name })}</span>
  return assigned ? <span className="appeal-holder muted">{t('appeal.noHolder')}</span> : null
}
