/**
 * What other features and the app shell may use of the appeals feature; everything else in this folder
 * is internal (the lint zones enforce it). The appeal card itself is loaded lazily by the router.
 */
export { createOutboxSender } from './api/outbox-sender'
export { AgencyDialog } from './components/agency-dialog'
export { OutboxList } from './components/outbox-list'
export { QualityReport } from './components/quality-report'
export { ReasonDialog } from './components/reason-dialog'
export { useAppealCommands } from './hooks/use-appeal-commands'
