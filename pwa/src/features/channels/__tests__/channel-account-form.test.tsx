import { fireEvent, render, screen } from '@testing-library/react'
import { Provider } from 'urql'
import { describe, expect, it, vi } from 'vitest'
import { mockClient, operationName } from '@/test/mock-client'
import { ChannelAccountForm } from '../components/channel-account-form'
import { useChannelCommands } from '../hooks/use-channel-accounts'

const AGENCIES = {
  agencies: [
    { __typename: 'Agency', id: 'health', name: 'Минздрав', active: true },
    { __typename: 'Agency', id: 'old', name: 'Упразднённое', active: false },
  ],
}

function Form({ onDone }: { onDone: () => void }) {
  const commands = useChannelCommands()
  return (
    <ChannelAccountForm
      account={null}
      commands={commands}
      onClose={vi.fn<() => void>()}
      onDone={onDone}
    />
  )
}

function setup(connect: unknown) {
  const { client, sent } = mockClient((operation) =>
    operationName(operation) === 'ChannelAgencies' ? AGENCIES : { connectChannelAccount: connect },
  )
  const onDone = vi.fn<() => void>()
  render(
    <Provider value={client}>
      <Form onDone={onDone} />
    </Provider>,
  )
  const connects = () => sent.filter((op) => operationName(op) === 'ConnectChannelAccount')
  return { onDone, connects }
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Подключить' }))

describe('ChannelAccountForm', () => {
  it('takes tokens in password fields and lists only active agencies after the ЦУР', () => {
    setup(null)
    expect(screen.getByLabelText('Токен доступа').getAttribute('type')).toBe('password')
    expect(screen.getByLabelText('Секрет вебхука').getAttribute('type')).toBe('password')
    const options = Array.from(
      (screen.getByLabelText('Ведомство') as HTMLSelectElement).options,
    ).map((option) => option.textContent)
    expect(options).toEqual(['ЦУР (собственный аккаунт)', 'Минздрав'])
  })

  it('shows every missing field next to it and sends nothing', () => {
    const { connects } = setup(null)
    submit()
    expect(screen.getByText('Укажите название аккаунта.')).toBeTruthy()
    expect(screen.getByText('Укажите токен доступа.')).toBeTruthy()
    expect(screen.getByText('Укажите ID сообщества ВКонтакте.')).toBeTruthy()
    expect(screen.getByLabelText('Название').getAttribute('aria-invalid')).toBe('true')
    expect(connects()).toHaveLength(0)
  })

  it('hides VK’s confirmation string for Telegram and shows the server’s errors by field', async () => {
    const { connects, onDone } = setup({
      __typename: 'ConnectChannelAccountPayload',
      account: null,
      errors: [
        {
          __typename: 'UserError',
          code: 'INVALID',
          field: ['input', 'token'],
          message: 'Ключ OTKLIK_CHANNEL_SECRET_KEY не задан',
        },
        { __typename: 'UserError', code: 'INVALID', field: [], message: 'Что-то ещё' },
      ],
    })
    fireEvent.change(screen.getByLabelText('Канал'), { target: { value: 'TELEGRAM' } })
    expect(screen.queryByLabelText('Строка подтверждения')).toBeNull()
    fireEvent.change(screen.getByLabelText('Название'), { target: { value: 'Бот ЦУР' } })
    fireEvent.change(screen.getByLabelText('Токен доступа'), { target: { value: '1:abc' } })
    submit()
    const tokenError = await screen.findByText('Ключ OTKLIK_CHANNEL_SECRET_KEY не задан')
    expect(tokenError.id).toBe(
      screen.getByLabelText('Токен доступа').getAttribute('aria-describedby')?.split(' ')[1],
    )
    expect(screen.getByRole('alert').textContent).toBe('Что-то ещё')
    expect(connects()[0]?.variables).toMatchObject({
      input: { kind: 'TELEGRAM', name: 'Бот ЦУР', token: '1:abc', mode: 'WEBHOOK' },
    })
    expect(onDone).not.toHaveBeenCalled()
  })
})
