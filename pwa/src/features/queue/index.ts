/**
 * What other features and the app shell may use of the queue feature (the lint zones enforce it). The
 * queue screen itself is loaded lazily by the router.
 */
export { QueueItem } from './components/queue-item'
export { SlaAlertNotice } from './components/sla-alert-notice'
export { OPEN_STATUSES, useQueue } from './hooks/use-queue'
