import { useCallback, useEffect, useRef, useState } from 'react'
import { clearDraft, loadDraft, saveDraft, type Draft } from '@/lib/offline/draft-store'

export type AnswerKind = Draft['kind']

/**
 * The answer being written, saved on the device as you type (debounced) and at once when the app is
 * hidden or closed, so a reload, a dead network or a swiped-away app loses nothing.
 */
export function useDraft(owner: string, appealId: string, delayMs = 500) {
  const [initial] = useState(() => loadDraft(owner, appealId))
  const [text, setTextState] = useState(initial?.text ?? '')
  // Final by default: it always goes to the curator's review, so nothing unreviewed leaves by accident.
  const [kind, setKindState] = useState<AnswerKind>(initial?.kind ?? 'FINAL')
  const [savedAt, setSavedAt] = useState<string | null>(initial?.updatedAt ?? null)
  const [saveFailed, setSaveFailed] = useState(false)
  const kindRef = useRef(kind)
  const textRef = useRef(text)
  useEffect(() => {
    kindRef.current = kind
    textRef.current = text
  })
  const unsaved = useRef<Draft | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined)

  const flush = useCallback(() => {
    clearTimeout(timer.current)
    const draft = unsaved.current
    if (!draft) return
    unsaved.current = null
    const ok = saveDraft(owner, appealId, draft)
    setSaveFailed(!ok)
    if (ok) setSavedAt(draft.text.trim() ? draft.updatedAt : null)
  }, [owner, appealId])

  const schedule = useCallback(
    (draft: Draft) => {
      unsaved.current = draft
      clearTimeout(timer.current)
      timer.current = setTimeout(flush, delayMs)
    },
    [flush, delayMs],
  )

  const setText = useCallback(
    (value: string) => {
      setTextState(value)
      schedule({
        text: value,
        kind: unsaved.current?.kind ?? kindRef.current,
        updatedAt: new Date().toISOString(),
      })
    },
    [schedule],
  )

  const setKind = useCallback(
    (value: AnswerKind) => {
      setKindState(value)
      schedule({
        text: unsaved.current?.text ?? textRef.current,
        kind: value,
        updatedAt: new Date().toISOString(),
      })
    },
    [schedule],
  )

  const clear = useCallback(() => {
    clearTimeout(timer.current)
    unsaved.current = null
    clearDraft(owner, appealId)
    setTextState('')
    setSavedAt(null)
  }, [owner, appealId])

  useEffect(() => {
    const onHidden = () => document.visibilityState === 'hidden' && flush()
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onHidden)
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onHidden)
      flush()
    }
  }, [flush])

  return {
    text,
    setText,
    kind,
    setKind,
    /** When the draft on the device was last written; null when there is none. */
    savedAt,
    saveFailed,
    /** When the draft found on opening was written, if one was restored. */
    restoredAt: initial?.text ? initial.updatedAt : null,
    clear,
    flush,
  }
}
