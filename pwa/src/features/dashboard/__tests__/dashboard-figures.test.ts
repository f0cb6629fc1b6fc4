import { describe, expect, it } from 'vitest'
import type { AgencyDashboardQuery } from '@/gql/graphql'
import { translate } from '@/lib/i18n'
import { figuresOf, rankText, topMistakes } from '../hooks/dashboard-figures'
import { lastDays, regionDate } from '../hooks/periods'

const t = (key: Parameters<typeof translate>[0], params?: Parameters<typeof translate>[1]) =>
  translate(key, params, 'ru')

const stats = {
  figures: {
    received: 12,
    answered: 9,
    open: 5,
    overdueNow: 2,
    firstResponse: { count: 9, medianBusinessSeconds: 12_000 },
    firstResponseWithinSla: 0.875,
    finalAnswerWithinSla: null,
    redirects: 1,
    returnedForRework: 3,
  },
} as AgencyDashboardQuery['agencyStats']

const ranking = {
  rated: [
    { agency: { id: 'roads' }, place: 1, score: 91.5 },
    { agency: { id: 'health' }, place: 2, score: 80.25 },
  ],
  unrated: [{ agency: { id: 'culture' }, unratedReason: 'TOO_FEW_APPEALS' }],
  minAppeals: 2,
} as AgencyDashboardQuery['agencyRanking']

describe('figuresOf', () => {
  it('shows the stats API’s figures, shares as percents and missing values as a dash', () => {
    const figures = Object.fromEntries(figuresOf(t, stats).map((f) => [f.key, f.value]))
    expect(figures).toEqual({
      received: '12',
      answered: '9',
      overdueNow: '2',
      medianFirstResponse: '3 ч 20 мин',
      firstResponseWithinSla: '88 %',
      finalAnswerWithinSla: '—',
      redirects: '1',
      returned: '3',
    })
    expect(figuresOf(t, stats).find((f) => f.key === 'overdueNow')?.href).toBe('/dashboard/overdue')
  })
})

describe('rankText', () => {
  it('gives the place among rated agencies, or why the agency is not rated', () => {
    expect(rankText(t, ranking, 'health')).toBe('Место в рейтинге: 2 из 2 (балл 80.3)')
    expect(rankText(t, ranking, 'culture')).toBe('Вне рейтинга: меньше 2 обращений за период')
    expect(rankText(t, ranking, 'unknown')).toBeNull()
  })
})

describe('periods', () => {
  it('counts days in Magadan time', () => {
    // 14:30 UTC is already the next day in Magadan (UTC+11).
    expect(regionDate(new Date('2026-03-09T14:30:00Z'))).toBe('2026-03-10')
    expect(lastDays('2026-03-10', 14)).toEqual({
      kind: 'CUSTOM',
      from: '2026-02-25',
      to: '2026-03-10',
    })
  })
})

describe('topMistakes', () => {
  it('lists an executor’s most frequent mistakes first', () => {
    const executor = {
      executor: { id: 'e1', name: 'Иванова' },
      answers: 5,
      rules: [
        { rule: 'FORMALISM', answers: 1 },
        { rule: 'NO_SPECIFICS', answers: 3 },
        { rule: 'REDIRECT', answers: 0 },
        { rule: 'TEMPLATE_PHRASE', answers: 2 },
      ],
    } as Parameters<typeof topMistakes>[0]
    expect(topMistakes(executor).map((rule) => rule.rule)).toEqual([
      'NO_SPECIFICS',
      'TEMPLATE_PHRASE',
    ])
  })
})
