import { describe, expect, it } from 'vitest'
import type { AppealSummaryFragment } from '@/gql/graphql'
import { translate } from '@/lib/i18n'
import { figureLinks, figuresOf } from '../hooks/dashboard-figures'
import { groupByAgency } from '../hooks/group-by-agency'
import { formatPeriodDates, parsePeriod, periodCaption } from '../hooks/periods'
import { rankingDetails } from '../hooks/ranking'

const t = (key: Parameters<typeof translate>[0], params?: Parameters<typeof translate>[1]) =>
  translate(key, params, 'ru')

const appeal = (id: string, agency: string | null) =>
  ({ id, agency: agency ? { id: agency, name: agency } : null }) as AppealSummaryFragment

describe('groupByAgency', () => {
  it('groups by agency, largest first, unrouted last, keeping the server’s order inside', () => {
    const groups = groupByAgency([
      appeal('1', 'Минздрав'),
      appeal('2', null),
      appeal('3', 'Дороги'),
      appeal('4', 'Минздрав'),
      appeal('5', 'Культура'),
    ])
    expect(groups.map((g) => [g.agency?.name ?? null, g.appeals.map((a) => a.id)])).toEqual([
      ['Минздрав', ['1', '4']],
      ['Дороги', ['3']],
      ['Культура', ['5']],
      [null, ['2']],
    ])
  })
})

describe('periods', () => {
  it('shows each period’s dates in Russian and says what kind of period it is', () => {
    expect(formatPeriodDates('2026-12-06', '2026-12-06')).toBe('6 декабря 2026 г.')
    expect(formatPeriodDates('2026-11-30', '2026-12-06')).toBe('30 ноября – 6 декабря 2026 г.')
    expect(formatPeriodDates('2026-12-01', '2026-12-31')).toBe('1 – 31 декабря 2026 г.')
    expect(formatPeriodDates('2026-12-28', '2027-01-03')).toBe(
      '28 декабря 2026 г. – 3 января 2027 г.',
    )
    expect(periodCaption(t, { kind: 'MONTH', fromDate: '2026-12-01', toDate: '2026-12-31' })).toBe(
      'Календарный месяц: 1 – 31 декабря 2026 г.',
    )
    expect(periodCaption(t, { kind: 'WEEK', fromDate: '2026-11-30', toDate: '2026-12-06' })).toBe(
      'Календарная неделя (пн–вс): 30 ноября – 6 декабря 2026 г.',
    )
    expect(t('dashboard.period.MONTH')).toBe('Этот месяц')
  })

  it('reads the period from the URL, today by default', () => {
    expect(parsePeriod('WEEK')).toBe('WEEK')
    expect(parsePeriod(null)).toBe('DAY')
    expect(parsePeriod('YEAR')).toBe('DAY')
  })
})

describe('figureLinks', () => {
  it('links each countable figure to the appeals behind it', () => {
    const region = figureLinks({ fromDate: '2026-12-01', toDate: '2026-12-31' }, null)
    expect(region).toEqual({
      received: '/appeals?from=2026-12-01&to=2026-12-31',
      answered: '/appeals?answeredFrom=2026-12-01&answeredTo=2026-12-31',
      overdueNow: '/dashboard/overdue',
    })
    expect(figureLinks({ fromDate: '2026-12-06', toDate: '2026-12-06' }, 'a1').received).toBe(
      '/appeals?agency=a1&from=2026-12-06&to=2026-12-06',
    )
    const figures = figuresOf(
      t,
      {
        figures: {
          received: 3,
          answered: 1,
          open: 2,
          overdueNow: 1,
          firstResponse: { count: 0, medianBusinessSeconds: null },
          firstResponseWithinSla: null,
          finalAnswerWithinSla: null,
          redirects: 0,
          returnedForRework: 0,
        },
      } as Parameters<typeof figuresOf>[1],
      region,
    )
    expect(figures.filter((f) => f.href).map((f) => f.key)).toEqual([
      'received',
      'answered',
      'overdueNow',
    ])
  })
})

describe('rankingDetails', () => {
  it('says what a score is made of, working time in hours', () => {
    expect(
      rankingDetails(t, {
        agency: { id: 'a', name: 'Минздрав' },
        place: 1,
        score: 91.5,
        unratedReason: null,
        received: 12,
        medianFirstResponseBusinessSeconds: 27 * 3600,
        deadlinesMet: 0.875,
        returnedForReworkShare: 0.1,
        missedDeadlines: 1,
      }),
    ).toBe('обращений: 12 · медиана первого ответа 27 ч · сроки 88 % · возвраты 10 %')
  })
})
