import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { AppealHolder, AppealNumber } from '../appeal-number'

describe('AppealNumber', () => {
  it('shows the number and tells screen readers what it is', () => {
    const { container } = render(<AppealNumber number="МАГ-2026-000123" />)
    expect(container.textContent).toBe('Номер обращения МАГ-2026-000123')
    expect(screen.getByText('МАГ-2026-000123', { exact: false })).toBeTruthy()
  })
})

describe('AppealHolder', () => {
  it('names the holder', () => {
    const { container } = render(<AppealHolder executor={{ name: 'Ирина Соколова' }} assigned />)
    expect(container.textContent).toBe('Ведёт: Ирина Соколова')
  })

  it('says nobody holds an appeal waiting in its agency, and nothing before it is assigned', () => {
    const { container, rerender } = render(<AppealHolder executor={null} assigned />)
    expect(container.textContent).toBe('Никто ещё не взял в работу')
    rerender(<AppealHolder executor={null} assigned={false} />)
    expect(container.textContent).toBe('')
  })
})
