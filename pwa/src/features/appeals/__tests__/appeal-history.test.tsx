import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AppealDetailFragment } from '@/gql/graphql'
import { AppealHistory } from '../components/appeal-history'

type Entry = AppealDetailFragment['history'][number]

function entry(overrides: Partial<Entry>): Entry {
  return {
    at: '2026-12-06T01:00:00Z',
    type: 'ASSIGNED',
    actor: { id: 'cur', name: 'Куратор' },
    fromStatus: 'NEW',
    toStatus: 'ASSIGNED',
    fromAgency: null,
    toAgency: { id: 'ag', name: 'Администрация Тенькинского округа' },
    fromExecutor: null,
    toExecutor: null,
    classification: null,
    reason: null,
    ...overrides,
  } as Entry
}

describe('AppealHistory', () => {
  it('says what an assignment corrected, from what to what', () => {
    render(
      <AppealHistory
        history={[
          entry({
            classification: {
              fromCategory: 'OTHER',
              toCategory: 'ENERGY',
              fromMunicipality: null,
              toMunicipality: 'TENKINSKY',
              fromUrgent: false,
              toUrgent: true,
              fromSettlement: null,
              toSettlement: 'Усть-Омчуг',
            },
          }),
        ]}
      />,
    )
    expect(
      screen.getByText(
        'Категория: Другое → Энергетика; Муниципалитет: не указан → Тенькинский МО; Населённый пункт: не указан → Усть-Омчуг; Срочность: не срочно → срочно',
      ),
    ).toBeTruthy()
  })

  it('adds nothing to an assignment that kept the classification', () => {
    const { container } = render(<AppealHistory history={[entry({})]} />)
    expect(container.textContent).not.toContain('Категория')
  })
})
