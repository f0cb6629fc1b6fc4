import { CombinedError } from '@urql/core'
import { GraphQLEnumType, GraphQLError } from 'graphql'
import { describe, expect, it } from 'vitest'
import { ErrorDetail, UserErrorCode } from '@/gql/enums'
import { backendSchema } from '@/test/schema'
import {
  cursorRefused,
  errorDetailKey,
  explainCombined,
  explainRefusal,
  userErrorKey,
} from '../graphql/errors'
import { translate, type MessageKey, type Translate } from '../i18n'
import { en } from '../i18n/en'
import { ru } from '../i18n/ru'

/** The values of an enum as the backend's schema declares it. */
function schemaEnum(name: string): string[] {
  const type = backendSchema().getType(name)
  if (!(type instanceof GraphQLEnumType)) throw new Error(`enum ${name} not in the schema`)
  return type.getValues().map((value) => value.name)
}

/** A subscription that failed with a top-level error carrying `errorDetail` (or none). */
const failed = (errorDetail?: string) =>
  new CombinedError({
    graphQLErrors: [new GraphQLError('x', { extensions: errorDetail ? { errorDetail } : {} })],
  })

const ruT: Translate = (key, params) => translate(key, params, 'ru')

describe('error messages', () => {
  it.each([
    ['UserErrorCode', UserErrorCode, (code: string) => userErrorKey(code as UserErrorCode)],
    ['ErrorDetail', ErrorDetail, (detail: string) => errorDetailKey(detail as ErrorDetail)],
  ] as const)(
    'has a message in every language for each %s of the schema',
    (name, generated, key) => {
      const values = schemaEnum(name)
      // The generated list is the schema's (codegen ran), so the app knows every value.
      expect(Object.values(generated).toSorted()).toEqual(values.toSorted())
      const missing = values.flatMap((value) => {
        const messageKey: MessageKey = key(value)
        return [ru, en].some((messages) => !messages[messageKey]) ? [value] : []
      })
      expect(missing).toEqual([])
    },
  )

  it('puts our explanation first and the server’s detail after', () => {
    expect(
      explainRefusal(ruT, {
        code: 'TAKEN_BY_OTHER',
        message: 'Обращение уже взял в работу Иван Петров',
      }),
    ).toBe('Обращение уже в работе у коллеги. Обращение уже взял в работу Иван Петров')
    expect(explainRefusal(ruT, { code: 'NO_CHANGE', message: null })).toBe('Ничего не изменилось.')
  })

  it('explains a top-level refusal by its errorDetail and falls back to the server’s words', () => {
    expect(explainRefusal(ruT, { code: 'RATE_LIMITED', message: 'x' })).toBe(
      'Слишком много запросов: повторите чуть позже.',
    )
    expect(explainRefusal(ruT, { code: 'BAD_REQUEST', message: 'Неверный запрос' })).toBe(
      'Неверный запрос',
    )
    const internal = new CombinedError({
      graphQLErrors: [new GraphQLError('boom', { extensions: { errorDetail: 'INTERNAL' } })],
    })
    expect(explainCombined(ruT, internal)).toBe('Сбой на сервере. Повторите позже.')
    const network = new CombinedError({ networkError: new TypeError('Failed to fetch') })
    expect(explainCombined(ruT, network)).toBe('Сервер недоступен.')
  })

  it('drops a subscription cursor only when the server refuses it', () => {
    expect(cursorRefused(failed('CURSOR_EXPIRED'))).toBe(true)
    expect(cursorRefused(failed('INVALID_CURSOR'))).toBe(true)
    expect(cursorRefused(failed())).toBe(true)
    expect(cursorRefused(failed('SLOW_SUBSCRIBER'))).toBe(false)
    expect(cursorRefused(failed('UNAUTHENTICATED'))).toBe(false)
    expect(cursorRefused(new CombinedError({ networkError: new Error('closed') }))).toBe(false)
  })
})
