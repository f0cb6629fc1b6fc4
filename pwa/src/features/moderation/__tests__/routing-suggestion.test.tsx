import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { RoutingSuggestionFieldsFragment } from '@/gql/graphql'
import { RoutingSuggestion } from '../components/routing-suggestion'

function suggestion(
  overrides: Partial<RoutingSuggestionFieldsFragment> = {},
): RoutingSuggestionFieldsFragment {
  return {
    category: 'HOUSING_UTILITIES',
    confidence: 0.874,
    alternatives: [{ category: 'ENERGY', score: 0.08 }],
    municipality: 'YAGODNINSKY',
    settlement: 'Ягодное',
    urgent: true,
    urgencyReasons: ['Нет отопления в холодное время года'],
    notAppeal: false,
    agency: { id: 'agency-1', code: 'YAGODNOE', name: 'Администрация Ягоднинского округа' },
    explanation: ['Категория: «батаре», «отоплен»', 'Место: «в Ягодном»'],
    modelVersion: 3,
    ...overrides,
  }
}

describe('RoutingSuggestion', () => {
  it('shows the category with its confidence, the alternatives, the place, the agency and why it is urgent', () => {
    render(
      <RoutingSuggestion
        routing={suggestion()}
        canAccept
        busy={false}
        onAccept={vi.fn<(agencyId: string) => void>()}
      />,
    )
    expect(screen.getByText('ЖКХ · 87%')).toBeTruthy()
    expect(screen.getByText('Или: Энергетика 8%')).toBeTruthy()
    expect(screen.getByText('Место: Ягоднинский МО, Ягодное')).toBeTruthy()
    expect(screen.getByText('Ведомство: Администрация Ягоднинского округа')).toBeTruthy()
    expect(screen.getByText('Срочно: Нет отопления в холодное время года')).toBeTruthy()
    expect(screen.getByText('Место: «в Ягодном»')).toBeTruthy()
  })

  it('accepts with one tap: the suggested agency is passed on', () => {
    const onAccept = vi.fn<(agencyId: string) => void>()
    render(<RoutingSuggestion routing={suggestion()} canAccept busy={false} onAccept={onAccept} />)
    fireEvent.click(screen.getByRole('button', { name: 'Принять' }))
    expect(onAccept).toHaveBeenCalledWith('agency-1')
  })

  it('offers no acceptance without an agency, for a non-appeal, or when the server does not allow it', () => {
    const { rerender } = render(
      <RoutingSuggestion
        routing={suggestion({ agency: null, municipality: null, settlement: null })}
        canAccept
        busy={false}
        onAccept={vi.fn<(agencyId: string) => void>()}
      />,
    )
    expect(screen.queryByRole('button', { name: 'Принять' })).toBeNull()
    expect(screen.getByText('Ведомство решает ЦУР')).toBeTruthy()
    expect(screen.getByText('Место в тексте не названо')).toBeTruthy()
    rerender(
      <RoutingSuggestion
        routing={suggestion({ notAppeal: true, urgent: false, urgencyReasons: [] })}
        canAccept
        busy={false}
        onAccept={vi.fn<(agencyId: string) => void>()}
      />,
    )
    expect(screen.getByText('Похоже, это не обращение')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Принять' })).toBeNull()
    rerender(
      <RoutingSuggestion
        routing={suggestion()}
        canAccept={false}
        busy={false}
        onAccept={vi.fn<(agencyId: string) => void>()}
      />,
    )
    expect(screen.queryByRole('button', { name: 'Принять' })).toBeNull()
  })
})
