import { describe, expect, it } from 'vitest'
import {
  activeCount,
  deskHref,
  deskQuery,
  nextDay,
  parseDeskFilters,
  regionMidnight,
  toAppealFilter,
} from '../hooks/desk-filters'

describe('desk filters in the URL', () => {
  it('reads every criterion and writes it back the same', () => {
    const query =
      'q=%D0%BE%D1%82%D0%BE%D0%BF%D0%BB%D0%B5%D0%BD%D0%B8%D0%B5&author=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2%D0%B0' +
      '&status=ASSIGNED%2CIN_PROGRESS&agency=a1&municipality=TENKINSKY&channel=VK&category=ENERGY' +
      '&sla=OVERDUE%2CAT_RISK&urgent=true&from=2026-12-01&to=2026-12-06' +
      '&answeredFrom=2026-12-02&answeredTo=2026-12-03&sort=DUE_ASC'
    const filters = parseDeskFilters(query)
    expect(filters).toEqual({
      q: 'отопление',
      author: 'Иванова',
      statuses: ['ASSIGNED', 'IN_PROGRESS'],
      agency: 'a1',
      municipality: 'TENKINSKY',
      channel: 'VK',
      category: 'ENERGY',
      sla: ['OVERDUE', 'AT_RISK'],
      urgent: true,
      from: '2026-12-01',
      to: '2026-12-06',
      answeredFrom: '2026-12-02',
      answeredTo: '2026-12-03',
      sort: 'DUE_ASC',
    })
    expect(deskQuery(filters)).toBe(query)
    expect(activeCount(filters)).toBe(12)
  })

  it('drops what it does not know instead of sending it to the server', () => {
    expect(
      parseDeskFilters(
        'status=OPEN,BOGUS&sla=LATE&urgent=maybe&from=6.12.2026&municipality=MOSCOW&sort=X&q=%20%20',
      ),
    ).toEqual({})
    expect(parseDeskFilters('status=NEW,BOGUS&urgent=false')).toEqual({
      statuses: ['NEW'],
      urgent: false,
    })
  })

  it('links a figure to its list', () => {
    expect(deskHref({})).toBe('/appeals')
    expect(deskHref({ agency: 'a1', sla: ['OVERDUE'], sort: 'DUE_ASC' })).toBe(
      '/appeals?agency=a1&sla=OVERDUE&sort=DUE_ASC',
    )
  })
})

describe('toAppealFilter', () => {
  it('turns local days of Magadan into the half-open instant ranges the figures count', () => {
    expect(regionMidnight('2026-12-01')).toBe('2026-12-01T00:00:00+11:00')
    expect(nextDay('2026-12-31')).toBe('2027-01-01')
    expect(
      toAppealFilter({
        q: 'отопление',
        sla: ['OVERDUE'],
        agency: 'a1',
        from: '2026-12-01',
        to: '2026-12-06',
        answeredFrom: '2026-12-06',
        answeredTo: '2026-12-06',
        urgent: false,
      }),
    ).toEqual({
      text: 'отопление',
      slaStates: ['OVERDUE'],
      agencyId: 'a1',
      receivedFrom: '2026-12-01T00:00:00+11:00',
      receivedTo: '2026-12-07T00:00:00+11:00',
      answeredFrom: '2026-12-06T00:00:00+11:00',
      answeredTo: '2026-12-07T00:00:00+11:00',
      urgent: false,
    })
    expect(toAppealFilter({})).toEqual({})
  })
})
