import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Provider } from 'urql'
import { describe, expect, it } from 'vitest'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import { mockClient, operationName } from '@/test/mock-client'
import { RatingTasks } from '../components/rating-tasks'

const task = {
  __typename: 'RatingTask',
  id: 'a7',
  state: 'OPEN',
  openedAt: '2026-12-05T03:00:00Z',
  rating: {
    __typename: 'CitizenRating',
    id: 'a7',
    appealId: 'a7',
    appealNumber: 'МАГ-2026-000007',
    score: 1,
    comment: 'Яму так и не засыпали',
    ratedAt: '2026-12-05T03:00:00Z',
    agency: { __typename: 'Agency', id: 'roads', name: 'Управление дорог' },
  },
}

function renderTasks(closeErrors: unknown[] = []) {
  const { client, sent } = mockClient((operation) =>
    operationName(operation) === 'CloseRatingTask'
      ? {
          closeRatingTask: {
            __typename: 'CloseRatingTaskPayload',
            task: closeErrors.length
              ? null
              : { __typename: 'RatingTask', id: 'a7', state: 'CLOSED', closedAt: null, note: null },
            errors: closeErrors,
          },
        }
      : {
          ratingTasks: {
            __typename: 'RatingTaskConnection',
            edges: [{ __typename: 'RatingTaskEdge', node: task }],
          },
        },
  )
  const location = memoryLocation({ path: '/review' })
  render(
    <Provider value={client}>
      <Router hook={location.hook}>
        <RatingTasks />
      </Router>
    </Provider>,
  )
  return { sent }
}

describe('RatingTasks', () => {
  it('lists a low rating with its comment and a link to the appeal card', async () => {
    renderTasks()
    expect(await screen.findByText('Яму так и не засыпали')).toBeTruthy()
    expect(screen.getByText('Оценка 1 из 5')).toBeTruthy()
    const link = screen.getByRole('link', { name: 'МАГ-2026-000007' })
    expect(link.getAttribute('href')).toBe('/appeals/a7')
  })

  it('closes the task with the note and asks for the list again', async () => {
    const { sent } = renderTasks()
    await screen.findByText('Яму так и не засыпали')
    fireEvent.change(screen.getByLabelText('Что сделано (необязательно)'), {
      target: { value: 'Попросили дорожников повторить ремонт' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Закрыть задачу' }))
    expect(await screen.findByText('Задача закрыта.')).toBeTruthy()
    const call = sent.find((operation) => operationName(operation) === 'CloseRatingTask')
    expect(call?.variables).toEqual({
      input: { taskId: 'a7', note: 'Попросили дорожников повторить ремонт' },
    })
    // Asked again (the document cache also refetches after the mutation, so at least twice).
    await waitFor(() =>
      expect(
        sent.filter((operation) => operationName(operation) === 'RatingTasks').length,
      ).toBeGreaterThan(1),
    )
  })

  it('shows the refusal instead of claiming success', async () => {
    renderTasks([
      {
        __typename: 'UserError',
        code: 'ILLEGAL_TRANSITION',
        field: null,
        message: 'Задача уже закрыта.',
      },
    ])
    await screen.findByText('Яму так и не засыпали')
    fireEvent.click(screen.getByRole('button', { name: 'Закрыть задачу' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Задача уже закрыта.')
    expect(screen.queryByText('Задача закрыта.')).toBeNull()
  })
})
