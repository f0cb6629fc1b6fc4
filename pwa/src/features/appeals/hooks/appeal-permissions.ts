import type { AppealStatus } from '@/gql/graphql'
import type { Role } from '@/lib/oidc/claims'

export type AppealAction =
  | 'take'
  | 'answer'
  | 'redirect'
  | 'pause'
  | 'assign'
  | 'reject'
  | 'approve'
  | 'return'
  | 'close'
  | 'reopen'

export interface PermissionInput {
  status: AppealStatus
  agencyId: string | null
  executorId: string | null
}

export interface Viewer {
  subject: string
  roles: Role[]
  agencyId: string | null
}

/**
 * What the viewer may do with the appeal now. The server decides for real; this only avoids
 * offering buttons that would certainly be refused.
 */
export function availableActions(
  appeal: PermissionInput,
  viewer: Viewer,
  slaEnabled: boolean,
): AppealAction[] {
  const actions: AppealAction[] = []
  const ownAgency = viewer.agencyId !== null && appeal.agencyId === viewer.agencyId
  if (viewer.roles.includes('EXECUTOR') && ownAgency) {
    if (appeal.status === 'ASSIGNED') actions.push('take', 'redirect')
    if (appeal.status === 'IN_PROGRESS') {
      if (appeal.executorId === null || appeal.executorId === viewer.subject) actions.push('answer')
      actions.push('redirect')
      if (slaEnabled) actions.push('pause')
    }
  }
  if (viewer.roles.includes('CURATOR')) {
    switch (appeal.status) {
      case 'NEW':
        actions.push('assign', 'reject')
        break
      case 'ASSIGNED':
      case 'IN_PROGRESS':
        if (!actions.includes('redirect')) actions.push('redirect')
        break
      case 'ON_REVIEW':
        actions.push('approve', 'return')
        break
      case 'ANSWERED':
        actions.push('close', 'reopen')
        break
      case 'CLOSED':
      case 'REJECTED':
        actions.push('reopen')
        break
    }
  }
  return actions
}
