import type { Channel } from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'

const MARK: Partial<Record<Channel, string>> = { VK: 'VK', TELEGRAM: 'TG', MAX: 'MAX', OK: 'OK' }

/** A channel's mark and name; the mark is decoration, the name is what assistive technology reads. */
export function ChannelLabel({ channel }: { channel: Channel }) {
  const t = useT()
  return (
    <span className="channel-label">
      <span className={`channel-mark channel-mark--${channel.toLowerCase()}`} aria-hidden="true">
        {MARK[channel] ?? '•'}
      </span>
      {t(enumKey('channel', channel))}
    </span>
  )
}
