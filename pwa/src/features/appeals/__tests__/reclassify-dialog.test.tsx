import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Provider } from 'urql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AppealDetailFragment, ReclassifyAppealInput } from '@/gql/graphql'
import type { Outbox } from '@/lib/offline/outbox'
import { OutboxContext } from '@/lib/offline/use-outbox'
import { SessionContext } from '@/lib/oidc/session-context'
import { mockClient, operationName } from '@/test/mock-client'
import type { Session, SessionState } from '@/lib/oidc/session'
import { AppealActions } from '../components/appeal-actions'
import { ReclassifyDialog } from '../components/reclassify-dialog'
import { reclassifyInput } from '../reclassify-input'

const current = {
  id: 'a1',
  version: 5,
  category: 'ROADS_TRANSPORT',
  municipality: 'TENKINSKY',
  settlement: 'Усть-Омчуг',
  urgent: false,
} as const

const unchanged = {
  category: current.category,
  municipality: current.municipality,
  settlement: current.settlement,
  urgent: current.urgent,
}

describe('reclassifyInput', () => {
  it('sends only what the curator changed, with the version', () => {
    expect(reclassifyInput(current, { ...unchanged, category: 'ENERGY', urgent: true })).toEqual({
      appealId: 'a1',
      expectedVersion: 5,
      category: 'ENERGY',
      municipality: null,
      settlement: null,
      urgent: true,
    })
  })

  it('sends an emptied settlement as an empty string, which removes it', () => {
    expect(reclassifyInput(current, { ...unchanged, settlement: '  ' })).toMatchObject({
      settlement: '',
      category: null,
      urgent: null,
    })
  })

  it('sends nothing when nothing changed (surrounding spaces do not count)', () => {
    expect(reclassifyInput(current, { ...unchanged, settlement: ' Усть-Омчуг ' })).toBeNull()
  })
})

const open = (onSubmit: (input: ReclassifyAppealInput) => void) =>
  render(<ReclassifyDialog open appeal={current} onClose={() => undefined} onSubmit={onSubmit} />)

const submit = () =>
  fireEvent.submit(
    screen.getByRole('button', { name: 'Сохранить' }).closest('form') as HTMLFormElement,
  )

describe('ReclassifyDialog', () => {
  it('starts from the appeal’s classification and sends the correction', () => {
    const onSubmit = vi.fn<(input: ReclassifyAppealInput) => void>()
    open(onSubmit)
    expect((screen.getByLabelText('Категория') as HTMLSelectElement).value).toBe('ROADS_TRANSPORT')
    expect((screen.getByLabelText('Муниципалитет') as HTMLSelectElement).value).toBe('TENKINSKY')
    expect((screen.getByLabelText('Населённый пункт') as HTMLInputElement).value).toBe('Усть-Омчуг')
    fireEvent.change(screen.getByLabelText('Муниципалитет'), { target: { value: 'YAGODNINSKY' } })
    fireEvent.change(screen.getByLabelText('Населённый пункт'), { target: { value: 'Ягодное' } })
    fireEvent.click(screen.getByRole('checkbox'))
    submit()
    expect(onSubmit).toHaveBeenCalledWith({
      appealId: 'a1',
      expectedVersion: 5,
      category: null,
      municipality: 'YAGODNINSKY',
      settlement: 'Ягодное',
      urgent: true,
    })
  })

  it('says so instead of sending when nothing changed', () => {
    const onSubmit = vi.fn<(input: ReclassifyAppealInput) => void>()
    open(onSubmit)
    submit()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getByText('Ничего не изменено.')).toBeTruthy()
  })
})

// One array for every call: the outbox hook reads it as an external store's snapshot.
const noEntries: never[] = []

/** The card's actions for a curator; returns the ReclassifyAppeal mutations sent. */
function renderCard(reclassify: boolean) {
  const { client, sent } = mockClient((operation) =>
    operation.kind === 'mutation'
      ? { reclassifyAppeal: { appeal: null, errors: [] } }
      : { limits: {}, agencies: [] },
  )
  const outbox = {
    subscribe: () => () => undefined,
    list: () => noEntries,
    enqueue: async () => undefined,
  } as unknown as Outbox
  const state: SessionState = {
    status: 'signed-in',
    identity: { subject: 'cur-1', name: 'Куратор', roles: ['CURATOR'], agencyCode: null },
    expired: false,
  }
  const session = { subscribe: () => () => undefined, getState: () => state } as unknown as Session
  const appeal = {
    ...current,
    answers: [],
    sla: null,
    agency: null,
    viewerCan: { reclassify, reassign: false },
  } as unknown as AppealDetailFragment
  render(
    <SessionContext value={session}>
      <Provider value={client}>
        <OutboxContext value={outbox}>
          <AppealActions appeal={appeal} />
        </OutboxContext>
      </Provider>
    </SessionContext>,
  )
  return () => sent.filter((o) => operationName(o) === 'ReclassifyAppeal').map((o) => o.variables)
}

describe('AppealActions «Изменить классификацию»', () => {
  afterEach(() => vi.restoreAllMocks())

  it('is offered only where viewerCan.reclassify holds', () => {
    renderCard(false)
    expect(screen.queryByRole('button', { name: 'Изменить классификацию' })).toBeNull()
  })

  it('sends one reclassifyAppeal with the correction', async () => {
    const sent = renderCard(true)
    fireEvent.click(screen.getByRole('button', { name: 'Изменить классификацию' }))
    fireEvent.change(screen.getByLabelText('Категория'), { target: { value: 'ENERGY' } })
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }))
    await waitFor(() => expect(sent()).toHaveLength(1))
    expect(sent()[0]).toEqual({
      input: {
        appealId: 'a1',
        expectedVersion: 5,
        category: 'ENERGY',
        municipality: null,
        settlement: null,
        urgent: null,
      },
    })
  })

  it('is not queued offline: it needs the appeal as the server has it now', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const sent = renderCard(true)
    fireEvent.click(screen.getByRole('button', { name: 'Изменить классификацию' }))
    fireEvent.click(screen.getByRole('checkbox'))
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }))
    // Every dialog of the card is handed the message; the open one shows it.
    expect(await screen.findAllByText('Это действие требует связи с сервером.')).not.toHaveLength(0)
    expect(sent()).toEqual([])
  })
})
