import { useState } from 'react'
import type { AppealDetailFragment } from '@/gql/graphql'
import { useOnline } from '@/hooks/use-online'
import { useT } from '@/lib/i18n'
import { useIdentity } from '@/lib/oidc/session-context'
import { formatTerm } from '@/lib/sla/format'
import { useAppealCommands } from '../hooks/use-appeal-commands'
import { effectiveViewerCan, type AppealAction } from '../hooks/viewer-can'
import { useOutbox, useOutboxEntries } from '@/lib/offline/use-outbox'
import { AgencyDialog } from './agency-dialog'
import { AnswerEditor } from './answer-editor'
import { ReasonDialog } from './reason-dialog'
import { ReassignDialog } from './reassign-dialog'
import { ReclassifyDialog } from './reclassify-dialog'

type Open =
  | null
  | 'redirect'
  | 'assign'
  | 'reject'
  | 'return'
  | 'reopen'
  | 'pause'
  | 'extend'
  | 'reassign'
  | 'reclassify'
type ReasonOpen = 'reject' | 'return' | 'reopen' | 'pause' | 'extend'

const REASON_TITLE = {
  reject: 'actions.reject',
  return: 'actions.return',
  reopen: 'actions.reopen',
  pause: 'actions.pause',
  extend: 'actions.extend',
} as const

const REASON_LABEL = {
  reject: 'actions.reason',
  return: 'actions.comment',
  reopen: 'actions.reason',
  pause: 'actions.pauseReason',
  extend: 'actions.extendReason',
} as const

interface ActionButton {
  /** Shown when `viewerCan` allows it. The answer editor and manual publication live elsewhere. */
  action: Exclude<AppealAction, 'answer' | 'markPublished'>
  variant?: 'primary' | 'danger'
  /** Runs at once rather than opening a dialog, so it is disabled while another command runs. */
  command?: boolean
  /** False when the action is allowed but has nothing to act on (no answer awaiting review). */
  shown?: boolean
  onClick: () => void
}

