import { useId, useMemo, useState, type FormEvent } from 'react'
import { useQuery } from 'urql'
import { useSearchParams } from 'wouter'
import { RequireRole } from '@/components/require-role'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import { AgenciesDocument, RegionAppealsDocument, type AppealSlaState } from '@/gql/graphql'
import { useNow } from '@/hooks/use-now'
import { enumKey, useT } from '@/lib/i18n'
import { useIdentity } from '@/lib/oidc/session-context'
import {
  CATEGORIES,
  CHANNELS,
  MUNICIPALITIES,
  OPEN,
  ORDERS,
  STATUSES,
  activeCount,
  deskQuery,
  parseDeskFilters,
  toAppealFilter,
  type DeskFilters,
} from '../hooks/desk-filters'
import { DeskItem } from './desk-item'

export function RegionAppealsPage() {
  return (
    <RequireRole roles={['CURATOR', 'HEAD']}>
      <RegionAppeals />
    </RequireRole>
  )
}

const SLA_CHIPS: (AppealSlaState | 'ALL')[] = ['ALL', 'OVERDUE', 'AT_RISK', 'ON_TRACK']

/**
 * The region desk's list: every appeal the caller may see (curators: the whole region), with search,
 * filters and order kept in the URL, so figures link here and a list can be shared.
 */
function RegionAppeals() {
  const t = useT()
  const { roles } = useIdentity()
  // Author names are personal data: only roles that may see them get the field (the server checks too).
  const mayAskAuthor = roles.includes('CURATOR') || roles.includes('EXECUTOR')
  const [params, setParams] = useSearchParams()
  const query = params.toString()
  const filters = useMemo(() => parseDeskFilters(query), [query])
  const apply = (next: DeskFilters) =>
    setParams(new URLSearchParams(deskQuery(next)), { replace: true })
  const set = <K extends keyof DeskFilters>(key: K, value: DeskFilters[K] | '') =>
    apply({ ...filters, [key]: value === '' ? undefined : value })

  const [{ data: agencyData }] = useQuery({ query: AgenciesDocument })
  const agencies = agencyData?.agencies ?? []
  const filtersId = useId()
  const count = activeCount(filters)
  // Open at first when the link that led here set criteria, so the curator sees what is applied.
  const [filtersOpen, setFiltersOpen] = useState(() => count > 0)
  // Several states at once (a link may ask for them) press no single chip.
  const slaChip = !filters.sla ? 'ALL' : filters.sla.length === 1 ? filters.sla[0]! : null
  const status =
    filters.statuses === undefined
      ? ''
      : filters.statuses.length === OPEN.length && OPEN.every((s) => filters.statuses!.includes(s))
        ? 'OPEN'
        : filters.statuses.length === 1
          ? filters.statuses[0]!
          : ''

  return (
    <section className="page desk">
      <h1 tabIndex={-1}>{t('desk.title')}</h1>
      {/* Keyed on the URL's words: back/forward or a tapped figure puts them back in the inputs. */}
      <SearchForm
        key={`${filters.q ?? ''}|${filters.author ?? ''}`}
        q={filters.q}
        author={filters.author}
        withAuthor={mayAskAuthor}
        onSearch={(q, author) => apply({ ...filters, q, author })}
      />
      <div className="filters" role="group" aria-label={t('desk.sla')}>
        {SLA_CHIPS.map((chip) => (
          <button
            key={chip}
            type="button"
            className="filter"
            aria-pressed={slaChip === chip}
            onClick={() => set('sla', chip === 'ALL' ? '' : [chip])}
          >
            {chip === 'ALL' ? t('desk.slaAll') : t(enumKey('desk.slaState', chip))}
          </button>
        ))}
      </div>
      <details
        className="desk__filters"
        open={filtersOpen}
        onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
      >
        <summary>{count > 0 ? t('desk.filtersCount', { count }) : t('desk.filters')}</summary>
        <div className="desk__grid" id={filtersId}>
          <Select
            label={t('desk.status')}
            value={status}
            onChange={(value) =>
              set(
                'statuses',
                value === 'OPEN' ? OPEN : value ? [value as (typeof STATUSES)[number]] : '',
              )
            }
            options={[
              ['OPEN', t('desk.statusOpen')],
              ...STATUSES.map((s) => [s, t(enumKey('status', s))] as [string, string]),
            ]}
          />
          <Select
            label={t('desk.agency')}
            value={filters.agency ?? ''}
            onChange={(value) => set('agency', value)}
            options={agencies.map((agency) => [agency.id, agency.name] as [string, string])}
          />
          <Select
            label={t('appeal.municipality')}
            value={filters.municipality ?? ''}
            onChange={(value) => set('municipality', value as DeskFilters['municipality'])}
            options={MUNICIPALITIES.map(
              (m) => [m, t(enumKey('municipality', m))] as [string, string],
            )}
          />
          <Select
            label={t('appeal.channel')}
            value={filters.channel ?? ''}
            onChange={(value) => set('channel', value as DeskFilters['channel'])}
            options={CHANNELS.map((c) => [c, t(enumKey('channel', c))] as [string, string])}
          />
          <Select
            label={t('appeal.category')}
            value={filters.category ?? ''}
            onChange={(value) => set('category', value as DeskFilters['category'])}
            options={CATEGORIES.map((c) => [c, t(enumKey('category', c))] as [string, string])}
          />
          <Select
            label={t('desk.urgent')}
            value={filters.urgent === undefined ? '' : String(filters.urgent)}
            onChange={(value) => set('urgent', value === '' ? '' : value === 'true')}
            options={[
              ['true', t('desk.urgentOnly')],
              ['false', t('desk.notUrgent')],
            ]}
          />
          <DateField label={t('desk.from')} value={filters.from} onChange={(v) => set('from', v)} />
          <DateField label={t('desk.to')} value={filters.to} onChange={(v) => set('to', v)} />
          {(filters.answeredFrom || filters.answeredTo) && (
            <>
              <DateField
                label={t('desk.answeredFrom')}
                value={filters.answeredFrom}
                onChange={(v) => set('answeredFrom', v)}
              />
              <DateField
                label={t('desk.answeredTo')}
                value={filters.answeredTo}
                onChange={(v) => set('answeredTo', v)}
              />
            </>
          )}
          <Select
            label={t('desk.sort')}
            value={filters.sort ?? ''}
            onChange={(value) => set('sort', value as DeskFilters['sort'])}
            options={ORDERS.filter((o) => o !== 'RECEIVED_DESC').map(
              (o) => [o, t(enumKey('desk.order', o))] as [string, string],
            )}
            empty={t('desk.order.RECEIVED_DESC')}
          />
        </div>
        {count > 0 && (
          <button
            type="button"
            className="button button--text"
            onClick={() => apply({ q: filters.q, sort: filters.sort })}
          >
            {t('desk.reset')}
          </button>
        )}
      </details>
      {/* A new query starts again from the first page. */}
      <Results key={query} filters={filters} />
    </section>
  )
}

