import { describe, expect, it } from 'vitest'
import { en } from '../i18n/en'
import { ru } from '../i18n/ru'
import { translate } from '../i18n'

describe('i18n', () => {
  it('has every Russian key in English', () => {
    expect(Object.keys(en).toSorted()).toEqual(Object.keys(ru).toSorted())
  })

  it('interpolates and picks Russian plural forms', () => {
    expect(translate('queue.count', { count: 1 }, 'ru')).toBe('1 обращение')
    expect(translate('queue.count', { count: 3 }, 'ru')).toBe('3 обращения')
    expect(translate('queue.count', { count: 11 }, 'ru')).toBe('11 обращений')
    expect(translate('queue.count', { count: 21 }, 'ru')).toBe('21 обращение')
    expect(translate('queue.count', { count: 2 }, 'en')).toBe('2 appeals')
  })

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(translate('sla.left', {}, 'ru')).toBe('осталось {time}')
  })
})
