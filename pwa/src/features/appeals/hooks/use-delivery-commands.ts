import { useCallback, useState } from 'react'
import { useClient, useQuery } from 'urql'
import {
  AppealDocument,
  MarkAnswerPublishedDocument,
  MeDocument,
  RetryDeliveryDocument,
} from '@/gql/graphql'
import { useT } from '@/lib/i18n'
import { splitFieldErrors } from '@/lib/user-errors'

export type DeliveryResult = { link?: string; general: string[] } | null

/**
 * Marking an answer published by hand and sending a failed one again. Both are online-only: they
 * depend on the delivery's current state, which the server decides.
 */
export function useDeliveryCommands(appealId: string) {
  const client = useClient()
  const t = useT()
  const [busy, setBusy] = useState(false)
  // Only curators may retry (the server refuses others); the cached `me` answers offline too.
  const [{ data: me }] = useQuery({ query: MeDocument })
  const curator = me?.me.roles.includes('CURATOR') ?? false

  const markPublished = useCallback(
    async (answerId: string, link: string, expectedVersion: number): Promise<DeliveryResult> => {
      if (!navigator.onLine) return { general: [t('actions.onlineOnly')] }
      setBusy(true)
      try {
        const result = await client
          .mutation(MarkAnswerPublishedDocument, {
            input: { appealId, answerId, link: link || null, expectedVersion },
          })
          .toPromise()
        const payload = result.data?.markAnswerPublished
        if (!payload)
          return { general: [result.error?.networkError ? t('error.network') : t('app.error')] }
        if (payload.errors.length === 0) return null
        const { byField, general } = splitFieldErrors(payload.errors, ['link'] as const)
        return { link: byField.link, general }
      } finally {
        setBusy(false)
      }
    },
    [appealId, client, t],
  )

  const retry = useCallback(
    async (answerId: string): Promise<string | null> => {
      if (!navigator.onLine) return t('actions.onlineOnly')
      setBusy(true)
      try {
        const result = await client
          .mutation(RetryDeliveryDocument, { input: { answerId } })
          .toPromise()
        const payload = result.data?.retryDelivery
        if (!payload) return result.error?.networkError ? t('error.network') : t('app.error')
        if (payload.errors[0]) return payload.errors[0].message
        // The live event will bring the new state as well; this makes it visible without waiting.
        await client
          .query(AppealDocument, { id: appealId }, { requestPolicy: 'network-only' })
          .toPromise()
        return null
      } finally {
        setBusy(false)
      }
    },
    [appealId, client, t],
  )

  return { markPublished, retry, busy, curator }
}
