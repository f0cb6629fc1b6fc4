import { Redirect } from 'wouter'
import { useIdentity } from '@/lib/oidc/session-context'

/** `/`: each role starts where its work is. */
export function RoleHome() {
  const { roles } = useIdentity()
  if (roles.includes('EXECUTOR')) return <Redirect to="/queue" replace />
  if (roles.includes('CURATOR')) return <Redirect to="/moderation" replace />
  if (roles.includes('HEAD')) return <Redirect to="/dashboard" replace />
  return <Redirect to="/profile" replace />
}
