import { useCallback, useEffect, useState } from 'react'
import { useClient, useQuery } from 'urql'
import {
  ChannelAccountsDocument,
  CheckChannelAccountDocument,
  ConnectChannelAccountDocument,
  DisableChannelAccountDocument,
  UpdateChannelAccountDocument,
  type ChannelAccountFieldsFragment,
  type ConnectChannelAccountInput,
  type UpdateChannelAccountInput,
} from '@/gql/graphql'
import { useT } from '@/lib/i18n'
import type { FieldError } from '@/lib/user-errors'

export type AccountResult = {
  account: ChannelAccountFieldsFragment | null
  errors: FieldError[]
}

/**
 * The connected accounts. No live event announces a change of an account's health, so the list is
 * fetched again whenever the curator comes back to the screen (window focus, tab shown) and on «Обновить»;
 * the delivery notice also fetches it again when an answer is not delivered (see use-delivery-alerts).
 */
export function useChannelAccounts() {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: ChannelAccountsDocument })
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute])
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh()
    }
    window.addEventListener('focus', refresh)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.removeEventListener('focus', refresh)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [refresh])
  return {
    accounts: data?.channelAccounts ?? [],
    loading: fetching && !data,
    refreshing: fetching && Boolean(data),
    error: error && !data ? error : undefined,
    refresh,
  }
}

/** The account mutations; each resolves to the payload (or a general error when there is none). */
export function useChannelCommands() {
  const client = useClient()
  const t = useT()
  const [busy, setBusy] = useState(false)

  const run = useCallback(
    async (
      send: () => Promise<{
        data?: Record<string, AccountResult> | null
        error?: { networkError?: Error }
      }>,
    ): Promise<AccountResult> => {
      if (!navigator.onLine) return { account: null, errors: [failure(t('actions.onlineOnly'))] }
      setBusy(true)
      try {
        const result = await send()
        const payload = result.data ? Object.values(result.data)[0] : undefined
        if (payload) return payload
        return {
          account: null,
          errors: [failure(result.error?.networkError ? t('error.network') : t('app.error'))],
        }
      } finally {
        setBusy(false)
      }
    },
    [t],
  )

  const connect = (input: ConnectChannelAccountInput) =>
    run(async () => {
      const result = await client.mutation(ConnectChannelAccountDocument, { input }).toPromise()
      // A new account is not in the cached list yet: fetch it again.
      if (result.data?.connectChannelAccount.account)
        await client
          .query(ChannelAccountsDocument, {}, { requestPolicy: 'network-only' })
          .toPromise()
      return result
    })
  const update = (input: UpdateChannelAccountInput) =>
    run(() => client.mutation(UpdateChannelAccountDocument, { input }).toPromise())
  const disable = (accountId: string) =>
    run(() => client.mutation(DisableChannelAccountDocument, { input: { accountId } }).toPromise())
  const check = (accountId: string) =>
    run(() => client.mutation(CheckChannelAccountDocument, { input: { accountId } }).toPromise())

  return { connect, update, disable, check, busy }
}

function failure(message: string): FieldError {
  return { code: 'CLIENT', field: [], message }
}
