import { act, cleanup, fireEvent, render, renderHook, screen } from '@testing-library/react'
import { Client, makeResult, type Exchange, type Operation } from '@urql/core'
import type { ReactNode } from 'react'
import { Provider } from 'urql'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { filter, fromValue, makeSubject, map, mergeMap, pipe } from 'wonka'
import { mockClient, operationName } from '@/test/mock-client'
import { BrokenAccountsBadge } from '../components/broken-accounts-badge'
import { DeliveryAlertLine } from '../components/delivery-alert-notice'
import { brokenCount } from '../hooks/use-broken-accounts'
import {
  ACCOUNTS_REFETCH_DELAY_MS,
  addDeliveryEvent,
  MAX_DELIVERY_ALERTS,
  useDeliveryAlerts,
  type DeliveryAlert,
  type DeliveryEvent,
} from '../hooks/use-delivery-alerts'

type Delivery = NonNullable<DeliveryEvent['appeal']['answers'][number]['delivery']>

const PARKED = 'аккаунт канала не работает: Unauthorized'
let seq = 0

/** An appealChanged event; each answer is [id, delivery or null], deliveries set a minute apart. */
function event(
  appealId: string,
  answers: [string, Partial<Delivery> | null][],
  type: DeliveryEvent['type'] = 'DELIVERY_UPDATED',
): DeliveryEvent {
  seq += 1
  return {
    cursor: `c-${seq}`,
    type,
    at: '2026-12-05T10:00:00Z',
    appeal: {
      id: appealId,
      answers: answers.map(([id, delivery], index) => ({
        id,
        delivery: delivery && {
          state: 'PENDING',
          error: null,
          nextAttemptAt: null,
          at: `2026-12-05T10:0${index}:00Z`,
          ...delivery,
        },
      })),
    },
  }
}

const parked = (appealId: string, answerId = 'ans-1') =>
  event(appealId, [[answerId, { state: 'PENDING', error: PARKED }]])

describe('addDeliveryEvent', () => {
  it('raises an alert for a FAILED delivery and for one parked on a broken account', () => {
    const failed = addDeliveryEvent(
      [],
      event('a1', [['ans-1', { state: 'FAILED', error: 'нет чата' }]]),
    )
    expect(failed).toEqual([
      {
        appealId: 'a1',
        answerId: 'ans-1',
        state: 'FAILED',
        reason: 'нет чата',
        at: expect.any(String),
      },
    ])
    expect(addDeliveryEvent([], parked('a2'))).toMatchObject([{ appealId: 'a2', reason: PARKED }])
  })

  it('ignores sent, manual, queued and server-retried deliveries, and other event types', () => {
    const none: DeliveryAlert[] = []
    const quiet = [
      event('a1', [['ans-1', { state: 'SENT' }]]),
      event('a1', [['ans-1', { state: 'MANUAL' }]]),
      event('a1', [['ans-1', { state: 'PENDING' }]]),
      // A temporary failure: the server tries again at nextAttemptAt by itself.
      event('a1', [['ans-1', { error: 'timeout', nextAttemptAt: '2026-12-05T10:05:00Z' }]]),
      event('a1', [['ans-1', null]]),
      event('a1', [['ans-1', { state: 'FAILED', error: 'x' }]], 'TAKEN'),
    ]
    for (const quietEvent of quiet) expect(addDeliveryEvent(none, quietEvent)).toBe(none)
  })

  it('looks at the delivery set last, not at an older one of the same appeal', () => {
    const newerSent = event('a1', [
      ['interim', { state: 'FAILED', error: 'old', at: '2026-12-05T09:00:00Z' }],
      ['final', { state: 'SENT', at: '2026-12-05T11:00:00Z' }],
    ])
    expect(addDeliveryEvent([], newerSent)).toEqual([])
    const newerFailed = event('a1', [
      ['interim', { state: 'SENT', at: '2026-12-05T09:00:00Z' }],
      ['final', { state: 'PENDING', error: PARKED, at: '2026-12-05T11:00:00Z' }],
    ])
    expect(addDeliveryEvent([], newerFailed)).toMatchObject([{ answerId: 'final' }])
  })

  it('groups newest first, one alert per answer, and drops an answer delivered since', () => {
    let list = addDeliveryEvent([], parked('a1'))
    list = addDeliveryEvent(list, parked('a2'))
    list = addDeliveryEvent(list, parked('a1'))
    expect(list.map((alert) => alert.appealId)).toEqual(['a1', 'a2'])
    list = addDeliveryEvent(list, parked('a2', 'ans-2'))
    expect(list).toHaveLength(3)
    // The curator gave the account a new token: the answer went out.
    list = addDeliveryEvent(list, event('a1', [['ans-1', { state: 'SENT' }]]))
    expect(list.map((alert) => `${alert.appealId}/${alert.answerId}`)).toEqual([
      'a2/ans-2',
      'a2/ans-1',
    ])
  })

  it('caps the list', () => {
    let list: readonly DeliveryAlert[] = []
    for (let i = 0; i < MAX_DELIVERY_ALERTS + 5; i += 1)
      list = addDeliveryEvent(list, parked(`x${i}`))
    expect(list).toHaveLength(MAX_DELIVERY_ALERTS)
    expect(list[0]?.appealId).toBe(`x${MAX_DELIVERY_ALERTS + 4}`)
  })
})

