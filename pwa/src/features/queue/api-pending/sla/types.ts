// Hand-written until sla.graphqls ships (see ../README.md); replace with generated types then.
import type { AppealSla } from '@/features/appeals/api-pending/sla/types'

export interface QueueSlaQuery {
  appeals: { edges: { node: { id: string; sla: AppealSla | null } }[] }
}