function SearchForm({
  q,
  author,
  withAuthor,
  onSearch,
}: {
  q: string | undefined
  author: string | undefined
  withAuthor: boolean
  onSearch: (q: string | undefined, author: string | undefined) => void
}) {
  const t = useT()
  const [words, setWords] = useState(q ?? '')
  const [name, setName] = useState(author ?? '')
  const ids = { q: useId(), author: useId() }
  const search = (event: FormEvent) => {
    event.preventDefault()
    onSearch(words.trim() || undefined, name.trim() || undefined)
  }
  return (
    <form role="search" className="desk__search" onSubmit={search}>
      <label htmlFor={ids.q} className="visually-hidden">
        {t('desk.search')}
      </label>
      <input
        id={ids.q}
        type="search"
        name="q"
        value={words}
        placeholder={t('desk.searchPlaceholder')}
        onChange={(event) => setWords(event.target.value)}
        enterKeyHint="search"
      />
      {withAuthor && (
        <>
          <label htmlFor={ids.author} className="visually-hidden">
            {t('desk.author')}
          </label>
          <input
            id={ids.author}
            type="search"
            name="author"
            value={name}
            placeholder={t('desk.authorPlaceholder')}
            onChange={(event) => setName(event.target.value)}
            enterKeyHint="search"
          />
        </>
      )}
      <button type="submit" className="button button--primary">
        {t('desk.find')}
      </button>
    </form>
  )
}

function Select({
  label,
  value,
  onChange,
  options,
  empty,
}: {
  label: string
  value: string
  onChange: (value: string) => void
  options: [string, string][]
  empty?: string
}) {
  const id = useId()
  return (
    <div className="desk__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{empty ?? '—'}</option>
        {options.map(([option, text]) => (
          <option key={option} value={option}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
}

function DateField({
  label,
  value,
  onChange,
}: {
  label: string
  value: string | undefined
  onChange: (value: string) => void
}) {
  const id = useId()
  return (
    <div className="desk__field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="date"
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  )
}

/** The pages loaded so far: «Показать ещё» adds the next one after the last page's cursor. */
function Results({ filters }: { filters: DeskFilters }) {
  const t = useT()
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  return (
    <ul className="list" aria-label={t('desk.results')}>
      {cursors.map((after, index) => (
        <ResultsPage
          key={after ?? 'first'}
          filters={filters}
          after={after}
          first={index === 0}
          last={index === cursors.length - 1}
          onMore={(cursor) => setCursors((previous) => [...previous, cursor])}
        />
      ))}
    </ul>
  )
}

function ResultsPage({
  filters,
  after,
  first,
  last,
  onMore,
}: {
  filters: DeskFilters
  after: string | null
  first: boolean
  last: boolean
  onMore: (cursor: string) => void
}) {
  const t = useT()
  const now = useNow(30_000)
  const variables = useMemo(
    () => ({ filter: toAppealFilter(filters), orderBy: filters.sort ?? 'RECEIVED_DESC', after }),
    [filters, after],
  )
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: RegionAppealsDocument,
    variables,
  })
  if (fetching && !data)
    return (
      <li>
        <LoadingState />
      </li>
    )
  if (error && !data)
    return (
      <li>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </li>
    )
  if (!data) return null
  const { edges, pageInfo } = data.appeals
  return (
    <>
      {first && edges.length === 0 && (
        <li>
          <EmptyState text={t('desk.empty')} />
        </li>
      )}
      {edges.map(({ node }) => (
        <DeskItem key={node.id} appeal={node} now={now} />
      ))}
      {last && pageInfo.hasNextPage && pageInfo.endCursor && (
        <li>
          <button
            type="button"
            className="button button--wide"
            onClick={() => onMore(pageInfo.endCursor!)}
          >
            {t('desk.more')}
          </button>
        </li>
      )}
    </>
  )
}
