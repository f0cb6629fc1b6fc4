import { fireEvent, render, screen, within } from '@testing-library/react'
import { Provider, type Client } from 'urql'
import { fromValue, never } from 'wonka'
import { describe, expect, it, vi } from 'vitest'
import { ReassignDialog } from '../components/reassign-dialog'

const limits = { __typename: 'Limits', answerText: 50, reason: 40 }

function person(id: string, name: string) {
  return { __typename: 'PersonEdge', node: { __typename: 'Person', id, name } }
}

function renderDialog(props: {
  commentRequired: boolean
  onSubmit?: (id: string, c: string) => void
}) {
  const client = {
    executeQuery: (operation: unknown) =>
      fromValue({
        operation,
        data: {
          limits,
          agencyExecutors: {
            __typename: 'PersonConnection',
            edges: [
              person('exec.health', 'Яковлева Анна'),
              person('exec2.health', 'Борисов Игорь'),
              person('exec3.health', 'Андреева Ольга'),
            ],
          },
        },
        stale: false,
        hasNext: false,
      }),
    executeMutation: () => never,
    executeSubscription: () => never,
  } as unknown as Client
  const onSubmit = props.onSubmit ?? vi.fn<(executorId: string, comment: string) => void>()
  render(
    <Provider value={client}>
      <ReassignDialog
        open
        agencyId="health"
        holderId="exec.health"
        commentRequired={props.commentRequired}
        onClose={() => undefined}
        onSubmit={onSubmit}
      />
    </Provider>,
  )
  return onSubmit
}

// Submitted as the form, past the browser's own `required` check, to reach the dialog's checks.
const submit = () =>
  fireEvent.submit(
    screen.getByRole('button', { name: 'Передать' }).closest('form') as HTMLFormElement,
  )

describe('ReassignDialog', () => {
  it('offers the agency’s executors by name, without the one who holds the appeal', () => {
    renderDialog({ commentRequired: true })
    const options = within(screen.getByLabelText('Кому передать'))
      .getAllByRole('option')
      .map((option) => option.textContent)
    expect(options).toEqual(['Выберите коллегу', 'Андреева Ольга', 'Борисов Игорь'])
  })

  it('asks for a colleague first', () => {
    const onSubmit = renderDialog({ commentRequired: false })
    submit()
    expect(screen.getByRole('alert').textContent).toBe('Выберите коллегу')
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('requires an executor’s comment and checks it against the limit', () => {
    const onSubmit = renderDialog({ commentRequired: true })
    fireEvent.change(screen.getByLabelText('Кому передать'), { target: { value: 'exec2.health' } })
    submit()
    expect(screen.getByRole('alert').textContent).toBe('Заполните это поле.')
    fireEvent.change(screen.getByRole('textbox'), { target: { value: ' Ухожу в отпуск ' } })
    submit()
    expect(onSubmit).toHaveBeenCalledWith('exec2.health', 'Ухожу в отпуск')
  })

  it('sends a head’s hand-over without a comment', () => {
    const onSubmit = renderDialog({ commentRequired: false })
    fireEvent.change(screen.getByLabelText('Кому передать'), { target: { value: 'exec3.health' } })
    submit()
    expect(onSubmit).toHaveBeenCalledWith('exec3.health', '')
  })
})
