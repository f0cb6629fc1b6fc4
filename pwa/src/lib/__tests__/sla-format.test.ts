import { describe, expect, it } from 'vitest'
import { SlaTimeUnit } from '@/gql/enums'
import { translate, type Locale, type Translate } from '../i18n'
import { businessLeftLabel, formatDuration, formatTerm, measureOf, zoneName } from '../sla/format'

const tr =
  (locale: Locale): Translate =>
  (key, params) =>
    translate(key, params, locale)
const ru = tr('ru')
const en = tr('en')

describe('formatDuration', () => {
  it('words seconds in the user’s language, working time never in days', () => {
    const seconds = 27 * 3600 + 20 * 60
    expect(formatDuration(ru, seconds, 'working')).toBe('27 ч 20 мин')
    expect(formatDuration(ru, seconds, 'calendar')).toBe('1 д 3 ч')
    expect(formatDuration(en, seconds, 'working')).toBe('27 h 20 min')
    expect(formatDuration(en, 20)).toBe('under a minute')
  })

  it('says whether working time is left or over the term', () => {
    expect(businessLeftLabel(ru, 45 * 60)).toBe('рабочего времени осталось: 45 мин')
    expect(businessLeftLabel(ru, -45 * 60)).toBe('рабочего времени сверх срока: 45 мин')
    expect(businessLeftLabel(en, -3600)).toBe('business time over the term: 1 h')
  })
})

describe('zoneName', () => {
  it('names the city instead of the time zone id', () => {
    expect(zoneName(ru, 'Asia/Magadan')).toBe('Магадан')
    expect(zoneName(en, 'Asia/Magadan')).toBe('Magadan')
    expect(zoneName(ru, 'Asia/Ust-Nera')).toBe('Ust-Nera')
    expect(zoneName(ru, 'America/New_York')).toBe('New York')
  })
})

describe('formatTerm', () => {
  it('words every SlaTimeUnit of the schema, with Russian plural forms', () => {
    for (const unit of Object.values(SlaTimeUnit)) {
      expect(formatTerm(ru, { amount: 5, unit })).not.toContain('sla.unit')
      expect(formatTerm(en, { amount: 5, unit })).not.toContain('sla.unit')
    }
    expect(formatTerm(ru, { amount: 1, unit: 'BUSINESS_HOURS' })).toBe('1 рабочий час')
    expect(formatTerm(ru, { amount: 8, unit: 'BUSINESS_HOURS' })).toBe('8 рабочих часов')
    expect(formatTerm(ru, { amount: 2, unit: 'WORKING_DAYS' })).toBe('2 рабочих дня')
    expect(formatTerm(ru, { amount: 30, unit: 'CALENDAR_DAYS' })).toBe('30 календарных дней')
    expect(formatTerm(en, { amount: 1, unit: 'CALENDAR_HOURS' })).toBe('1 hour')
    expect(formatTerm(en, { amount: 30, unit: 'CALENDAR_DAYS' })).toBe('30 calendar days')
  })

  it('knows which terms the server counts in working time', () => {
    expect(measureOf('BUSINESS_HOURS')).toBe('working')
    expect(measureOf('WORKING_DAYS')).toBe('working')
    expect(measureOf('CALENDAR_HOURS')).toBe('calendar')
    expect(measureOf('CALENDAR_DAYS')).toBe('calendar')
  })
})
