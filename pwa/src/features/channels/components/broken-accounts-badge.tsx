import { useT } from '@/lib/i18n'
import { useBrokenAccountCount } from '../hooks/use-broken-accounts'

/** The count of BROKEN accounts on the «Каналы» tab; nothing while every account works. */
export function BrokenAccountsBadge() {
  const t = useT()
  const count = useBrokenAccountCount()
  if (count === 0) return null
  return (
    <span className="tab-badge">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('channels.brokenCount', { count })}</span>
    </span>
  )
}
