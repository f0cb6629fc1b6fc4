import type { KeyingConfig } from '@urql/exchange-graphcache'

const embedded = () => null

/**
 * Types without a global identity are stored inside their parent rather than normalised.
 * `Answer.id` is unique only within its appeal, so answers are embedded too.
 */
export const keys: KeyingConfig = {
  AppealConnection: embedded,
  AppealEdge: embedded,
  PageInfo: embedded,
  AppealEvent: embedded,
  AppealPayload: embedded,
  IngestAppealPayload: embedded,
  UserError: embedded,
  Reach: embedded,
  Author: embedded,
  Answer: embedded,
  HistoryEntry: embedded,
  // Announced types (sla.graphqls, quality.graphqls, stats): values, not entities.
  AppealSla: embedded,
  SlaClock: embedded,
  QualityReport: embedded,
  QualityFinding: embedded,
  AgencyStats: embedded,
  TrendPoint: embedded,
  AgencyRank: embedded,
}
