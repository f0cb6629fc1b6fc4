import { describe, expect, it } from 'vitest'
import type { ChannelAccountFieldsFragment } from '@/gql/graphql'
import { splitFieldErrors } from '@/lib/user-errors'
import {
  FORM_FIELDS,
  emptyForm,
  fieldsFor,
  formFromAccount,
  toConnectInput,
  toUpdateInput,
  validateChannelForm,
} from '../hooks/channel-form'
import { webhookUrlOf } from '../hooks/webhook-url'

const account: ChannelAccountFieldsFragment = {
  id: 'acc1',
  kind: 'VK',
  name: 'Минздрав — ВКонтакте',
  agency: { id: 'health', name: 'Минздрав' },
  mode: 'WEBHOOK',
  externalAccountId: '123',
  webhookPath: '/channels/vk/acc1',
  webhookUrl: null,
  webhookSecret: null,
  health: 'OK',
  lastEventAt: null,
  lastError: null,
  enabled: true,
}

describe('webhookUrlOf', () => {
  it('prefers the full URL the server gives (OTKLIK_PUBLIC_URL)', () => {
    expect(
      webhookUrlOf(
        { ...account, webhookUrl: 'https://otklik.example.ru/channels/vk/acc1' },
        'http://localhost:8080',
      ),
    ).toEqual({ url: 'https://otklik.example.ru/channels/vk/acc1', fromServer: true })
  })

  it('otherwise joins the path to the app’s own address, with exactly one slash', () => {
    expect(webhookUrlOf(account, 'https://otklik.example.ru/')).toEqual({
      url: 'https://otklik.example.ru/channels/vk/acc1',
      fromServer: false,
    })
    expect(webhookUrlOf({ webhookPath: 'channels/tg/x' }, 'http://localhost:18392').url).toBe(
      'http://localhost:18392/channels/tg/x',
    )
  })
})

describe('validateChannelForm', () => {
  it('asks a new VK webhook account for its name, token, community id and confirmation string', () => {
    expect(validateChannelForm(emptyForm(), false)).toEqual({
      name: 'channels.error.name',
      token: 'channels.error.token',
      externalAccountId: 'channels.error.vkGroup',
      confirmationCode: 'channels.error.confirmation',
    })
  })

  it('needs no confirmation string for VK long polling, nor a community id for Telegram', () => {
    const vk = {
      ...emptyForm(),
      name: 'ЦУР',
      token: 't',
      externalAccountId: '1',
      mode: 'LONG_POLL' as const,
    }
    expect(validateChannelForm(vk, false)).toEqual({})
    const telegram = { ...emptyForm(), kind: 'TELEGRAM' as const, name: 'Бот', token: '1:abc' }
    expect(validateChannelForm(telegram, false)).toEqual({})
  })

  it('refuses long polling for Odnoklassniki, and offers only the webhook', () => {
    const ok = {
      ...emptyForm(),
      kind: 'OK' as const,
      name: 'ОК',
      token: 't',
      mode: 'LONG_POLL' as const,
    }
    expect(validateChannelForm(ok, false)).toEqual({ mode: 'channels.error.okMode' })
    expect(fieldsFor('OK', 'WEBHOOK').modes).toEqual(['WEBHOOK'])
    expect(fieldsFor('VK', 'LONG_POLL').confirmationCode).toBe(false)
  })

  it('keeps the stored token and confirmation string when editing leaves them empty', () => {
    expect(validateChannelForm(formFromAccount(account), true)).toEqual({})
  })
})

describe('inputs', () => {
  it('sends a new account trimmed, with blanks as null and the ЦУР as no agency', () => {
    const values = {
      ...emptyForm(),
      kind: 'TELEGRAM' as const,
      name: '  Бот ЦУР ',
      token: ' 123:abc ',
      confirmationCode: 'leftover from VK',
      externalAccountId: 'otklik_bot',
    }
    expect(toConnectInput(values)).toEqual({
      kind: 'TELEGRAM',
      name: 'Бот ЦУР',
      agencyId: null,
      token: '123:abc',
      secret: null,
      confirmationCode: null,
      externalAccountId: 'otklik_bot',
      mode: 'WEBHOOK',
    })
  })

  it('never sends a token it was not given: an edit leaves write-only fields out', () => {
    const values = { ...formFromAccount(account), agencyId: '' }
    expect(values.token).toBe('')
    expect(toUpdateInput('acc1', values)).toEqual({
      accountId: 'acc1',
      name: 'Минздрав — ВКонтакте',
      agencyId: '',
      token: null,
      secret: null,
      confirmationCode: null,
      externalAccountId: '123',
      mode: 'WEBHOOK',
    })
  })
})

describe('splitFieldErrors', () => {
  it('puts each error next to its field by the last path segment, the rest on the form', () => {
    const errors = [
      { code: 'REQUIRED', field: ['input', 'token'], message: 'Укажите токен доступа' },
      { code: 'NOT_FOUND', field: ['input', 'agencyId'], message: 'Не найдено' },
      { code: 'INVALID', field: ['input', 'token'], message: 'второе про токен' },
      { code: 'INVALID', field: [], message: 'Ключ не задан' },
      { code: 'INVALID', field: ['input', 'accountId'], message: 'Нет такого аккаунта' },
    ]
    expect(splitFieldErrors(errors, FORM_FIELDS)).toEqual({
      byField: { token: 'Укажите токен доступа', agencyId: 'Не найдено' },
      general: ['второе про токен', 'Ключ не задан', 'Нет такого аккаунта'],
    })
  })
})
