import { useState } from 'react'
import { Link } from 'wouter'
import { AppealNumber } from '@/components/appeal-number'
import { AppealText } from '@/components/appeal-text'
import { CountdownChip } from '@/components/countdown-chip'
import { ExternalLink } from '@/components/external-link'
import { AgencyDialog, ReasonDialog, useAppealCommands } from '@/features/appeals'
import type { ModerationQueueQuery } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'
import { acceptSuggestionInput } from '../accept-suggestion'
import { RoutingSuggestion } from './routing-suggestion'

type Appeal = ModerationQueueQuery['appeals']['edges'][number]['node']

/** One card of the moderation queue: the appeal, the router's suggestion and the curator's actions. */
export function ModerationItem({ appeal }: { appeal: Appeal }) {
  const t = useT()
  const commands = useAppealCommands()
  const [open, setOpen] = useState<null | 'assign' | 'reject'>(null)
  const [error, setError] = useState<string | null>(null)
  const finish = (message: string | null) => {
    setError(message)
    if (!message) setOpen(null)
  }
  return (
    <li className="card" data-appeal-id={appeal.id}>
      <span className="card__row">
        <CountdownChip sla={appeal.sla} />
        {appeal.urgent && <span className="badge badge--urgent">{t('queue.urgent')}</span>}
        <span className="card__meta">
          <AppealNumber number={appeal.number} /> · {formatDateTime(appeal.receivedAt)}
        </span>
      </span>
      <Link href={`/appeals/${appeal.id}`} className="card__title">
        {t(enumKey('category', appeal.category))}
        {appeal.municipality && ` · ${t(enumKey('municipality', appeal.municipality))}`}
      </Link>
      <AppealText text={appeal.text} />
      {appeal.routing && (
        <RoutingSuggestion
          routing={appeal.routing}
          canAccept={appeal.viewerCan.assign}
          busy={commands.busy}
          onAccept={() => {
            const input = appeal.routing && acceptSuggestionInput(appeal, appeal.routing)
            if (input) void commands.run('assign', input).then(setError)
          }}
        />
      )}
      {error && !open && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <p className="card__meta">
        {t(enumKey('channel', appeal.channel))} ·{' '}
        {t('appeal.reachValue', {
          views: appeal.reach.views,
          likes: appeal.reach.likes,
          comments: appeal.reach.comments,
        })}
        {appeal.url && (
          <>
            {' · '}
            <ExternalLink href={appeal.url}>{t('appeal.original')}</ExternalLink>
          </>
        )}
      </p>
      {/* What the server allows (viewerCan). */}
      <div className="actions__buttons">
        {appeal.viewerCan.assign && (
          <button
            type="button"
            className="button button--primary"
            onClick={() => setOpen('assign')}
          >
            {t('actions.assign')}
          </button>
        )}
        {appeal.viewerCan.reject && (
          <button type="button" className="button button--danger" onClick={() => setOpen('reject')}>
            {t('actions.reject')}
          </button>
        )}
      </div>
      <AgencyDialog
        open={open === 'assign'}
        title={t('actions.assign')}
        submitLabel={t('actions.assign')}
        withReason={false}
        category={appeal.category}
        busy={commands.busy}
        error={error}
        onClose={() => setOpen(null)}
        onSubmit={(agencyId) =>
          void commands
            .run('assign', { appealId: appeal.id, agencyId, expectedVersion: appeal.version })
            .then(finish)
        }
      />
      <ReasonDialog
        open={open === 'reject'}
        title={t('actions.reject')}
        label={t('actions.reason')}
        submitLabel={t('actions.reject')}
        busy={commands.busy}
        error={error}
        onClose={() => setOpen(null)}
        onSubmit={(reason) =>
          void commands
            .run('reject', { appealId: appeal.id, reason, expectedVersion: appeal.version })
            .then(finish)
        }
      />
    </li>
  )
}
