import { act, renderHook } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadDraft } from '@/lib/offline/draft-store'
import { useDraft } from '../hooks/use-draft'

beforeEach(() => vi.useFakeTimers({ now: new Date('2026-03-10T10:00:00Z') }))
afterEach(() => vi.useRealTimers())

describe('useDraft', () => {
  it('saves the text after a pause in typing', () => {
    const { result } = renderHook(() => useDraft('exec-1', 'a1', 500))
    act(() => result.current.setText('Здравствуйте'))
    expect(loadDraft('exec-1', 'a1')).toBeUndefined()
    act(() => vi.advanceTimersByTime(500))
    expect(loadDraft('exec-1', 'a1')?.text).toBe('Здравствуйте')
    expect(result.current.savedAt).toBe('2026-03-10T10:00:00.000Z')
  })

  it('starts on a final answer, which always goes to review, not on an interim one', () => {
    const { result } = renderHook(() => useDraft('exec-1', 'fresh'))
    expect(result.current.kind).toBe('FINAL')
  })

  it('restores the draft, with its kind, after a reload', () => {
    const first = renderHook(() => useDraft('exec-1', 'a1'))
    act(() => {
      first.result.current.setKind('INTERIM')
      first.result.current.setText('Промежуточный ответ')
    })
    first.unmount() // closing the screen flushes at once
    const second = renderHook(() => useDraft('exec-1', 'a1'))
    expect(second.result.current.text).toBe('Промежуточный ответ')
    expect(second.result.current.kind).toBe('INTERIM')
    expect(second.result.current.restoredAt).not.toBeNull()
  })

  it('writes immediately when the app is hidden or closed', () => {
    const { result } = renderHook(() => useDraft('exec-1', 'a1', 10_000))
    act(() => result.current.setText('не потерять'))
    act(() => {
      window.dispatchEvent(new Event('pagehide'))
    })
    expect(loadDraft('exec-1', 'a1')?.text).toBe('не потерять')
  })

  it('keeps drafts per user and per appeal', () => {
    const { result } = renderHook(() => useDraft('exec-1', 'a1'))
    act(() => result.current.setText('раз'))
    act(() => result.current.flush())
    expect(loadDraft('exec-2', 'a1')).toBeUndefined()
    expect(loadDraft('exec-1', 'a2')).toBeUndefined()
  })

  it('clears the draft once the answer is queued', () => {
    const { result } = renderHook(() => useDraft('exec-1', 'a1'))
    act(() => result.current.setText('готово'))
    act(() => result.current.flush())
    act(() => result.current.clear())
    expect(result.current.text).toBe('')
    expect(loadDraft('exec-1', 'a1')).toBeUndefined()
  })
})
