import { useState } from 'react'
import { useClient } from 'urql'
import { useT } from '@/lib/i18n'
import pauseAppeal from '../api-pending/sla/pause-appeal.graphql?raw'
import resumeAppeal from '../api-pending/sla/resume-appeal.graphql?raw'
import type { PauseAppealResult } from '../api-pending/sla/types'
import { explainError } from '../hooks/use-user-error'
import { ReasonDialog } from './reason-dialog'

/** Pause for clarification / resume (sla.graphqls): the SLA clock stops while the citizen answers. */
export default function PauseAction({ appealId, paused }: { appealId: string; paused: boolean }) {
  const t = useT()
  const client = useClient()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const send = async (reason: string) => {
    if (!navigator.onLine) return setError(t('actions.onlineOnly'))
    setBusy(true)
    const result = await client
      .mutation<PauseAppealResult>(paused ? resumeAppeal : pauseAppeal, {
        input: { appealId, reason },
      })
      .toPromise()
    setBusy(false)
    const payload = result.data?.pauseAppeal ?? result.data?.resumeAppeal
    const failure = payload?.errors[0]
    if (failure) return setError(explainError(t, failure))
    if (!payload) return setError(result.error?.message ?? t('app.error'))
    setOpen(false)
  }

  return (
    <>
      <button type="button" className="button" onClick={() => setOpen(true)}>
        {paused ? t('actions.resume') : t('actions.pause')}
      </button>
      <ReasonDialog
        open={open}
        title={paused ? t('actions.resume') : t('actions.pause')}
        label={t('actions.reason')}
        submitLabel={t('actions.confirm')}
        busy={busy}
        error={error}
        onClose={() => setOpen(false)}
        onSubmit={(reason) => void send(reason)}
      />
    </>
  )
}
