/**
 * What other features and the app shell may use of the channels feature (the lint zones enforce it).
 * The «Каналы» screen itself is loaded lazily by the router.
 */
export { BrokenAccountsBadge } from './components/broken-accounts-badge'
export { DeliveryAlertNotice } from './components/delivery-alert-notice'
