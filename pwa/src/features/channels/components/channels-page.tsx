import { useState } from 'react'
import { ChannelLabel } from '@/components/channel-label'
import { CopyButton } from '@/components/copy-button'
import { EmptyState, ErrorState, LoadingState } from '@/components/page-states'
import type { ChannelAccountFieldsFragment } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'
import { useChannelAccounts, useChannelCommands } from '../hooks/use-channel-accounts'
import { webhookUrlOf } from '../hooks/webhook-url'
import { ChannelAccountForm } from './channel-account-form'

type Open = null | { edit: ChannelAccountFieldsFragment | null }

/** The curator's «Каналы»: connected accounts, their health, and connecting, checking, disabling them. */
export function ChannelsPage() {
  const t = useT()
  const list = useChannelAccounts()
  const commands = useChannelCommands()
  const [open, setOpen] = useState<Open>(null)
  const [notice, setNotice] = useState<string | null>(null)

  return (
    <section className="page channels" aria-labelledby="channels-heading">
      <h1 id="channels-heading" tabIndex={-1}>
        {t('channels.title')}
      </h1>
      <p className="muted">{t('channels.lead')}</p>
      <div className="actions__buttons">
        <button
          type="button"
          className="button button--primary"
          onClick={() => setOpen({ edit: null })}
        >
          {t('channels.connect')}
        </button>
        <button type="button" className="button" disabled={list.refreshing} onClick={list.refresh}>
          {list.refreshing ? t('queue.refreshing') : t('queue.refresh')}
        </button>
      </div>
      {notice && (
        <p className="notice notice--info" role="status">
          {notice}
        </p>
      )}
      {list.loading ? (
        <LoadingState />
      ) : list.error ? (
        <ErrorState onRetry={list.refresh} />
      ) : list.accounts.length === 0 ? (
        <EmptyState text={t('channels.empty')} />
      ) : (
        <ul className="list" aria-label={t('channels.list')}>
          {list.accounts.map((account) => (
            <AccountCard
              key={account.id}
              account={account}
              commands={commands}
              onEdit={() => setOpen({ edit: account })}
            />
          ))}
        </ul>
      )}
      {open && (
        <ChannelAccountForm
          account={open.edit}
          commands={commands}
          onClose={() => setOpen(null)}
          onDone={(account) => {
            setOpen(null)
            setNotice(
              open.edit
                ? t('channels.saved', { name: account.name })
                : t('channels.connected', { name: account.name }),
            )
          }}
        />
      )}
    </section>
  )
}

const HEALTH_BADGE = { OK: 'badge--ok', DEGRADED: 'badge--pending', BROKEN: 'badge--bad' } as const

function AccountCard({
  account,
  commands,
  onEdit,
}: {
  account: ChannelAccountFieldsFragment
  commands: ReturnType<typeof useChannelCommands>
  onEdit: () => void
}) {
  const t = useT()
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null)
  const webhook = webhookUrlOf(account, window.location.origin)
  const headingId = `channel-${account.id}`

  const act = async (action: 'check' | 'disable' | 'enable') => {
    setResult(null)
    const payload =
      action === 'check'
        ? await commands.check(account.id)
        : action === 'disable'
          ? await commands.disable(account.id)
          : await commands.update({ accountId: account.id, enabled: true })
    const error = payload.errors[0]
    if (error) return setResult({ ok: false, text: error.message })
    setResult({ ok: true, text: t(`channels.result.${action}`) })
  }

  return (
    <li className="card channel-account" aria-labelledby={headingId} data-account-id={account.id}>
      <p className="card__row">
        <ChannelLabel channel={account.kind} />
        <span className={`badge ${HEALTH_BADGE[account.health]}`}>
          {t(enumKey('channels.health', account.health))}
        </span>
        {!account.enabled && <span className="badge">{t('channels.disabled')}</span>}
      </p>
      <h2 id={headingId} className="card__title">
        {account.name}
      </h2>
      <dl className="details">
        <dt>{t('channels.agency')}</dt>
        <dd>{account.agency?.name ?? t('channels.ownAccount')}</dd>
        <dt>{t('channels.mode')}</dt>
        <dd>{t(enumKey('channels.modeOption', account.mode))}</dd>
        {account.externalAccountId && (
          <>
            <dt>{t(enumKey('channels.externalId', account.kind))}</dt>
            <dd>{account.externalAccountId}</dd>
          </>
        )}
        <dt>{t('channels.lastEvent')}</dt>
        <dd>
          {account.lastEventAt ? (
            <time dateTime={account.lastEventAt}>{formatDateTime(account.lastEventAt)}</time>
          ) : (
            <span className="muted">{t('channels.noEvents')}</span>
          )}
        </dd>
      </dl>
      {account.lastError && (
        <p className="notice notice--error">
          {t('channels.lastError', { error: account.lastError })}
        </p>
      )}
      {account.mode === 'WEBHOOK' && (
        <div className="webhook">
          <p className="small-heading">{t('channels.webhookUrl')}</p>
          <code className="webhook__url">{webhook.url}</code>
          {!webhook.fromServer && <p className="muted small">{t('channels.webhookFromOrigin')}</p>}
          <div className="actions__buttons">
            <CopyButton text={webhook.url} label={t('channels.copyUrl')} />
            {account.webhookSecret && (
              <CopyButton text={account.webhookSecret} label={t('channels.copySecret')} />
            )}
          </div>
        </div>
      )}
      {result && (
        <p className={`notice ${result.ok ? 'notice--ok' : 'notice--error'}`} role="status">
          {result.text}
        </p>
      )}
      <div className="actions__buttons">
        <button
          type="button"
          className="button"
          disabled={commands.busy}
          onClick={() => void act('check')}
        >
          {t('channels.check')}
        </button>
        <button type="button" className="button" onClick={onEdit}>
          {t('channels.edit')}
        </button>
        <button
          type="button"
          className={account.enabled ? 'button button--danger' : 'button'}
          disabled={commands.busy}
          onClick={() => void act(account.enabled ? 'disable' : 'enable')}
        >
          {account.enabled ? t('channels.disable') : t('channels.enable')}
        </button>
      </div>
    </li>
  )
}
