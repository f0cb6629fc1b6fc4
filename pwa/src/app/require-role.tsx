import type { ReactNode } from 'react'
import { Redirect } from 'wouter'
import { useT } from '@/lib/i18n'
import type { Role } from '@/lib/oidc/claims'
import { useIdentity } from './session-context'

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

/** `/`: each role starts where its work is. */
export function RoleHome() {
  const { roles } = useIdentity()
  if (roles.includes('EXECUTOR')) return <Redirect to="/queue" replace />
  if (roles.includes('CURATOR')) return <Redirect to="/moderation" replace />
  if (roles.includes('HEAD')) return <Redirect to="/dashboard" replace />
  return <Redirect to="/profile" replace />
}
