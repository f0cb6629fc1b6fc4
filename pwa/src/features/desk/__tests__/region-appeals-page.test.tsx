import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Provider } from 'urql'
import { describe, expect, it } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { SessionContext } from '@/lib/oidc/session-context'
import type { Session, SessionState } from '@/lib/oidc/session'
import type { Role } from '@/lib/oidc/claims'
import { mockClient, operationName } from '@/test/mock-client'
import { RegionAppealsPage } from '../components/region-appeals-page'

const appeal = (id: string, executor: string | null) => ({
  __typename: 'Appeal',
  id,
  version: 1,
  status: 'IN_PROGRESS',
  channel: 'VK',
  text: `Текст ${id}`,
  municipality: 'MAGADAN',
  category: 'HEALTHCARE',
  urgent: false,
  receivedAt: '2026-12-01T01:00:00Z',
  firstRespondedAt: null,
  answeredAt: null,
  redirectCount: 0,
  agency: { __typename: 'Agency', id: 'health', name: 'Минздрав' },
  executor: executor ? { __typename: 'Person', id: 'e1', name: executor } : null,
  sla: null,
})

function renderDesk(path: string, roles: Role[] = ['CURATOR']) {
  const { client, sent } = mockClient((operation) =>
    operationName(operation) === 'RegionAppeals'
      ? {
          appeals: {
            __typename: 'AppealConnection',
            edges: [
              { __typename: 'AppealEdge', cursor: 'c1', node: appeal('a1', 'Иван Петров') },
              { __typename: 'AppealEdge', cursor: 'c2', node: appeal('a2', null) },
            ],
            pageInfo: { __typename: 'PageInfo', hasNextPage: true, endCursor: 'c2' },
          },
        }
      : {
          agencies: [
            {
              __typename: 'Agency',
              id: 'health',
              code: 'MINZDRAV',
              name: 'Минздрав',
              kind: 'MINISTRY',
              categories: [],
              municipality: null,
              active: true,
            },
          ],
        },
  )
  const state: SessionState = {
    status: 'signed-in',
    identity: { subject: 'u1', name: 'Куратор', roles, agencyCode: null },
    expired: false,
  }
  const session = { subscribe: () => () => undefined, getState: () => state } as unknown as Session
  const location = memoryLocation({ path, record: true })
  render(
    <SessionContext value={session}>
      <Provider value={client}>
        <Router hook={location.hook} searchHook={location.searchHook}>
          <RegionAppealsPage />
        </Router>
      </Provider>
    </SessionContext>,
  )
  const variables = () =>
    sent
      .filter((operation) => operationName(operation) === 'RegionAppeals')
      .map((operation) => operation.variables as Record<string, unknown>)
  return { location, variables }
}

describe('RegionAppealsPage', () => {
  it('asks the API for what the URL says and shows who holds each appeal', async () => {
    const { variables } = renderDesk('/appeals?sla=OVERDUE&agency=health&sort=DUE_ASC')
    await screen.findByText(/У исполнителя: Иван Петров/)
    expect(screen.getByText(/никто не взял в работу/)).toBeTruthy()
    expect(variables()[0]).toMatchObject({
      filter: { slaStates: ['OVERDUE'], agencyId: 'health' },
      orderBy: 'DUE_ASC',
      after: null,
    })
    expect(screen.getByRole('button', { name: 'Просрочено' }).getAttribute('aria-pressed')).toBe(
      'true',
    )
  })

  it('puts a search and a tapped chip into the URL', async () => {
    const { location, variables } = renderDesk('/appeals')
    await screen.findByText(/У исполнителя: Иван Петров/)
    fireEvent.change(screen.getByRole('searchbox', { name: 'Поиск по тексту' }), {
      target: { value: ' отопление ' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Найти' }))
    await waitFor(() =>
      expect(location.history!.at(-1)).toBe(
        '/appeals?q=%D0%BE%D1%82%D0%BE%D0%BF%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5',
      ),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Срок на исходе' }))
    await waitFor(() => expect(location.history!.at(-1)).toContain('sla=AT_RISK'))
    await waitFor(() =>
      expect(variables().at(-1)).toMatchObject({
        filter: { text: 'отопление', slaStates: ['AT_RISK'] },
      }),
    )
  })

  it('loads the next page after the last cursor', async () => {
    const { variables } = renderDesk('/appeals')
    fireEvent.click(await screen.findByRole('button', { name: 'Показать ещё' }))
    await waitFor(() => expect(variables().some((v) => v.after === 'c2')).toBe(true))
  })

  it('offers author search only to roles that may see personal data', async () => {
    renderDesk('/appeals', ['CURATOR'])
    expect(await screen.findByRole('searchbox', { name: 'Автор' })).toBeTruthy()
  })

  it('hides author search from a head', async () => {
    renderDesk('/appeals', ['HEAD'])
    await screen.findByText(/У исполнителя: Иван Петров/)
    expect(screen.queryByRole('searchbox', { name: 'Автор' })).toBeNull()
  })
})
