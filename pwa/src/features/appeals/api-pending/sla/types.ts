// Hand-written until sla.graphqls ships (see ../README.md); replace with generated types then.
export type SlaState = 'ON_TRACK' | 'AT_RISK' | 'BREACHED' | 'MET'

export interface SlaClock {
  dueAt: string
  dueAtLocal?: string | null
  state: SlaState
  businessTimeLeftSeconds: number
  businessTimeLeft: string
  elapsedPercent: number
  pausedSeconds?: number | null
}

export interface AppealSla {
  paused: boolean
  firstResponse: SlaClock | null
  finalAnswer: SlaClock | null
}

export interface AppealSlaQuery {
  appeal: { id: string; sla: AppealSla | null } | null
}

export interface PauseAppealResult {
  pauseAppeal?: MutationPayload
  resumeAppeal?: MutationPayload
}

interface MutationPayload {
  appeal: { id: string; version: number; status: string; sla: { paused: boolean } | null } | null
  errors: { code: string; field: string[]; message: string }[]
}
