import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import type { ReactNode } from 'react'
import { Provider, type Client } from 'urql'
import { fromValue } from 'wonka'
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest'
import type { QualityReportFieldsFragment } from '@/gql/graphql'
import { QualityReport } from '../components/quality-report'
import { findingAt, markSegments } from '../hooks/quality-marks'
import { useAnswerQuality } from '../hooks/use-answer-quality'

const TEXT = 'Ваше обращение рассмотрено. Ждите.'
const report: QualityReportFieldsFragment = {
  score: 55,
  findings: [
    {
      rule: 'TEMPLATE_PHRASE',
      message: 'Шаблонная фраза ничего не говорит жителю.',
      start: 0,
      end: 26,
      suggestion: 'Скажите, что сделано.',
    },
    {
      rule: 'NO_POLITENESS',
      message: 'Нет приветствия.',
      start: null,
      end: null,
      suggestion: 'Начните с «Здравствуйте».',
    },
  ],
  readability: {
    sentenceCount: 2,
    wordCount: 4,
    longSentenceCount: 0,
    fleschIndex: 40,
    level: 'MEDIUM',
  },
}

describe('markSegments', () => {
  it('splits the text into plain and underlined parts, skipping whole-text findings', () => {
    expect(markSegments(TEXT, report.findings)).toEqual([
      { text: 'Ваше обращение рассмотрено', finding: 0 },
      { text: '. Ждите.', finding: null },
    ])
  })

  it('clamps offsets to the text and does not underline twice where fragments overlap', () => {
    const segments = markSegments('abcdefgh', [
      { start: 2, end: 5 },
      { start: 4, end: 7 },
      { start: 6, end: 99 },
    ])
    expect(segments).toEqual([
      { text: 'ab', finding: null },
      { text: 'cde', finding: 0 },
      { text: 'fg', finding: 1 },
      { text: 'h', finding: 2 },
    ])
  })

  it('finds the fragment under the caret, ends included', () => {
    expect(findingAt(report.findings, 10)?.rule).toBe('TEMPLATE_PHRASE')
    expect(findingAt(report.findings, 26)?.rule).toBe('TEMPLATE_PHRASE')
    expect(findingAt(report.findings, 30)).toBeNull()
  })
})

type ExecuteQuery = (operation: { variables?: unknown }) => unknown

describe('useAnswerQuality', () => {
  let client: Client
  let executeQuery: Mock<ExecuteQuery>
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Provider value={client}>{children}</Provider>
  )

  beforeEach(() => {
    vi.useFakeTimers()
    // urql's useQuery only needs a source of results for the operation it was given.
    executeQuery = vi.fn<ExecuteQuery>((operation) =>
      fromValue({ operation, data: { checkAnswerQuality: report }, stale: false, hasNext: false }),
    )
    client = {
      executeQuery,
      executeMutation: vi.fn<Client['executeMutation']>(),
      executeSubscription: vi.fn<Client['executeSubscription']>(),
    } as unknown as Client
  })
  afterEach(() => vi.useRealTimers())

  it('asks once typing pauses, not for every keystroke, and never for short drafts', () => {
    const { result, rerender } = renderHook(
      ({ text }) => useAnswerQuality(text, 'a1', 10_000, 800),
      { wrapper, initialProps: { text: 'Коротко' } },
    )
    act(() => vi.advanceTimersByTime(1000))
    expect(executeQuery).not.toHaveBeenCalled()
    rerender({ text: `${TEXT} ` })
    act(() => vi.advanceTimersByTime(400))
    rerender({ text: TEXT })
    act(() => vi.advanceTimersByTime(400))
    expect(executeQuery).not.toHaveBeenCalled()
    act(() => vi.advanceTimersByTime(400))
    expect(executeQuery).toHaveBeenCalledTimes(1)
    expect(executeQuery.mock.calls[0]![0].variables).toEqual({ text: TEXT, appealId: 'a1' })
    expect(result.current).toMatchObject({ report, current: true })
  })

  it('keeps the last report while typing on, but marks its offsets stale', () => {
    const { result, rerender } = renderHook(
      ({ text }) => useAnswerQuality(text, 'a1', 10_000, 800),
      { wrapper, initialProps: { text: TEXT } },
    )
    act(() => vi.advanceTimersByTime(800))
    rerender({ text: `Здравствуйте! ${TEXT}` })
    expect(result.current).toMatchObject({ report, current: false, checking: true })
  })

  it('does not check a text over the limit', () => {
    renderHook(() => useAnswerQuality(TEXT, 'a1', 10, 0), { wrapper })
    act(() => vi.advanceTimersByTime(10))
    expect(executeQuery).not.toHaveBeenCalled()
  })
})

describe('QualityReport', () => {
  it('quotes the fragment, explains it, and lets the editor jump to it', () => {
    const onSelect = vi.fn<(finding: unknown) => void>()
    render(<QualityReport report={report} text={TEXT} heading="Подсказки" onSelect={onSelect} />)
    expect(screen.getByText('оценка 55 из 100')).toBeTruthy()
    expect(screen.getByText(/читаемость: средней сложности/)).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: /Показать в тексте: Ваше обращение/ }))
    expect(onSelect).toHaveBeenCalledWith(report.findings[0])
    expect(screen.getByText('Нет вежливости')).toBeTruthy()
  })

  it('quotes nothing from a text that has changed since the check', () => {
    render(<QualityReport report={report} text="другой" current={false} heading="Подсказки" />)
    expect(screen.queryByRole('button')).toBeNull()
    expect(document.querySelector('q')).toBeNull()
  })
})
