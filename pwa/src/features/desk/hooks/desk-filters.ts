import type {
  AppealFilter,
  AppealOrder,
  AppealSlaState,
  AppealStatus,
  Category,
  Channel,
  Municipality,
} from '@/gql/graphql'
import { REGION_TIME_ZONE } from '@/lib/i18n'

/**
 * The region desk's criteria as they stand in the URL (`/appeals?sla=OVERDUE&agency=…`), so every figure
 * can link to the appeals behind it and a curator can bookmark or share a list. Dates are the region's
 * local days, inclusive, as the figures' periods are.
 */
export interface DeskFilters {
  q?: string
  author?: string
  statuses?: AppealStatus[]
  agency?: string
  municipality?: Municipality
  channel?: Channel
  category?: Category
  sla?: AppealSlaState[]
  urgent?: boolean
  /** Received from this local date (inclusive). */
  from?: string
  /** Received up to this local date (inclusive). */
  to?: string
  /** Final answer approved from this local date (inclusive). */
  answeredFrom?: string
  /** Final answer approved up to this local date (inclusive). */
  answeredTo?: string
  sort?: AppealOrder
}

export const STATUSES: AppealStatus[] = [
  'NEW',
  'ASSIGNED',
  'IN_PROGRESS',
  'ON_REVIEW',
  'ANSWERED',
  'CLOSED',
  'REJECTED',
]
export const OPEN: AppealStatus[] = ['NEW', 'ASSIGNED', 'IN_PROGRESS', 'ON_REVIEW']
export const SLA_STATES: AppealSlaState[] = ['OVERDUE', 'AT_RISK', 'ON_TRACK']
export const ORDERS: AppealOrder[] = ['RECEIVED_DESC', 'RECEIVED_ASC', 'DUE_ASC']
export const CHANNELS: Channel[] = [
  'VK',
  'TELEGRAM',
  'OK',
  'MAX',
  'GOSUSLUGI',
  'EMAIL',
  'PHONE',
  'OTHER',
]
export const MUNICIPALITIES: Municipality[] = [
  'MAGADAN',
  'OLSKY',
  'OMSUKCHANSKY',
  'SEVERO_EVENSKY',
  'SREDNEKANSKY',
  'SUSUMANSKY',
  'TENKINSKY',
  'KHASYNSKY',
  'YAGODNINSKY',
]
export const CATEGORIES: Category[] = [
  'HEALTHCARE',
  'EDUCATION',
  'HOUSING_UTILITIES',
  'CULTURE',
  'ENERGY',
  'ROADS_TRANSPORT',
  'SOCIAL_PROTECTION',
  'ENVIRONMENT',
  'OTHER',
]

const DATE = /^\d{4}-\d{2}-\d{2}$/

function one<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined
}

function many<T extends string>(value: string | null, allowed: readonly T[]): T[] | undefined {
  if (!value) return undefined
  const picked = allowed.filter((option) => value.split(',').includes(option))
  return picked.length > 0 ? picked : undefined
}

function date(value: string | null): string | undefined {
  return value !== null && DATE.test(value) ? value : undefined
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

/** The criteria in a query string; anything unknown or malformed is dropped, never sent. */
export function parseDeskFilters(search: string | URLSearchParams): DeskFilters {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search
  const urgent = params.get('urgent')
  const filters: DeskFilters = {
    q: text(params.get('q')),
    author: text(params.get('author')),
    statuses: many(params.get('status'), STATUSES),
    agency: text(params.get('agency')),
    municipality: one(params.get('municipality'), MUNICIPALITIES),
    channel: one(params.get('channel'), CHANNELS),
    category: one(params.get('category'), CATEGORIES),
    sla: many(params.get('sla'), SLA_STATES),
    urgent: urgent === 'true' ? true : urgent === 'false' ? false : undefined,
    from: date(params.get('from')),
    to: date(params.get('to')),
    answeredFrom: date(params.get('answeredFrom')),
    answeredTo: date(params.get('answeredTo')),
    sort: one(params.get('sort'), ORDERS),
  }
  return Object.fromEntries(
    Object.entries(filters).filter(([, value]) => value !== undefined),
  ) as DeskFilters
}

/** The criteria as a query string in a stable order (without `?`); empty criteria give ''. */
export function deskQuery(filters: DeskFilters): string {
  const params = new URLSearchParams()
  const put = (key: string, value: string | undefined) => {
    if (value) params.set(key, value)
  }
  put('q', filters.q?.trim())
  put('author', filters.author?.trim())
  put('status', filters.statuses?.join(','))
  put('agency', filters.agency)
  put('municipality', filters.municipality)
  put('channel', filters.channel)
  put('category', filters.category)
  put('sla', filters.sla?.join(','))
  if (filters.urgent !== undefined) params.set('urgent', String(filters.urgent))
  put('from', filters.from)
  put('to', filters.to)
  put('answeredFrom', filters.answeredFrom)
  put('answeredTo', filters.answeredTo)
  put('sort', filters.sort)
  return params.toString()
}

/** A link to the desk's list with these criteria: what every figure taps through to. */
export function deskHref(filters: DeskFilters): string {
  const query = deskQuery(filters)
  return query ? `/appeals?${query}` : '/appeals'
}

/** How many criteria are set, for the «Фильтры (n)» button; the search words and the order do not count. */
export function activeCount(filters: DeskFilters): number {
  return Object.entries(filters).filter(
    ([key, value]) => key !== 'q' && key !== 'sort' && value !== undefined,
  ).length
}

/** The zone's UTC offset on a local date, e.g. `+11:00` for Magadan. */
function offsetOn(day: string, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((part) => part.type === 'timeZoneName')?.value
  const offset = name?.replace('GMT', '') ?? ''
  return offset === '' ? 'Z' : offset
}

/** The day after a local date. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}

/** The instant a local day of the region begins, as the server counts periods (e.g. `…T00:00:00+11:00`). */
export function regionMidnight(day: string, timeZone = REGION_TIME_ZONE): string {
  return `${day}T00:00:00${offsetOn(day, timeZone)}`
}

/** The API's filter: local dates become the half-open instant ranges the figures use. */
export function toAppealFilter(filters: DeskFilters): AppealFilter {
  const filter: AppealFilter = {}
  if (filters.q) filter.text = filters.q
  if (filters.author) filter.author = filters.author
  if (filters.statuses) filter.statuses = filters.statuses
  if (filters.agency) filter.agencyId = filters.agency
  if (filters.municipality) filter.municipality = filters.municipality
  if (filters.channel) filter.channel = filters.channel
  if (filters.category) filter.category = filters.category
  if (filters.sla) filter.slaStates = filters.sla
  if (filters.urgent !== undefined) filter.urgent = filters.urgent
  if (filters.from) filter.receivedFrom = regionMidnight(filters.from)
  if (filters.to) filter.receivedTo = regionMidnight(nextDay(filters.to))
  if (filters.answeredFrom) filter.answeredFrom = regionMidnight(filters.answeredFrom)
  if (filters.answeredTo) filter.answeredTo = regionMidnight(nextDay(filters.answeredTo))
  return filter
}
