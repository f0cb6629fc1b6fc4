import { useQuery } from 'urql'
import { ChannelAccountsDocument, type ChannelHealth } from '@/gql/graphql'

/** How many accounts are BROKEN (revoked token, bot removed): nothing they carry goes out until fixed. */
export function brokenCount(accounts: readonly { health: ChannelHealth }[]): number {
  return accounts.filter((account) => account.health === 'BROKEN').length
}

/**
 * The BROKEN accounts for the «Каналы» tab's badge. Fetched once (the client's cache-and-network), then
 * kept current by the same cached list the screen refetches and by the delivery notice's refetch.
 */
export function useBrokenAccountCount(): number {
  const [{ data }] = useQuery({ query: ChannelAccountsDocument })
  return brokenCount(data?.channelAccounts ?? [])
}
