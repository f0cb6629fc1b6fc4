import { act, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppealText } from '../appeal-text'
import { CountdownChip } from '../countdown-chip'

const clock = {
  state: 'ON_TRACK' as const,
  dueAt: '2026-03-10T14:00:00Z',
  // 27 working hours: shown in hours, never as «1 д 3 ч» (a working day is not 24 hours).
  businessTimeLeftSeconds: 27 * 3600 + 5 * 60,
  atRiskAt: '2026-03-10T13:00:00Z',
  breachAt: '2026-03-10T14:00:00Z',
  metAt: null,
}
const sla = { paused: false, firstResponse: clock, finalAnswer: { ...clock, dueAt: null } }

afterEach(() => vi.useRealTimers())

describe('CountdownChip', () => {
  it('spells out the state and the time left, with working time in the title', () => {
    render(<CountdownChip sla={sla} now={new Date('2026-03-10T08:45:00Z')} />)
    const chip = screen.getByText('в срок').parentElement!
    expect(chip).toHaveProperty('dataset.state', 'ON_TRACK')
    expect(chip.textContent).toContain('осталось 5 ч 15 мин')
    expect(chip.title).toBe('рабочего времени осталось: 27 ч 5 мин')
  })

  it('says once that an appeal is overdue, and by how long', () => {
    render(<CountdownChip sla={sla} now={new Date('2026-03-10T16:30:00Z')} />)
    const chip = screen.getByText('просрочено').parentElement!
    expect(screen.getByText('на 2 ч 30 мин')).toBeTruthy()
    expect(chip.textContent!.match(/просрочено/g)).toHaveLength(1)
    expect(chip.textContent).not.toContain('−')
  })

  it('uses one style of units and never a negative time', () => {
    const late = { ...clock, businessTimeLeftSeconds: -(30 * 3600) }
    render(
      <CountdownChip
        sla={{ ...sla, firstResponse: late }}
        now={new Date('2026-03-16T12:00:00Z')}
      />,
    )
    const chip = screen.getByText('просрочено').parentElement!
    expect(chip.textContent).toContain('на 5 д 22 ч')
    expect(chip.title).toBe('рабочего времени сверх срока: 30 ч')
    expect(`${chip.textContent} ${chip.title}`).not.toMatch(/−|-\d|дн/)
  })

  it('ticks: an appeal becomes at risk and then overdue without a reload', () => {
    vi.useFakeTimers({ now: new Date('2026-03-10T11:00:00Z') })
    render(<CountdownChip sla={sla} />)
    expect(screen.getByText('в срок')).toBeTruthy()
    act(() => vi.advanceTimersByTime(2 * 3600 * 1000))
    expect(screen.getByText('срок на исходе')).toBeTruthy()
    act(() => vi.advanceTimersByTime(1 * 3600 * 1000 + 60_000))
    expect(screen.getByText('просрочено')).toBeTruthy()
  })

  it('shows paused clocks as paused, met ones as met, and nothing without SLA', () => {
    const at = new Date('2026-03-10T11:00:00Z')
    const { rerender, container } = render(
      <CountdownChip sla={{ ...sla, paused: true }} now={at} />,
    )
    expect(screen.getByText('на паузе')).toBeTruthy()
    const met = { ...clock, state: 'MET' as const, metAt: '2026-03-10T10:00:00Z' }
    rerender(
      <CountdownChip sla={{ paused: false, firstResponse: met, finalAnswer: met }} now={at} />,
    )
    expect(screen.getByText('выполнено')).toBeTruthy()
    rerender(<CountdownChip sla={null} now={at} />)
    expect(container.textContent).toBe('')
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
