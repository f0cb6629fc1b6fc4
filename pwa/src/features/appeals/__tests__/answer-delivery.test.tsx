import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { Provider } from 'urql'
import { describe, expect, it, vi } from 'vitest'
import type { AnswerDeliveryFieldsFragment } from '@/gql/graphql'
import { mockClient, operationName } from '@/test/mock-client'
import { AnswerDelivery, DeliveryView } from '../components/answer-delivery'

const AT = '2026-12-05T10:00:00Z'
const delivery = (patch: Partial<AnswerDeliveryFieldsFragment>): AnswerDeliveryFieldsFragment => ({
  state: 'PENDING',
  link: null,
  error: null,
  nextAttemptAt: null,
  at: AT,
  by: null,
  ...patch,
})

function view(d: AnswerDeliveryFieldsFragment, flags = { canMarkPublished: true, canRetry: true }) {
  const onMarkPublished = vi.fn<() => void>()
  const onRetry = vi.fn<() => void>()
  render(
    <DeliveryView
      delivery={d}
      text="Здравствуйте! Отопление включили."
      {...flags}
      onMarkPublished={onMarkPublished}
      onRetry={onRetry}
    />,
  )
  return { onMarkPublished, onRetry }
}

const buttons = () => screen.queryAllByRole('button').map((button) => button.textContent)

describe('DeliveryView', () => {
  it('PENDING says «отправляется», and a curator may send it again', () => {
    const { onRetry } = view(delivery({ state: 'PENDING' }))
    expect(screen.getByText('отправляется')).toBeTruthy()
    expect(buttons()).toEqual(['Отправить снова'])
    fireEvent.click(screen.getByRole('button', { name: 'Отправить снова' }))
    expect(onRetry).toHaveBeenCalledOnce()
  })

  it('PENDING after a failure shows why and when it is tried next', () => {
    view(delivery({ state: 'PENDING', error: 'VK 6: слишком много запросов', nextAttemptAt: AT }), {
      canMarkPublished: false,
      canRetry: false,
    })
    expect(screen.getByText('Причина: VK 6: слишком много запросов')).toBeTruthy()
    expect(screen.getByText(/^Следующая попытка: /)).toBeTruthy()
    expect(buttons()).toEqual([])
  })

  it('SENT links to the published reply and offers nothing to do', () => {
    view(delivery({ state: 'SENT', link: 'https://vk.com/wall-1_2?reply=3' }))
    expect(screen.getByText('опубликован в канале')).toBeTruthy()
    const link = screen.getByRole('link', { name: 'Открыть ответ в канале' })
    expect(link.getAttribute('href')).toBe('https://vk.com/wall-1_2?reply=3')
    expect(link.getAttribute('rel')).toContain('noopener')
    expect(buttons()).toEqual([])
  })

  it('SENT by hand names who published it, and never links a javascript: URL', () => {
    view(
      delivery({ state: 'SENT', link: 'javascript:alert(1)', by: { id: 'u1', name: 'Куратор' } }),
    )
    expect(screen.getByText(/Опубликовал вручную: Куратор/)).toBeTruthy()
    expect(screen.queryByRole('link')).toBeNull()
  })

  it('FAILED shows the reason and the next attempt, with retry and manual publication', () => {
    const { onMarkPublished } = view(
      delivery({ state: 'FAILED', error: 'чат не найден', nextAttemptAt: AT }),
    )
    expect(screen.getByText('не доставлен')).toBeTruthy()
    expect(screen.getByText('Причина: чат не найден').className).toContain('notice--error')
    expect(screen.getByText(/^Следующая попытка: /)).toBeTruthy()
    expect(buttons()).toEqual(['Скопировать текст', 'Отметить опубликованным', 'Отправить снова'])
    fireEvent.click(screen.getByRole('button', { name: 'Отметить опубликованным' }))
    expect(onMarkPublished).toHaveBeenCalledOnce()
  })

  it('MANUAL offers copying the text and marking it published, but no retry', async () => {
    const writeText = vi.fn<(text: string) => Promise<void>>(() => Promise.resolve())
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    view(delivery({ state: 'MANUAL' }))
    expect(screen.getByText('опубликуйте вручную')).toBeTruthy()
    expect(buttons()).toEqual(['Скопировать текст', 'Отметить опубликованным'])
    fireEvent.click(screen.getByRole('button', { name: 'Скопировать текст' }))
    expect(writeText).toHaveBeenCalledWith('Здравствуйте! Отопление включили.')
    expect(await screen.findByText('Скопировано')).toBeTruthy()
  })

  it('MANUAL without the permission only says what is needed', () => {
    view(delivery({ state: 'MANUAL' }), { canMarkPublished: false, canRetry: true })
    expect(buttons()).toEqual([])
  })
})

