import type { TypedDocumentNode } from '@urql/core'
import { useCallback, useState } from 'react'
import { useClient } from 'urql'
import {
  ApproveAnswerDocument,
  AssignAppealDocument,
  CloseAppealDocument,
  ExtendAppealDeadlineDocument,
  PauseAppealDocument,
  ReassignAppealDocument,
  ReclassifyAppealDocument,
  RedirectAppealDocument,
  RejectAppealDocument,
  ReopenAppealDocument,
  ResumeAppealDocument,
  ReturnAnswerDocument,
  TakeOverAppealDocument,
  type ApproveAnswerInput,
  type AssignAppealInput,
  type CloseAppealInput,
  type ExtendAppealDeadlineInput,
  type PauseAppealInput,
  type ReassignAppealInput,
  type ReclassifyAppealInput,
  type RedirectAppealInput,
  type RejectAppealInput,
  type ReopenAppealInput,
  type ResumeAppealInput,
  type ReturnAnswerInput,
  type TakeOverAppealInput,
  type UserErrorFieldsFragment,
} from '@/gql/graphql'
import { explainCombined, explainRefusal } from '@/lib/graphql/errors'
import { useT } from '@/lib/i18n'

interface Inputs {
  redirect: RedirectAppealInput
  assign: AssignAppealInput
  reject: RejectAppealInput
  approve: ApproveAnswerInput
  return: ReturnAnswerInput
  close: CloseAppealInput
  reopen: ReopenAppealInput
  pause: PauseAppealInput
  resume: ResumeAppealInput
  extend: ExtendAppealDeadlineInput
  reassign: ReassignAppealInput
  takeOver: TakeOverAppealInput
  reclassify: ReclassifyAppealInput
}

type Payload = { errors: UserErrorFieldsFragment[] }
// Each document's data has one root field holding the payload.
type AnyDocument = TypedDocumentNode<Record<string, Payload>, { input: unknown }>

const DOCUMENTS: Record<keyof Inputs, AnyDocument> = {
  redirect: RedirectAppealDocument as unknown as AnyDocument,
  assign: AssignAppealDocument as unknown as AnyDocument,
  reject: RejectAppealDocument as unknown as AnyDocument,
  approve: ApproveAnswerDocument as unknown as AnyDocument,
  return: ReturnAnswerDocument as unknown as AnyDocument,
  close: CloseAppealDocument as unknown as AnyDocument,
  reopen: ReopenAppealDocument as unknown as AnyDocument,
  pause: PauseAppealDocument as unknown as AnyDocument,
  resume: ResumeAppealDocument as unknown as AnyDocument,
  extend: ExtendAppealDeadlineDocument as unknown as AnyDocument,
  reassign: ReassignAppealDocument as unknown as AnyDocument,
  takeOver: TakeOverAppealDocument as unknown as AnyDocument,
  reclassify: ReclassifyAppealDocument as unknown as AnyDocument,
}

/**
 * Online-only changes (curators' decisions, redirects, pauses and extensions): sent at once, refused with a clear message
 * when offline instead of being queued, because they depend on the appeal's current state.
 */
export function useAppealCommands() {
  const client = useClient()
  const t = useT()
  const [busy, setBusy] = useState(false)

  const run = useCallback(
    async <K extends keyof Inputs>(command: K, input: Inputs[K]): Promise<string | null> => {
      if (!navigator.onLine) return t('actions.onlineOnly')
      setBusy(true)
      try {
        const result = await client
          .mutation(DOCUMENTS[command], { input }, { requestPolicy: 'network-only' })
          .toPromise()
        const payload = result.data ? Object.values(result.data)[0] : undefined
        if (!payload) return result.error ? explainCombined(t, result.error) : t('app.error')
        const error = payload.errors[0]
        return error ? explainRefusal(t, error) : null
      } finally {
        setBusy(false)
      }
    },
    [client, t],
  )
  return { run, busy }
}