/** The ChannelAccounts answer with accounts of these healths. */
const accounts =
  (...health: string[]) =>
  () => ({
    channelAccounts: health.map((h, i) => ({
      __typename: 'ChannelAccount',
      id: `acc-${i}`,
      health: h,
    })),
  })

describe('brokenCount', () => {
  it('counts only BROKEN accounts', () => {
    expect(brokenCount([{ health: 'OK' }, { health: 'BROKEN' }, { health: 'DEGRADED' }])).toBe(1)
    expect(brokenCount([])).toBe(0)
  })

  it('shows the count on the tab, spelled out for screen readers, and nothing when all work', async () => {
    const { client } = mockClient(accounts('BROKEN', 'OK', 'BROKEN'))
    const { container } = render(
      <Provider value={client}>
        <BrokenAccountsBadge />
      </Provider>,
    )
    expect((await screen.findByText('не работают 2 аккаунта')).className).toBe('visually-hidden')
    expect(container.textContent).toBe('2не работают 2 аккаунта')
    cleanup()
    const healthy = mockClient(accounts('OK', 'DEGRADED')).client
    const empty = render(
      <Provider value={healthy}>
        <BrokenAccountsBadge />
      </Provider>,
    )
    await act(() => Promise.resolve())
    expect(empty.container.textContent).toBe('')
  })
})

const sampleAlert = (appealId: string, reason: string | null = PARKED): DeliveryAlert => ({
  appealId,
  answerId: 'ans-1',
  state: 'PENDING',
  reason,
  at: '2026-12-05T10:00:00Z',
})
const hrefs = () => screen.getAllByRole('link').map((link) => link.getAttribute('href'))

describe('DeliveryAlertLine', () => {
  it('names one undelivered answer with its reason and links to the appeal and «Каналы»', () => {
    render(<DeliveryAlertLine alerts={[sampleAlert('a1')]} onDismiss={() => undefined} />)
    expect(screen.getByRole('status').textContent).toContain(
      `Ответ по обращению не доставлен: ${PARKED}`,
    )
    expect(hrefs()).toEqual(['/appeals/a1', '/channels'])
  })

  it('counts several in one line, linking to the newest appeal', () => {
    render(
      <DeliveryAlertLine
        alerts={[sampleAlert('a3'), sampleAlert('a2'), sampleAlert('a1', null)]}
        onDismiss={() => undefined}
      />,
    )
    const status = screen.getByRole('status')
    expect(status.textContent).toContain('Не доставлено ответов: 3')
    expect(status.textContent).not.toContain(PARKED)
    expect(screen.getByRole('link', { name: 'Последнее обращение' }).getAttribute('href')).toBe(
      '/appeals/a3',
    )
  })

  it('keeps an empty live region, and dismisses by the button or by following a link', () => {
    const onDismiss = vi.fn<() => void>()
    const { rerender } = render(<DeliveryAlertLine alerts={[]} onDismiss={onDismiss} />)
    expect(screen.getByRole('status').textContent).toBe('')
    rerender(<DeliveryAlertLine alerts={[sampleAlert('a1')]} onDismiss={onDismiss} />)
    fireEvent.click(screen.getByRole('button', { name: 'Скрыть уведомления о доставке' }))
    fireEvent.click(screen.getByRole('link', { name: 'Каналы' }))
    expect(onDismiss).toHaveBeenCalledTimes(2)
  })
})

/** A client whose subscription emits what the test pushes; queries answer with no accounts. */
function liveClient() {
  const events = makeSubject<DeliveryEvent>()
  const sent: Operation[] = []
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      mergeMap((operation) => {
        sent.push(operation)
        if (operation.kind === 'subscription')
          return pipe(
            events.source,
            map((e) => makeResult(operation, { data: { appealChanged: e } })),
          )
        return fromValue(makeResult(operation, { data: { channelAccounts: [] } }))
      }),
    )
  const client = new Client({ url: 'http://test.invalid/graphql', exchanges: [exchange] })
  const wrapper = ({ children }: { children: ReactNode }) => (
    <Provider value={client}>{children}</Provider>
  )
  const accountQueries = () =>
    sent.filter((operation) => operationName(operation) === 'ChannelAccounts').length
  return { push: events.next, wrapper, accountQueries }
}

describe('useDeliveryAlerts', () => {
  afterEach(() => vi.useRealTimers())

  it('collects failures from the stream, refetches the accounts once per burst, and dismisses', () => {
    vi.useFakeTimers()
    const { push, wrapper, accountQueries } = liveClient()
    const { result } = renderHook(() => useDeliveryAlerts('curator-1'), { wrapper })
    act(() => {
      push(parked('a1'))
      push(event('a9', [['ans-1', { state: 'SENT' }]]))
      push(parked('a2'))
    })
    expect(result.current.alerts.map((alert) => alert.appealId)).toEqual(['a2', 'a1'])
    expect(accountQueries()).toBe(0)
    act(() => vi.advanceTimersByTime(ACCOUNTS_REFETCH_DELAY_MS))
    expect(accountQueries()).toBe(1)

    act(() => result.current.dismiss())
    expect(result.current.alerts).toEqual([])
    // A delivered answer neither raises an alert nor refetches.
    act(() => {
      push(event('a9', [['ans-1', { state: 'SENT' }]]))
      vi.advanceTimersByTime(ACCOUNTS_REFETCH_DELAY_MS)
    })
    expect(result.current.alerts).toEqual([])
    expect(accountQueries()).toBe(1)
  })
})
