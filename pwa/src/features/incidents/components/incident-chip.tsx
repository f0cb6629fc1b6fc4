import { useQuery } from 'urql'
import { Link } from 'wouter'
import { AppealIncidentDocument } from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'

/** On an appeal's card: the mass incident it belongs to, with a link to the incident page. */
export function IncidentChip({ appealId }: { appealId: string }) {
  const t = useT()
  const [{ data }] = useQuery({ query: AppealIncidentDocument, variables: { id: appealId } })
  const incident = data?.appeal?.incident
  if (!incident) return null
  return (
    <p className="card__row">
      <Link href={`/incidents/${incident.id}`} className="badge badge--incident">
        {t('incident.chip', { title: incident.title, count: incident.size })}
      </Link>{' '}
      <span className="muted">{t(enumKey('incident.status', incident.status))}</span>
    </p>
  )
}
