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
  // One payload type per mutation (they implement AppealPayload).
  IngestAppealPayload: embedded,
  RejectAppealPayload: embedded,
  AssignAppealPayload: embedded,
  RedirectAppealPayload: embedded,
  TakeAppealPayload: embedded,
  SubmitAnswerPayload: embedded,
  ApproveAnswerPayload: embedded,
  ReturnAnswerPayload: embedded,
  CloseAppealPayload: embedded,
  ReopenAppealPayload: embedded,
  PauseAppealPayload: embedded,
  ResumeAppealPayload: embedded,
  ExtendAppealDeadlinePayload: embedded,
  MarkAnswerPublishedPayload: embedded,
  ReassignAppealPayload: embedded,
  TakeOverAppealPayload: embedded,
  ReclassifyAppealPayload: embedded,
  // The colleague picker's page (agencyExecutors); each Person has its id.
  PersonConnection: embedded,
  PersonEdge: embedded,
  // Per caller and appeal; stored with the appeal, so the card offers the same actions offline.
  AppealPermissions: embedded,
  // Query.limits: one value for the whole app.
  Limits: embedded,
  UserError: embedded,
  Reach: embedded,
  Author: embedded,
  Answer: embedded,
  HistoryEntry: embedded,
  // What an assignment changed of the classification: part of its history entry.
  ClassificationChange: embedded,
  // SLA, quality and stats values: they have no identity of their own.
  AppealSla: embedded,
  SlaClock: embedded,
  SlaPolicy: embedded,
  SlaTarget: embedded,
  SlaPause: embedded,
  SlaAlert: embedded,
  QualityReport: embedded,
  QualityFinding: embedded,
  Readability: embedded,
  AgencyStats: embedded,
  RegionStats: embedded,
  AgencyBreakdownStats: embedded,
  ResolvedPeriod: embedded,
  StatsFigures: embedded,
  DurationStats: embedded,
  DayStats: embedded,
  AgencyRanking: embedded,
  AgencyRankingEntry: embedded,
  QualityStats: embedded,
  QualityRuleStats: embedded,
  ExecutorQualityStats: embedded,
  QualityRuleCount: embedded,
  // Channels: an appeal's source, the citizen's follow-ups (ids unique only within the appeal) and
  // answer deliveries belong to their appeal; account payloads have no identity. ChannelAccount has an id.
  AppealSource: embedded,
  ReplyTarget: embedded,
  CitizenMessage: embedded,
  AnswerDelivery: embedded,
  ConnectChannelAccountPayload: embedded,
  UpdateChannelAccountPayload: embedded,
  DisableChannelAccountPayload: embedded,
  CheckChannelAccountPayload: embedded,
  RetryDeliveryPayload: embedded,
  // Incidents: the Incident has its id; lists, replies and payloads belong to their parent.
  IncidentConnection: embedded,
  IncidentEdge: embedded,
  IncidentReply: embedded,
  IncidentAnswerResult: embedded,
  ConfirmIncidentPayload: embedded,
  DetachAppealFromIncidentPayload: embedded,
  AnswerIncidentPayload: embedded,
  SplitIncidentPayload: embedded,
  MergeIncidentsPayload: embedded,
  CloseIncidentPayload: embedded,
  // Citizens' ratings: the figures' satisfaction and the pages of ratings belong to their query;
  // a CitizenRating has an id (its appeal's).
  Satisfaction: embedded,
  CitizenRatingConnection: embedded,
  CitizenRatingEdge: embedded,
  // Rating tasks (id: their appeal's) come in pages of their query; the public link lives on its appeal.
  RatingTaskConnection: embedded,
  RatingTaskEdge: embedded,
  CloseRatingTaskPayload: embedded,
  CitizenLink: embedded,
  RevokeCitizenLinkPayload: embedded,
  IssueCitizenLinkPayload: embedded,
  // Routing suggestions live on their appeal (or answer a one-off query).
  RoutingSuggestion: embedded,
  CategoryScore: embedded,
  // The region's review settings are one document: one key, so an update refreshes every screen.
  RegionSettings: () => 'region',
  UpdateRegionSettingsPayload: embedded,
  AddAppealNotePayload: embedded,
  // Web push: the caller's settings are one document per user (one key); devices have ids.
  PushSettings: () => 'mine',
  PushDeviceConnection: embedded,
  PushDeviceEdge: embedded,
  RegisterPushDevicePayload: embedded,
  UpdatePushDevicePayload: embedded,
  DeletePushDevicePayload: embedded,
  UpdatePushSettingsPayload: embedded,
}
