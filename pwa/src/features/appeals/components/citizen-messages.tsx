import { ExternalLink } from '@/components/external-link'
import type { AppealChannelFieldsFragment } from '@/gql/graphql'
import { formatDateTime, useT } from '@/lib/i18n'

/** The citizen's further messages in the appeal's thread, oldest first; their text is shown as text. */
export function CitizenMessages({
  messages,
}: {
  messages: AppealChannelFieldsFragment['messages']
}) {
  const t = useT()
  if (messages.length === 0) return null
  return (
    <section aria-labelledby="messages-heading" className="card">
      <h2 id="messages-heading">
        {t('messages.title')} <span className="muted">({messages.length})</span>
      </h2>
      <ol className="answers">
        {messages.map((message) => {
          const at = message.postedAt ?? message.receivedAt
          return (
            <li key={message.id} className="answer citizen-message">
              <p className="answer__meta">
                <time dateTime={at}>{formatDateTime(at)}</time>
                {message.url && (
                  <>
                    {' · '}
                    <ExternalLink href={message.url}>{t('messages.open')}</ExternalLink>
                  </>
                )}
              </p>
              <p className="appeal-text">{message.text}</p>
            </li>
          )
        })}
      </ol>
    </section>
  )
}
