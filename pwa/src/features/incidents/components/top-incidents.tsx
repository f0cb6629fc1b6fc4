import { useQuery } from 'urql'
import { Link } from 'wouter'
import { TopIncidentsDocument } from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'

/**
 * The largest open incidents: every one for curators, those with an appeal of their agency for heads
 * (the API scopes the list).
 */
export function TopIncidents() {
  const t = useT()
  const [{ data, error }] = useQuery({ query: TopIncidentsDocument, variables: { first: 5 } })
  const incidents = data?.incidents.edges.map((edge) => edge.node) ?? []
  if (error || incidents.length === 0) return null
  return (
    <section className="card" aria-labelledby="top-incidents">
      <h2 id="top-incidents">{t('incident.top')}</h2>
      <ul className="plain-list">
        {incidents.map((incident) => (
          <li key={incident.id}>
            <Link href={`/incidents/${incident.id}`}>{incident.title}</Link>{' '}
            <span className="muted">
              {t('incident.size', { count: incident.size })} ·{' '}
              {t(enumKey('incident.status', incident.status))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}
