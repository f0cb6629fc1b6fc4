import { ChannelLabel } from '@/components/channel-label'
import { ExternalLink } from '@/components/external-link'
import type { AppealChannelFieldsFragment } from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'

/** Where the appeal came from: the channel, the connected account, what answers reply to, the original. */
export function AppealSource({ appeal }: { appeal: AppealChannelFieldsFragment }) {
  const t = useT()
  const account = appeal.source?.account
  const replyKind = appeal.source?.replyTarget?.kind
  return (
    <p className="card__row source" aria-label={t('source.title')}>
      <ChannelLabel channel={account?.kind ?? appeal.channel} />
      {account ? (
        <span className="source__account">
          <span aria-hidden="true">· </span>
          {account.name}
        </span>
      ) : (
        <span className="muted small">{t('source.noAccount')}</span>
      )}
      {account && replyKind && (
        <span className="muted small">{t(enumKey('source.reply', replyKind))}</span>
      )}
      {appeal.url && <ExternalLink href={appeal.url}>{t('appeal.original')}</ExternalLink>}
    </p>
  )
}
