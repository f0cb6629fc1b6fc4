import { ExternalLink } from '@/components/external-link'
import type { AppealDetailFragment } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'

export function AppealDetails({ appeal }: { appeal: AppealDetailFragment }) {
  const t = useT()
  const unknown = <span className="muted">{t('appeal.unknown')}</span>
  return (
    <section aria-labelledby="details-heading" className="card">
      <h2 id="details-heading">{t('appeal.details')}</h2>
      <dl className="details">
        <dt>{t('appeal.channel')}</dt>
        <dd>
          {t(enumKey('channel', appeal.channel))}
          {appeal.url && (
            <>
              {' · '}
              <ExternalLink href={appeal.url}>{t('appeal.original')}</ExternalLink>
            </>
          )}
        </dd>
        <dt>{t('appeal.municipality')}</dt>
        <dd>
          {appeal.municipality ? t(enumKey('municipality', appeal.municipality)) : unknown}
          {appeal.settlement && ` · ${appeal.settlement}`}
        </dd>
        <dt>{t('appeal.category')}</dt>
        <dd>{t(enumKey('category', appeal.category))}</dd>
        <dt>{t('appeal.reach')}</dt>
        <dd>
          {t('appeal.reachValue', {
            views: appeal.reach.views,
            likes: appeal.reach.likes,
            comments: appeal.reach.comments,
          })}
        </dd>
        <dt>{t('appeal.agency')}</dt>
        <dd>
          {appeal.agency?.name ?? unknown}
          {appeal.redirectCount > 0 && (
            <span className="muted">
              {' '}
              · {t('appeal.redirects', { count: appeal.redirectCount })}
            </span>
          )}
        </dd>
        <dt>{t('appeal.executor')}</dt>
        <dd>{appeal.executor?.name ?? unknown}</dd>
        {appeal.author?.name && (
          <>
            <dt>{t('appeal.author')}</dt>
            <dd>
              {appeal.author.name}
              {appeal.author.profileUrl && (
                <>
                  {' · '}
                  <ExternalLink href={appeal.author.profileUrl}>
                    {t('appeal.original')}
                  </ExternalLink>
                </>
              )}
            </dd>
          </>
        )}
        <dt>{t('appeal.received')}</dt>
        <dd>
          <time dateTime={appeal.receivedAt}>{formatDateTime(appeal.receivedAt)}</time>
        </dd>
        {appeal.postedAt && (
          <>
            <dt>{t('appeal.posted')}</dt>
            <dd>
              <time dateTime={appeal.postedAt}>{formatDateTime(appeal.postedAt)}</time>
            </dd>
          </>
        )}
      </dl>
    </section>
  )
}
