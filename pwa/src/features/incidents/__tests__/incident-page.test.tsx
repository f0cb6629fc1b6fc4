import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { Operation } from '@urql/core'
import { Provider } from 'urql'
import { describe, expect, it } from 'vitest'
import { Route, Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { SessionContext } from '@/lib/oidc/session-context'
import type { Session, SessionState } from '@/lib/oidc/session'
import type { Role } from '@/lib/oidc/claims'
import { mockClient, operationName } from '@/test/mock-client'
import { IncidentPage } from '../components/incident-page'

const incident = {
  __typename: 'Incident',
  id: 'i1',
  title: 'Нет электричества — Синегорье',
  category: 'ENERGY',
  municipality: 'YAGODNINSKY',
  settlement: 'Синегорье',
  status: 'SUGGESTED',
  size: 2,
  firstAt: '2026-12-01T01:00:00Z',
  lastAt: '2026-12-01T02:00:00Z',
  mergedIntoId: null,
  appeals: {
    __typename: 'AppealConnection',
    edges: ['a1', 'a2'].map((id) => ({
      __typename: 'AppealEdge',
      node: {
        __typename: 'Appeal',
        id,
        number: `№ ${id}`,
        status: 'NEW',
        text: `В Синегорье нет света ${id}`,
        receivedAt: '2026-12-01T01:00:00Z',
      },
    })),
  },
  replies: [],
}

function renderPage(roles: Role[], live = false) {
  const { client, sent } = mockClient((operation) => {
    switch (operationName(operation)) {
      case 'ConfirmIncident':
        return {
          confirmIncident: {
            __typename: 'ConfirmIncidentPayload',
            incident: {
              __typename: 'Incident',
              id: 'i1',
              status: 'CONFIRMED',
              title: incident.title,
            },
            errors: [],
          },
        }
      case 'AnswerIncident':
        return {
          answerIncident: {
            __typename: 'AnswerIncidentPayload',
            incident: { __typename: 'Incident', id: 'i1', status: 'ANSWERED' },
            results: [
              {
                __typename: 'IncidentAnswerResult',
                appeal: { __typename: 'Appeal', id: 'a1' },
                errors: [],
              },
            ],
            skipped: 1,
            errors: [],
          },
        }
      case 'SplitIncident':
        return {
          splitIncident: {
            __typename: 'SplitIncidentPayload',
            incident: { __typename: 'Incident', id: 'i1', size: 1 },
            newIncident: { __typename: 'Incident', id: 'i9', title: incident.title },
            errors: [],
          },
        }
      case 'MergeCandidates':
        return {
          incidents: {
            __typename: 'IncidentConnection',
            edges: [
              {
                __typename: 'IncidentEdge',
                node: { __typename: 'Incident', id: 'i1', title: incident.title, size: 2 },
              },
              {
                __typename: 'IncidentEdge',
                node: { __typename: 'Incident', id: 'i2', title: 'Нет света — Ягодное', size: 3 },
              },
            ],
          },
        }
      case 'MergeIncidents':
        return {
          mergeIncidents: {
            __typename: 'MergeIncidentsPayload',
            incident: { __typename: 'Incident', id: 'i1', size: 5 },
            errors: [],
          },
        }
      case 'CloseIncident':
        return {
          closeIncident: {
            __typename: 'CloseIncidentPayload',
            incident: { __typename: 'Incident', id: 'i1', status: 'CLOSED' },
            errors: [],
          },
        }
      case 'IncidentLive':
        return live
          ? {
              incidentUpdated: {
                __typename: 'Incident',
                id: 'i1',
                status: 'CONFIRMED',
                size: 3,
                title: incident.title,
                mergedIntoId: null,
              },
            }
          : null
      default:
        return { incident }
    }
  })
  const state: SessionState = {
    status: 'signed-in',
    identity: { subject: 'u1', name: 'Пользователь', roles, agencyCode: null },
    expired: false,
  }
  const session = { subscribe: () => () => undefined, getState: () => state } as unknown as Session
  const location = memoryLocation({ path: '/incidents/i1' })
  render(
    <SessionContext value={session}>
      <Provider value={client}>
        <Router hook={location.hook}>
          <Route path="/incidents/:incidentId" component={IncidentPage} />
        </Router>
      </Provider>
    </SessionContext>,
  )
  return { sent }
}

describe('IncidentPage', () => {
  it('shows the title, place, size and members, and lets a curator confirm', async () => {
    const { sent } = renderPage(['CURATOR'])
    await screen.findByRole('heading', { name: 'Нет электричества — Синегорье' })
    expect(screen.getByText(/2 обращения/)).toBeTruthy()
    expect(screen.getAllByRole('button', { name: 'Исключить' })).toHaveLength(2)
    expect(screen.queryByRole('button', { name: 'Отправить всем' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Подтвердить инцидент' }))
    await waitFor(() =>
      expect(sent.some((operation) => operationName(operation) === 'ConfirmIncident')).toBe(true),
    )
    expect(await screen.findByText('Инцидент подтверждён.')).toBeTruthy()
  })

  it('lets an executor answer every member and says how many took it', async () => {
    const { sent } = renderPage(['EXECUTOR'])
    await screen.findByRole('heading', { name: 'Нет электричества — Синегорье' })
    expect(screen.queryByRole('button', { name: 'Подтвердить инцидент' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Исключить' })).toBeNull()
    fireEvent.change(screen.getByRole('textbox', { name: 'Текст ответа' }), {
      target: { value: 'Бригада на месте, свет дадут к 18:00.' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Отправить всем' }))
    await screen.findByText(/Ответ принят в 1 обращение; отказано: 0, в другом ведомстве: 1/)
    const call = sent.find((operation) => operationName(operation) === 'AnswerIncident')
    expect(call?.variables).toMatchObject({
      input: { incidentId: 'i1', kind: 'INTERIM', text: 'Бригада на месте, свет дадут к 18:00.' },
    })
  })
})

function sentNamed(sent: Operation[], name: string) {
  return sent.filter((operation) => operationName(operation) === name)
}

describe('IncidentPage, curators reshaping incidents', () => {
  it('splits the selected members into a new incident and links to it', async () => {
    const { sent } = renderPage(['CURATOR'])
    await screen.findByRole('heading', { name: 'Нет электричества — Синегорье' })
    const split = screen.getByRole('button', { name: 'Выделить в новый инцидент' })
    expect((split as HTMLButtonElement).disabled).toBe(true)
    fireEvent.click(screen.getByRole('checkbox', { name: 'Выбрать № a2' }))
    fireEvent.click(split)
    expect(await screen.findByText(/Выбранные обращения выделены в новый инцидент/)).toBeTruthy()
    expect(sentNamed(sent, 'SplitIncident')[0]?.variables).toEqual({
      input: { incidentId: 'i1', appealIds: ['a2'] },
    })
    expect(screen.getByRole('link', { name: 'Открыть новый инцидент' }).getAttribute('href')).toBe(
      '/incidents/i9',
    )
  })

  it('merges another incident picked from the list (not itself) into this one', async () => {
    const { sent } = renderPage(['CURATOR'])
    await screen.findByRole('heading', { name: 'Нет электричества — Синегорье' })
    fireEvent.click(screen.getByRole('button', { name: 'Объединить с…' }))
    const picker = await screen.findByRole('combobox', { name: /Инцидент, который войдёт в этот/ })
    await screen.findByRole('option', { name: 'Нет света — Ягодное (3)' })
    expect(screen.queryByRole('option', { name: /Синегорье/ })).toBeNull()
    fireEvent.change(picker, { target: { value: 'i2' } })
    fireEvent.click(screen.getByRole('button', { name: 'Объединить' }))
    expect(await screen.findByText('Инциденты объединены.')).toBeTruthy()
    expect(sentNamed(sent, 'MergeIncidents')[0]?.variables).toEqual({
      input: { incidentId: 'i1', otherIncidentIds: ['i2'] },
    })
  })

  it('closes the incident', async () => {
    const { sent } = renderPage(['CURATOR'])
    await screen.findByRole('heading', { name: 'Нет электричества — Синегорье' })
    fireEvent.click(screen.getByRole('button', { name: 'Закрыть' }))
    expect(await screen.findByText('Инцидент закрыт.')).toBeTruthy()
    expect(sentNamed(sent, 'CloseIncident')[0]?.variables).toEqual({ input: { incidentId: 'i1' } })
  })

  it('offers executors no split, merge or close', async () => {
    renderPage(['EXECUTOR'])
    await screen.findByRole('heading', { name: 'Нет электричества — Синегорье' })
    expect(screen.queryByRole('checkbox')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Объединить с…' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Закрыть' })).toBeNull()
  })

  it('subscribes to this incident and asks for it again from the network on an update', async () => {
    const { sent } = renderPage(['EXECUTOR'], true)
    await screen.findByRole('heading', { name: 'Нет электричества — Синегорье' })
    expect(sentNamed(sent, 'IncidentLive')[0]?.variables).toEqual({ incidentId: 'i1' })
    await waitFor(() =>
      expect(
        sentNamed(sent, 'Incident').some(
          (operation) => operation.context.requestPolicy === 'network-only',
        ),
      ).toBe(true),
    )
  })
})
