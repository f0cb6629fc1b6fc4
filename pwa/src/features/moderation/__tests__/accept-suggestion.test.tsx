import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Provider, type Client } from 'urql'
import { fromValue } from 'wonka'
import { describe, expect, it } from 'vitest'
import type { ModerationQueueQuery, RoutingSuggestionFieldsFragment } from '@/gql/graphql'
import { acceptSuggestionInput } from '../accept-suggestion'
import { ModerationItem } from '../components/moderation-item'

type Appeal = ModerationQueueQuery['appeals']['edges'][number]['node']

const routing: RoutingSuggestionFieldsFragment = {
  category: 'ENERGY',
  confidence: 0.91,
  alternatives: [],
  municipality: 'TENKINSKY',
  settlement: 'Усть-Омчуг',
  urgent: true,
  urgencyReasons: ['Нет электричества в холодное время года'],
  notAppeal: false,
  agency: { id: 'agency-7', code: 'TENKA', name: 'Администрация Тенькинского округа' },
  explanation: [],
  modelVersion: 2,
}

function appeal(overrides: Partial<RoutingSuggestionFieldsFragment> = {}): Appeal {
  return {
    id: 'a1',
    number: 'МАГ-2026-000001',
    version: 4,
    status: 'NEW',
    channel: 'VK',
    text: 'В Усть-Омчуге нет света с утра, дома холодно',
    municipality: null,
    category: 'OTHER',
    urgent: false,
    receivedAt: '2026-12-06T00:00:00Z',
    sla: null,
    url: null,
    reach: { views: 0, likes: 0, comments: 0 },
    viewerCan: { assign: true, reject: true },
    routing: { ...routing, ...overrides },
  } as unknown as Appeal
}

/** The whole suggestion as one assignment of appeal a1 at version 4. */
const whole = {
  appealId: 'a1',
  agencyId: 'agency-7',
  expectedVersion: 4,
  category: 'ENERGY',
  municipality: 'TENKINSKY',
  settlement: 'Усть-Омчуг',
  urgent: true,
}

describe('acceptSuggestionInput', () => {
  it('sends the suggested agency, category, municipality, settlement and urgency with the version', () => {
    expect(acceptSuggestionInput({ id: 'a1', version: 4 }, routing)).toEqual(whole)
  })

  it('keeps the appeal’s place when the text names none, and never lowers urgency', () => {
    const input = acceptSuggestionInput(
      { id: 'a1', version: 4 },
      { ...routing, municipality: null, settlement: null, urgent: false, urgencyReasons: [] },
    )
    expect(input).toMatchObject({
      category: 'ENERGY',
      municipality: null,
      settlement: null,
      urgent: null,
    })
  })

  it('accepts nothing without an agency or for a non-appeal', () => {
    expect(acceptSuggestionInput({ id: 'a1', version: 4 }, { ...routing, agency: null })).toBeNull()
    expect(
      acceptSuggestionInput({ id: 'a1', version: 4 }, { ...routing, notAppeal: true }),
    ).toBeNull()
  })
})

describe('ModerationItem «Принять»', () => {
  it('assigns with the whole suggestion in one mutation', async () => {
    const sent: unknown[] = []
    const client = {
      executeQuery: (operation: unknown) =>
        fromValue({ operation, data: { limits: {}, agencies: [] }, stale: false, hasNext: false }),
      // useAppealCommands sends through client.mutation(...).toPromise().
      mutation: (_document: unknown, variables: unknown) => ({
        toPromise: () => {
          sent.push(variables)
          return Promise.resolve({ data: { assignAppeal: { appeal: null, errors: [] } } })
        },
      }),
      executeSubscription: () => fromValue({}),
    } as unknown as Client
    render(
      <Provider value={client}>
        <ModerationItem appeal={appeal()} />
      </Provider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Принять' }))
    await waitFor(() => expect(sent).toHaveLength(1))
    expect(sent[0]).toEqual({ input: whole })
  })
})
