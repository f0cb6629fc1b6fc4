import { fireEvent, render, screen } from '@testing-library/react'
import { Provider, type Client } from 'urql'
import { fromValue, never } from 'wonka'
import { describe, expect, it } from 'vitest'
import type { AppealDetailFragment } from '@/gql/graphql'
import type { Outbox, OutboxEntry } from '@/lib/offline/outbox'
import { OutboxContext } from '@/lib/offline/use-outbox'
import type { Identity } from '@/lib/oidc/claims'
import { SessionContext } from '@/lib/oidc/session-context'
import type { Session, SessionState } from '@/lib/oidc/session'
import { AppealActions } from '../components/appeal-actions'
import { effectiveViewerCan, type ViewerCan } from '../hooks/viewer-can'

const nothing: ViewerCan = {
  assign: false,
  reject: false,
  redirect: false,
  take: false,
  answer: false,
  approve: false,
  return: false,
  close: false,
  reopen: false,
  pause: false,
  resume: false,
  extend: false,
  markPublished: false,
  reassign: false,
  takeOver: false,
  reclassify: false,
}

function appeal(can: Partial<ViewerCan>, answers: unknown[] = []): AppealDetailFragment {
  return {
    id: 'a1',
    version: 3,
    category: 'HEALTH',
    agency: { id: 'health', code: 'MINZDRAV', name: 'Минздрав' },
    answers,
    sla: null,
    viewerCan: { ...nothing, ...can },
  } as unknown as AppealDetailFragment
}

const limits = { __typename: 'Limits', answerText: 50, reason: 10 }

function renderActions(
  subject: AppealDetailFragment,
  queued: OutboxEntry[] = [],
  roles: Identity['roles'] = ['EXECUTOR'],
) {
  const client = {
    // Every query gets the limits (and no agencies or colleagues); nothing else is ever answered.
    executeQuery: (operation: unknown) =>
      fromValue({
        operation,
        data: { limits, agencies: [], agencyExecutors: { edges: [] } },
        stale: false,
        hasNext: false,
      }),
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client
  const outbox = {
    subscribe: () => () => undefined,
    list: () => queued,
    enqueue: async () => undefined,
  } as unknown as Outbox
  const state: SessionState = {
    status: 'signed-in',
    identity: { subject: 'exec-1', name: 'Исполнитель', roles, agencyCode: null },
    expired: false,
  }
  const session = { subscribe: () => () => undefined, getState: () => state } as unknown as Session
  return render(
    <SessionContext value={session}>
      <Provider value={client}>
        <OutboxContext value={outbox}>
          <AppealActions appeal={subject} />
        </OutboxContext>
      </Provider>
    </SessionContext>,
  )
}

const buttons = () => screen.queryAllByRole('button').map((button) => button.textContent)

describe('AppealActions', () => {
  it('offers exactly what viewerCan allows, in the table’s order', () => {
    renderActions(appeal({ take: true, redirect: true, pause: true }))
    expect(buttons()).toEqual(['Взять в работу', 'Переадресовать', 'Пауза для уточнения'])
  })

  it('renders nothing when the server allows nothing', () => {
    const { container } = renderActions(appeal({}))
    expect(container.innerHTML).toBe('')
  })

  it('offers approval only while a final answer awaits review', () => {
    renderActions(appeal({ approve: true, return: true }))
    expect(buttons()).toEqual([])
    const pending = { id: 'ans-1', kind: 'FINAL', review: 'PENDING' }
    renderActions(appeal({ approve: true, return: true }, [pending]))
    expect(buttons()).toEqual(['Одобрить', 'Вернуть на доработку'])
  })

  it('shows the answer editor where viewerCan.answer holds, counting against Query.limits', () => {
    renderActions(appeal({ answer: true }))
    expect(screen.getByText('0 из 50 знаков')).toBeTruthy()
  })

  it('checks a reason against the server’s limit before sending', () => {
    renderActions(appeal({ pause: true }))
    fireEvent.click(screen.getByRole('button', { name: 'Пауза для уточнения' }))
    fireEvent.change(screen.getByRole('textbox'), { target: { value: 'Слишком длинная причина' } })
    fireEvent.click(screen.getByRole('button', { name: 'Подтвердить' }))
    expect(screen.getByRole('alert').textContent).toBe('Не длиннее 10 знаков (сейчас 23).')
  })
})

describe('AppealActions: handing over', () => {
  it('offers «Передать» and «Взять себе» only where viewerCan allows them', () => {
    renderActions(appeal({ answer: false, reassign: true, takeOver: true }), [], ['HEAD'])
    expect(buttons()).toEqual(['Передать', 'Взять себе'])
  })

  it('asks an executor for a comment before handing over', () => {
    renderActions(appeal({ reassign: true }))
    fireEvent.click(screen.getByRole('button', { name: 'Передать' }))
    expect(
      screen.getByLabelText('Комментарий для коллеги: что уже сделано и почему передаёте'),
    ).toBeTruthy()
  })

  it('lets a head hand over without a comment', () => {
    renderActions(appeal({ reassign: true }), [], ['HEAD'])
    fireEvent.click(screen.getByRole('button', { name: 'Передать' }))
    expect(screen.getByLabelText('Комментарий (необязательно)')).toBeTruthy()
  })
})

describe('effectiveViewerCan', () => {
  it('counts a take queued offline as done, so the executor can answer', () => {
    expect(effectiveViewerCan({ ...nothing, take: true, redirect: true }, true)).toEqual({
      ...nothing,
      answer: true,
      redirect: true,
    })
  })

  it('closes the editor while a final answer waits in the outbox', () => {
    expect(effectiveViewerCan({ ...nothing, answer: true, pause: true }, false, true)).toEqual({
      ...nothing,
      pause: true,
    })
    expect(effectiveViewerCan({ ...nothing, take: true }, true, true)).toEqual(nothing)
  })

  it('adds nothing the server did not offer', () => {
    expect(effectiveViewerCan(nothing, true)).toEqual(nothing)
    expect(effectiveViewerCan({ ...nothing, take: true }, false)).toEqual({
      ...nothing,
      take: true,
    })
  })
})
