import type { AppealStatus } from '@/gql/graphql'
import type { Role } from '@/lib/oidc/claims'

export type AppealAction =
  | 'take'
  | 'answer'
  | 'redirect'
  | 'pause'
  | 'resume'
  | 'extend'
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
  /** Appeal.sla.paused. */
  paused?: boolean
  /** The policy allows one extension of the final-answer term and none was granted yet. */
  extendable?: boolean
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
export function availableActions(appeal: PermissionInput, viewer: Viewer): AppealAction[] {
  const actions: AppealAction[] = []
  const ownAgency = viewer.agencyId !== null && appeal.agencyId === viewer.agencyId
  if (viewer.roles.includes('EXECUTOR') && ownAgency) {
    if (appeal.status === 'ASSIGNED') actions.push('take', 'redirect')
    if (appeal.status === 'IN_PROGRESS') {
      if (appeal.executorId === null || appeal.executorId === viewer.subject) actions.push('answer')
      actions.push('redirect')
    }
    actions.push(...deadlineActions(appeal))
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
    }
    for (const action of deadlineActions(appeal)) {
      if (!actions.includes(action)) actions.push(action)
    }
    switch (appeal.status) {
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

/**
 * Deadline changes for the agency's executors and curators (the server's rules): pause or resume
 * while the appeal is assigned or in progress; extend once, while open, where the policy allows it.
 */
function deadlineActions(appeal: PermissionInput): AppealAction[] {
  const actions: AppealAction[] = []
  if (appeal.paused) actions.push('resume')
  else if (appeal.status === 'ASSIGNED' || appeal.status === 'IN_PROGRESS') actions.push('pause')
  if (appeal.extendable && ['ASSIGNED', 'IN_PROGRESS', 'ON_REVIEW'].includes(appeal.status))
    actions.push('extend')
  return actions
}
