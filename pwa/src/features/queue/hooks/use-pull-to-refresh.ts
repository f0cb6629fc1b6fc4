import { useEffect, useRef, useState } from 'react'

/** Pixels to pull (after resistance) before releasing refreshes. */
export const PULL_THRESHOLD = 64

/** Finger travel to indicator offset: half the distance, at most 1.5× the threshold. */
export function pullOffset(deltaY: number): number {
  if (deltaY <= 0) return 0
  return Math.min(PULL_THRESHOLD * 1.5, deltaY / 2)
}

/**
 * Native-feeling pull to refresh on touch screens: only when the page is scrolled to the top,
 * only for a downward pull. Keyboard and mouse users have the visible refresh button instead.
 */
export function usePullToRefresh(onRefresh: () => void) {
  const [offset, setOffset] = useState(0)
  const start = useRef<number | null>(null)
  const latest = useRef({ onRefresh, offset })
  useEffect(() => {
    latest.current = { onRefresh, offset }
  })

  useEffect(() => {
    const onStart = (event: TouchEvent) => {
      start.current =
        window.scrollY <= 0 && event.touches.length === 1 ? event.touches[0]!.clientY : null
    }
    const onMove = (event: TouchEvent) => {
      if (start.current === null) return
      setOffset(pullOffset(event.touches[0]!.clientY - start.current))
    }
    const onEnd = () => {
      if (start.current !== null && latest.current.offset >= PULL_THRESHOLD)
        latest.current.onRefresh()
      start.current = null
      setOffset(0)
    }
    window.addEventListener('touchstart', onStart, { passive: true })
    window.addEventListener('touchmove', onMove, { passive: true })
    window.addEventListener('touchend', onEnd)
    window.addEventListener('touchcancel', onEnd)
    return () => {
      window.removeEventListener('touchstart', onStart)
      window.removeEventListener('touchmove', onMove)
      window.removeEventListener('touchend', onEnd)
      window.removeEventListener('touchcancel', onEnd)
    }
  }, [])

  return { offset, ready: offset >= PULL_THRESHOLD }
}
