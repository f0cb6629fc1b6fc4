import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppealText } from '../appeal-text'
import { CountdownChip } from '../countdown-chip'

const appeal = {
  status: 'ASSIGNED',
  channel: 'VK',
  urgent: false,
  receivedAt: '2026-03-10T06:00:00Z',
}

afterEach(() => vi.useRealTimers())

describe('CountdownChip', () => {
  it('spells out the state and the time left, marking an estimate', () => {
    render(<CountdownChip appeal={appeal} now={new Date('2026-03-10T08:45:00Z')} />)
    const chip = screen.getByText('в срок').parentElement!
    expect(chip).toHaveProperty('dataset.state', 'ON_TRACK')
    expect(chip.textContent).toContain('осталось 5 ч 15 мин')
    expect(screen.getByLabelText('оценка')).toBeTruthy()
  })

  it('says how long an appeal is overdue', () => {
    render(
      <CountdownChip appeal={{ ...appeal, urgent: true }} now={new Date('2026-03-10T09:30:00Z')} />,
    )
    expect(screen.getByText('просрочено')).toBeTruthy()
    expect(screen.getByText(/просрочено на 2 ч 30 мин/)).toBeTruthy()
  })

  it('ticks: an appeal becomes at risk and then overdue without a reload', () => {
    vi.useFakeTimers({ now: new Date('2026-03-10T11:00:00Z') })
    render(<CountdownChip appeal={appeal} />)
    expect(screen.getByText('в срок')).toBeTruthy()
    act(() => vi.advanceTimersByTime(2 * 3600 * 1000))
    expect(screen.getByText('срок на исходе')).toBeTruthy()
    act(() => vi.advanceTimersByTime(1 * 3600 * 1000 + 60_000))
    expect(screen.getByText('просрочено')).toBeTruthy()
  })

  it('shows server clocks without the estimate mark, and paused clocks as paused', () => {
    const clock = {
      dueAt: '2026-03-10T12:00:00Z',
      state: 'AT_RISK' as const,
      businessTimeLeft: '1 ч',
      elapsedPercent: 80,
    }
    const { rerender } = render(
      <CountdownChip
        appeal={appeal}
        sla={{ paused: false, firstResponse: clock, finalAnswer: null }}
        now={new Date('2026-03-10T11:00:00Z')}
      />,
    )
    expect(screen.getByText('срок на исходе')).toBeTruthy()
    expect(screen.queryByLabelText('оценка')).toBeNull()
    rerender(
      <CountdownChip
        appeal={appeal}
        sla={{ paused: true, firstResponse: clock, finalAnswer: null }}
        now={new Date('2026-03-10T11:00:00Z')}
      />,
    )
    expect(screen.getByText('на паузе')).toBeTruthy()
  })
})

describe('AppealText', () => {
  it('shows markup literally and creates no elements from it', () => {
    const text = 'Помогите <script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2">'
    const { container } = render(<AppealText text={text} />)
    expect(container.textContent).toBe(text)
    expect(container.querySelector('script, img')).toBeNull()
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined()
  })
})