describe('AnswerDelivery', () => {
  const appeal = { id: 'a1', version: 7, viewerCan: { markPublished: true } }
  const answer = { id: 'ans1', text: 'Ответ', delivery: delivery({ state: 'MANUAL' }) }

  it('checks the link, then sends it and shows the server’s error next to the field', async () => {
    const { client, sent } = mockClient((operation) => {
      if (operationName(operation) === 'Me')
        return {
          me: { __typename: 'Person', id: 'u', name: 'К', roles: ['CURATOR'], agency: null },
        }
      return {
        markAnswerPublished: {
          __typename: 'MarkAnswerPublishedPayload',
          appeal: null,
          errors: [
            {
              __typename: 'UserError',
              code: 'TOO_LONG',
              field: ['input', 'link'],
              message: 'Ссылка длиннее 2000 знаков',
            },
          ],
        },
      }
    })
    render(
      <Provider value={client}>
        <AnswerDelivery appeal={appeal} answer={answer} />
      </Provider>,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Отметить опубликованным' }))
    const field = screen.getByLabelText('Ссылка на опубликованный ответ')

    fireEvent.change(field, { target: { value: 'javascript:alert(1)' } })
    fireEvent.submit(field.closest('form')!)
    expect(await screen.findByText(/Нужна ссылка, начинающаяся с https/)).toBeTruthy()
    expect(sent.some((operation) => operationName(operation) === 'MarkAnswerPublished')).toBe(false)

    fireEvent.change(field, { target: { value: 'https://vk.com/wall-1_2?reply=9' } })
    fireEvent.submit(field.closest('form')!)
    expect(await screen.findByText('Ссылка длиннее 2000 знаков')).toBeTruthy()
    expect(field.getAttribute('aria-invalid')).toBe('true')
    const mutation = sent.find((operation) => operationName(operation) === 'MarkAnswerPublished')
    expect(mutation?.variables).toEqual({
      input: {
        appealId: 'a1',
        answerId: 'ans1',
        link: 'https://vk.com/wall-1_2?reply=9',
        expectedVersion: 7,
      },
    })
  })

  it('closes the dialog when the server accepts it', async () => {
    const { client } = mockClient((operation) =>
      operationName(operation) === 'Me'
        ? { me: { __typename: 'Person', id: 'u', name: 'И', roles: ['EXECUTOR'], agency: null } }
        : {
            markAnswerPublished: {
              __typename: 'MarkAnswerPublishedPayload',
              appeal: null,
              errors: [],
            },
          },
    )
    const failed = { ...answer, delivery: delivery({ state: 'FAILED', error: 'чат не найден' }) }
    render(
      <Provider value={client}>
        <AnswerDelivery appeal={appeal} answer={failed} />
      </Provider>,
    )
    // An executor may mark a failed answer published but not send it again (curators only).
    expect(await screen.findByText('Причина: чат не найден')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Отправить снова' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Отметить опубликованным' }))
    fireEvent.submit(screen.getByLabelText('Ссылка на опубликованный ответ').closest('form')!)
    await waitFor(() =>
      expect(screen.queryByLabelText('Ссылка на опубликованный ответ')).toBeNull(),
    )
  })
})
