import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Provider } from 'urql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SessionContext } from '@/lib/oidc/session-context'
import type { Session, SessionState } from '@/lib/oidc/session'
import type { Role } from '@/lib/oidc/claims'
import { mockClient, operationName } from '@/test/mock-client'
import { CitizenLink } from '../components/citizen-link'

type Link = { path: string; url: string | null; createdAt: string; revokedAt: string | null }

const working: Link = {
  path: '/c/tok123',
  url: 'https://otklik.example/c/tok123',
  createdAt: '2026-12-05T03:00:00Z',
  revokedAt: null,
}

function renderLink(roles: Role[], link: Link | null) {
  const { client, sent } = mockClient((operation) => {
    switch (operationName(operation)) {
      case 'RevokeCitizenLink':
        return {
          revokeCitizenLink: {
            __typename: 'RevokeCitizenLinkPayload',
            link: {
              __typename: 'CitizenLink',
              path: '/c/tok123',
              revokedAt: '2026-12-06T03:00:00Z',
            },
            errors: [],
          },
        }
      case 'IssueCitizenLink':
        return {
          issueCitizenLink: {
            __typename: 'IssueCitizenLinkPayload',
            link: {
              __typename: 'CitizenLink',
              path: '/c/new',
              url: null,
              createdAt: '2026-12-06T03:00:00Z',
            },
            errors: [],
          },
        }
      default:
        return {
          appeal: {
            __typename: 'Appeal',
            id: 'a1',
            citizenLink: link && { __typename: 'CitizenLink', ...link },
          },
        }
    }
  })
  const state: SessionState = {
    status: 'signed-in',
    identity: { subject: 'u1', name: 'Пользователь', roles, agencyCode: null },
    expired: false,
  }
  const session = { subscribe: () => () => undefined, getState: () => state } as unknown as Session
  render(
    <SessionContext value={session}>
      <Provider value={client}>
        <CitizenLink appealId="a1" />
      </Provider>
    </SessionContext>,
  )
  return { sent }
}

afterEach(() => vi.restoreAllMocks())

describe('CitizenLink', () => {
  it('shows an executor the address to copy but no curator actions', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    renderLink(['EXECUTOR'], working)
    expect(await screen.findByText('https://otklik.example/c/tok123')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Отозвать ссылку' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Копировать ссылку' }))
    expect(await screen.findByText('Ссылка скопирована.')).toBeTruthy()
    expect(writeText).toHaveBeenCalledWith('https://otklik.example/c/tok123')
  })

  it('renders nothing for someone the API gives no link to', async () => {
    const { sent } = renderLink(['EXECUTOR'], null)
    await waitFor(() => expect(sent.length).toBeGreaterThan(0))
    expect(screen.queryByTestId('citizen-link')).toBeNull()
  })

  it('lets a curator revoke the link after confirming', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(true)
    const { sent } = renderLink(['CURATOR'], working)
    fireEvent.click(await screen.findByRole('button', { name: 'Отозвать ссылку' }))
    expect(await screen.findByText('Ссылка отозвана.')).toBeTruthy()
    expect(confirm).toHaveBeenCalled()
    const call = sent.find((operation) => operationName(operation) === 'RevokeCitizenLink')
    expect(call?.variables).toEqual({ input: { appealId: 'a1' } })
  })

  it('does not revoke when the curator cancels', async () => {
    vi.spyOn(window, 'confirm').mockReturnValue(false)
    const { sent } = renderLink(['CURATOR'], working)
    fireEvent.click(await screen.findByRole('button', { name: 'Отозвать ссылку' }))
    expect(sent.some((operation) => operationName(operation) === 'RevokeCitizenLink')).toBe(false)
  })

  it('lets a curator issue a new link when none is in use, and shows a revoked one', async () => {
    const { sent } = renderLink(['CURATOR'], { ...working, revokedAt: '2026-12-06T02:00:00Z' })
    expect(await screen.findByText(/Отозвана/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Копировать ссылку' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Выдать новую ссылку' }))
    expect(await screen.findByText('Выдана новая ссылка.')).toBeTruthy()
    const call = sent.find((operation) => operationName(operation) === 'IssueCitizenLink')
    expect(call?.variables).toEqual({ input: { appealId: 'a1' } })
  })
})
