import type { ReactNode } from 'react'
import { useT } from '@/lib/i18n'
import type { Role } from '@/lib/oidc/claims'
import { useIdentity } from '@/lib/oidc/session-context'

/** Hides a screen from roles that cannot use it (the server enforces the same rules). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const t = useT()
  const identity = useIdentity()
  if (!identity.roles.some((role) => roles.includes(role))) {
    return (
      <section className="page">
        <h1 tabIndex={-1}>{t('app.forbidden')}</h1>
      </section>
    )
  }
  return children
}
