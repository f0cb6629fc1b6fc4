import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Provider, type Client } from 'urql'
import { fromValue, never } from 'wonka'
import { describe, expect, it, vi } from 'vitest'
import { AppealNotes } from '../components/appeal-notes'

function renderNotes(executeMutation: (operation: { variables: unknown }) => unknown) {
  const client = {
    executeQuery: (operation: unknown) =>
      fromValue({
        operation,
        data: {
          appeal: {
            __typename: 'Appeal',
            id: 'a1',
            notes: [
              {
                __typename: 'AppealNote',
                id: 'n1',
                text: 'Позвонила жителю',
                author: { __typename: 'Person', id: 'exec.health', name: 'Яковлева Анна' },
                createdAt: '2026-12-06T05:00:00Z',
              },
            ],
          },
        },
        stale: false,
        hasNext: false,
      }),
    executeMutation,
    executeSubscription: () => never,
  } as unknown as Client
  render(
    <Provider value={client}>
      <AppealNotes appealId="a1" />
    </Provider>,
  )
}

describe('AppealNotes', () => {
  it('lists the notes with their authors and sends a new one for the appeal', async () => {
    const sent = vi.fn<(operation: { variables: unknown }) => unknown>((operation) =>
      fromValue({
        operation,
        data: {
          addAppealNote: { __typename: 'AddAppealNotePayload', note: { id: 'n2' }, errors: [] },
        },
        stale: false,
        hasNext: false,
      }),
    )
    renderNotes(sent)
    expect(screen.getByText('Позвонила жителю')).toBeTruthy()
    expect(screen.getByText('Яковлева Анна')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Новая заметка'), {
      target: { value: 'Ждём акт от подрядчика' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Добавить заметку' }))
    await waitFor(() => expect(sent).toHaveBeenCalled())
    expect(sent.mock.calls[0]?.[0].variables).toEqual({
      input: { appealId: 'a1', text: 'Ждём акт от подрядчика' },
    })
  })

  it('asks for a text instead of sending an empty note', () => {
    const sent = vi.fn<(operation: { variables: unknown }) => unknown>(() => never)
    renderNotes(sent)
    fireEvent.click(screen.getByRole('button', { name: 'Добавить заметку' }))
    expect(screen.getByRole('alert').textContent).toBe('Напишите текст заметки.')
    expect(sent).not.toHaveBeenCalled()
  })
})
