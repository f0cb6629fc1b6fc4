/**
 * What other features may use of the region desk (the lint zones enforce it): links into its list. The
 * list screen itself is loaded lazily by the router.
 */
export { deskHref, type DeskFilters } from './hooks/desk-filters'
