import { enumKey, useT } from '@/lib/i18n'
import type { AppealStatus } from '@/gql/graphql'

export function StatusBadge({ status }: { status: AppealStatus }) {
  const t = useT()
  return (
    <span className={`badge badge--${status.toLowerCase().replace('_', '-')}`}>
      {t(enumKey('status', status))}
    </span>
  )
}
