import { useId, useState } from 'react'
import { CopyButton } from '@/components/copy-button'
import { Dialog } from '@/components/dialog'
import { ExternalLink } from '@/components/external-link'
import type { AnswerDeliveryFieldsFragment } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'
import { safeHttpUrl } from '@/lib/safe-url'
import { useDeliveryCommands } from '../hooks/use-delivery-commands'

const BADGE = {
  PENDING: 'badge--pending',
  SENT: 'badge--ok',
  FAILED: 'badge--bad',
  MANUAL: 'badge--on-review',
} as const

interface ViewProps {
  delivery: AnswerDeliveryFieldsFragment
  /** The server allows marking it published (`viewerCan.markPublished`, MANUAL or FAILED). */
  canMarkPublished: boolean
  /** A curator may send a FAILED or PENDING answer again. */
  canRetry: boolean
  busy?: boolean
  /** The answer's text, offered for copying when it is to be published by hand. */
  text: string
  onMarkPublished: () => void
  onRetry: () => void
}

/** One answer's delivery: its state in words (colour only reinforces it), where it went, what to do. */
export function DeliveryView({
  delivery,
  canMarkPublished,
  canRetry,
  busy,
  text,
  onMarkPublished,
  onRetry,
}: ViewProps) {
  const t = useT()
  const { state } = delivery
  const manualable = canMarkPublished && (state === 'MANUAL' || state === 'FAILED')
  const retryable = canRetry && (state === 'FAILED' || state === 'PENDING')
  return (
    <div className="delivery" data-delivery-state={state}>
      <p className="answer__meta">
        <span className={`badge ${BADGE[state]}`}>{t(enumKey('delivery.state', state))}</span>{' '}
        <time dateTime={delivery.at}>{formatDateTime(delivery.at)}</time>
      </p>
      {state === 'SENT' && (
        <p className="delivery__line">
          {delivery.by && t('delivery.publishedBy', { name: delivery.by.name })}
          {delivery.by && delivery.link && ' · '}
          {safeHttpUrl(delivery.link) && (
            <ExternalLink href={delivery.link}>{t('delivery.openReply')}</ExternalLink>
          )}
        </p>
      )}
      {state === 'MANUAL' && <p className="delivery__line muted">{t('delivery.manualHint')}</p>}
      {(state === 'FAILED' || state === 'PENDING') && delivery.error && (
        <p className={`notice ${state === 'FAILED' ? 'notice--error' : 'notice--warning'}`}>
          {t('delivery.reason', { reason: delivery.error })}
        </p>
      )}
      {(state === 'FAILED' || state === 'PENDING') && delivery.nextAttemptAt && (
        <p className="delivery__line muted">
          {t('delivery.nextAttempt', { date: formatDateTime(delivery.nextAttemptAt) })}
        </p>
      )}
      {(manualable || retryable) && (
        <div className="actions__buttons">
          {manualable && <CopyButton text={text} label={t('delivery.copyText')} />}
          {manualable && (
            <button type="button" className="button button--primary" onClick={onMarkPublished}>
              {t('delivery.markPublished')}
            </button>
          )}
          {retryable && (
            <button type="button" className="button" disabled={busy} onClick={onRetry}>
              {t('delivery.retry')}
            </button>
          )}
        </div>
      )}
    </div>
  )
}

interface Props {
  appeal: { id: string; version: number; viewerCan: { markPublished: boolean } }
  answer: { id: string; text: string; delivery?: AnswerDeliveryFieldsFragment | null }
}

/** The delivery of a published answer on the card, with «Отметить опубликованным» and «Отправить снова». */
export function AnswerDelivery({ appeal, answer }: Props) {
  const commands = useDeliveryCommands(appeal.id)
  const [open, setOpen] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (!answer.delivery) return null
  return (
    <>
      <DeliveryView
        delivery={answer.delivery}
        text={answer.text}
        canMarkPublished={appeal.viewerCan.markPublished}
        canRetry={commands.curator}
        busy={commands.busy}
        onMarkPublished={() => setOpen(true)}
        onRetry={() => void commands.retry(answer.id).then(setError)}
      />
      {error && !open && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {open && (
        <MarkPublishedDialog
          busy={commands.busy}
          onClose={() => setOpen(false)}
          onSubmit={(link) => commands.markPublished(answer.id, link, appeal.version)}
        />
      )}
    </>
  )
}

function MarkPublishedDialog({
  busy,
  onClose,
  onSubmit,
}: {
  busy: boolean
  onClose: () => void
  onSubmit: (link: string) => Promise<{ link?: string; general: string[] } | null>
}) {
  const t = useT()
  const id = useId()
  const [link, setLink] = useState('')
  const [linkError, setLinkError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const submit = async () => {
    const value = link.trim()
    if (value && !safeHttpUrl(value)) return setLinkError(t('delivery.linkInvalid'))
    setLinkError(null)
    const result = await onSubmit(value)
    if (!result) return onClose()
    setLinkError(result.link ?? null)
    setError(result.general.join(' ') || null)
  }
  return (
    <Dialog
      open
      title={t('delivery.markPublishedTitle')}
      submitLabel={t('delivery.markPublished')}
      busy={busy}
      error={error}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      <label htmlFor={id}>{t('delivery.link')}</label>
      <input
        id={id}
        type="url"
        inputMode="url"
        value={link}
        placeholder="https://vk.com/wall-1_1?reply=2"
        onChange={(event) => setLink(event.target.value)}
        aria-invalid={linkError ? true : undefined}
        aria-describedby={`${id}-hint${linkError ? ` ${id}-error` : ''}`}
      />
      <p id={`${id}-hint`} className="muted small">
        {t('delivery.linkHint')}
      </p>
      {linkError && (
        <p id={`${id}-error`} className="field-error">
          {linkError}
        </p>
      )}
    </Dialog>
  )
}