/** Buttons for what the server says the viewer may do now (`viewerCan`), and the answer editor. */
export function AppealActions({ appeal }: { appeal: AppealDetailFragment }) {
  const t = useT()
  const { roles } = useIdentity()
  const outbox = useOutbox()
  const pending = useOutboxEntries(appeal.id)
  const online = useOnline()
  const commands = useAppealCommands()
  const [open, setOpen] = useState<Open>(null)
  const [error, setError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)

  const takeQueued = pending.some(
    (entry) => entry.action.kind === 'take' && entry.state !== 'failed',
  )
  const finalQueued = pending.some(
    (entry) =>
      entry.action.kind === 'answer' &&
      entry.action.answerKind === 'FINAL' &&
      entry.state !== 'failed',
  )
  const can = effectiveViewerCan(appeal.viewerCan, takeQueued, finalQueued)
  const reasonOpen: ReasonOpen | null =
    open === 'redirect' ||
    open === 'assign' ||
    open === 'reassign' ||
    open === 'reclassify' ||
    open === null
      ? null
      : open
  const reviewAnswer = appeal.answers.findLast(
    (answer) => answer.kind === 'FINAL' && answer.review === 'PENDING',
  )

  const close = () => {
    setOpen(null)
    setError(null)
  }
  const finish = (message: string | null) => {
    setError(message)
    if (!message) {
      setOpen(null)
      setNotice(t('actions.done'))
    }
  }

  const take = async () => {
    await outbox.enqueue({ kind: 'take', appealId: appeal.id })
    setNotice(online ? null : t('actions.queued'))
  }

  const version = { appealId: appeal.id, expectedVersion: appeal.version }
  const dialog = (which: NonNullable<Open>) => () => setOpen(which)
  // In display order; `command` buttons act at once (and wait for a running command), the others open a dialog.
  const buttons: ActionButton[] = [
    { action: 'take', variant: 'primary', onClick: () => void take() },
    { action: 'assign', variant: 'primary', onClick: dialog('assign') },
    {
      action: 'approve',
      variant: 'primary',
      command: true,
      shown: Boolean(reviewAnswer),
      onClick: () =>
        void commands.run('approve', { ...version, answerId: reviewAnswer?.id ?? '' }).then(finish),
    },
    { action: 'return', shown: Boolean(reviewAnswer), onClick: dialog('return') },
    { action: 'reject', variant: 'danger', onClick: dialog('reject') },
    { action: 'redirect', onClick: dialog('redirect') },
    {
      action: 'close',
      command: true,
      onClick: () => void commands.run('close', version).then(finish),
    },
    { action: 'reopen', onClick: dialog('reopen') },
    { action: 'pause', onClick: dialog('pause') },
    {
      action: 'resume',
      command: true,
      onClick: () => void commands.run('resume', version).then(finish),
    },
    { action: 'extend', onClick: dialog('extend') },
    { action: 'reassign', onClick: dialog('reassign') },
    { action: 'reclassify', onClick: dialog('reclassify') },
    {
      action: 'takeOver',
      command: true,
      onClick: () => void commands.run('takeOver', version).then(finish),
    },
  ]

  const shown = buttons.filter((button) => can[button.action] && button.shown !== false)
  if (shown.length === 0 && !can.answer && !takeQueued && !finalQueued) return null
  return (
    <section aria-labelledby="actions-heading" className="actions">
      <h2 id="actions-heading" className="visually-hidden">
        {t('actions.title')}
      </h2>
      {notice && (
        <p className="notice notice--info" role="status">
          {notice}
        </p>
      )}
      {takeQueued && <p className="notice notice--warning">{t('appeal.pendingTake')}</p>}
      {finalQueued && (
        <p className="notice notice--warning" role="status">
          {t('editor.finalQueued')}
        </p>
      )}
      <div className="actions__buttons">
        {shown.map((button) => (
          <button
            key={button.action}
            type="button"
            className={button.variant ? `button button--${button.variant}` : 'button'}
            disabled={button.command ? commands.busy : undefined}
            onClick={button.onClick}
          >
            {t(`actions.${button.action}`)}
          </button>
        ))}
      </div>
      {error && !open && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      {can.answer && <AnswerEditor key={appeal.id} appealId={appeal.id} />}

      <AgencyDialog
        open={open === 'redirect' || open === 'assign'}
        title={open === 'assign' ? t('actions.assign') : t('actions.redirect')}
        submitLabel={open === 'assign' ? t('actions.assign') : t('actions.redirect')}
        withReason={open === 'redirect'}
        excludeAgencyId={open === 'redirect' ? appeal.agency?.id : null}
        category={open === 'assign' ? appeal.category : undefined}
        busy={commands.busy}
        error={error}
        onClose={close}
        onSubmit={(agencyId, reason) =>
          void (
            open === 'assign'
              ? commands.run('assign', {
                  appealId: appeal.id,
                  agencyId,
                  expectedVersion: appeal.version,
                })
              : commands.run('redirect', {
                  appealId: appeal.id,
                  agencyId,
                  reason,
                  expectedVersion: appeal.version,
                })
          ).then(finish)
        }
      />
      {appeal.agency && (
        <ReassignDialog
          open={open === 'reassign'}
          agencyId={appeal.agency.id}
          holderId={appeal.executor?.id}
          // The server requires a comment only from an executor handing over what they hold.
          commentRequired={!roles.includes('CURATOR') && !roles.includes('HEAD')}
          busy={commands.busy}
          error={error}
          onClose={close}
          onSubmit={(executorId, comment) =>
            void commands
              .run('reassign', {
                appealId: appeal.id,
                executorId,
                comment: comment || null,
                expectedVersion: appeal.version,
              })
              .then(finish)
          }
        />
      )}
      {open === 'reclassify' && (
        // Mounted per opening, so the form starts from the appeal as it is now.
        <ReclassifyDialog
          open
          appeal={appeal}
          busy={commands.busy}
          error={error}
          onClose={close}
          onSubmit={(input) => void commands.run('reclassify', input).then(finish)}
        />
      )}
      <ReasonDialog
        open={reasonOpen !== null}
        title={reasonOpen ? t(REASON_TITLE[reasonOpen]) : ''}
        label={reasonOpen ? t(REASON_LABEL[reasonOpen]) : ''}
        hint={
          reasonOpen === 'extend' && appeal.sla?.policy.extension
            ? t('actions.extendHint', { term: formatTerm(t, appeal.sla.policy.extension) })
            : undefined
        }
        submitLabel={t('actions.confirm')}
        busy={commands.busy}
        error={error}
        onClose={close}
        onSubmit={(text) => {
          const base = { appealId: appeal.id, expectedVersion: appeal.version }
          const run =
            reasonOpen === 'reject'
              ? commands.run('reject', { ...base, reason: text })
              : reasonOpen === 'return' && reviewAnswer
                ? commands.run('return', { ...base, answerId: reviewAnswer.id, comment: text })
                : reasonOpen === 'pause'
                  ? commands.run('pause', { ...base, reason: text })
                  : reasonOpen === 'extend'
                    ? commands.run('extend', { ...base, reason: text })
                    : commands.run('reopen', { ...base, reason: text })
          void run.then(finish)
        }}
      />
    </section>
  )
}
