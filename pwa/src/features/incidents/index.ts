export { IncidentChip } from './components/incident-chip'
export { TopIncidents } from './components/top-incidents'
