import type { ReactNode } from 'react'
import { safeHttpUrl } from '@/lib/safe-url'

/** A link out of the app (the original post); unsafe URLs are shown as plain text. */
export function ExternalLink({
  href,
  children,
}: {
  href: string | null | undefined
  children: ReactNode
}) {
  const safe = safeHttpUrl(href)
  if (!safe) return null
  return (
    <a href={safe} target="_blank" rel="noopener noreferrer nofollow" referrerPolicy="no-referrer">
      {children}
    </a>
  )
}
