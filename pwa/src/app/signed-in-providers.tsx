import { useEffect, useMemo, type ReactNode } from 'react'
import { Provider as UrqlProvider } from 'urql'
import { createOutboxSender } from '@/features/appeals'
import { OutboxContext } from '@/lib/offline/use-outbox'
import { createGraphqlClient } from '@/lib/graphql/client'
import { indexedDbStore } from '@/lib/offline/kv-store'
import { Outbox, type OutboxEntry } from '@/lib/offline/outbox'
import type { Identity } from '@/lib/oidc/claims'
import { SignOutContext, type SignOut } from '@/lib/oidc/sign-out-context'
import { useSession } from '@/lib/oidc/session-context'

const outboxStore = () => indexedDbStore<OutboxEntry>('otklik-outbox')

/** Per-user services: the GraphQL client with its offline cache and the outbox of queued actions. */
export function SignedInProviders({
  identity,
  children,
}: {
  identity: Identity
  children: ReactNode
}) {
  const session = useSession()
  const owner = identity.subject
  const graphql = useMemo(
    () =>
      createGraphqlClient({
        owner,
        accessToken: () => session.accessToken(),
        onUnauthorized: () => session.markExpired(),
      }),
    [owner, session],
  )
  const outbox = useMemo(
    () =>
      new Outbox({
        store: outboxStore(),
        owner,
        send: createOutboxSender(graphql.client, () => session.markExpired()),
      }),
    [graphql, owner, session],
  )

  useEffect(() => () => graphql.dispose(), [graphql])

  useEffect(() => {
    const flush = () => void outbox.flush()
    const onVisible = () => document.visibilityState === 'visible' && flush()
    void outbox.load().then(flush)
    window.addEventListener('online', flush)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.removeEventListener('online', flush)
      document.removeEventListener('visibilitychange', onVisible)
      outbox.dispose()
    }
  }, [outbox])

  const signOut = useMemo<SignOut>(
    () => async () => {
      await graphql.clearCache().catch(() => undefined)
      await session.signOut()
    },
    [graphql, session],
  )

  return (
    <UrqlProvider value={graphql.client}>
      <OutboxContext value={outbox}>
        <SignOutContext value={signOut}>{children}</SignOutContext>
      </OutboxContext>
    </UrqlProvider>
  )
}
