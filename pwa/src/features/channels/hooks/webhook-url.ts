/**
 * The address a curator pastes into the channel's settings. The server gives the full URL when
 * OTKLIK_PUBLIC_URL is set; otherwise the webhook path is joined to the address this app is served from
 * (what the curator's browser reaches, usually the same public address).
 */
export function webhookUrlOf(
  account: { webhookPath: string; webhookUrl?: string | null },
  origin: string,
): { url: string; fromServer: boolean } {
  if (account.webhookUrl) return { url: account.webhookUrl, fromServer: true }
  const base = origin.replace(/\/+$/, '')
  const path = account.webhookPath.startsWith('/') ? account.webhookPath : `/${account.webhookPath}`
  return { url: base + path, fromServer: false }
}
