import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadReport, fileNameFrom, ReportError, reportUrl } from '@/lib/reports/download'

describe('report downloads', () => {
  afterEach(() => vi.restoreAllMocks())

  it('builds the URL with repeated list parameters and without empty ones', () => {
    expect(
      reportUrl('appeals', 'xlsx', {
        status: ['ASSIGNED', 'IN_PROGRESS'],
        orderBy: 'DUE_ASC',
        agencyId: undefined,
        text: '',
      }),
    ).toBe('/api/reports/appeals.xlsx?status=ASSIGNED&status=IN_PROGRESS&orderBy=DUE_ASC')
    expect(reportUrl('agency-ranking', 'csv')).toBe('/api/reports/agency-ranking.csv')
  })

  it('takes the file name from Content-Disposition, UTF-8 form first', () => {
    expect(
      fileNameFrom(
        `attachment; filename="=?UTF-8?Q?x?="; filename*=UTF-8''otklik-%D0%BE.xlsx`,
        'fallback',
      ),
    ).toBe('otklik-о.xlsx')
    expect(fileNameFrom('attachment; filename="a.csv"', 'fallback')).toBe('a.csv')
    expect(fileNameFrom(null, 'fallback')).toBe('fallback')
  })

  it('fetches with the bearer token and saves the body as a file', async () => {
    const fetchImpl = vi.fn<typeof fetch>(
      async () =>
        new Response('a;b', {
          headers: { 'Content-Disposition': 'attachment; filename="report.csv"' },
        }),
    )
    URL.createObjectURL = vi.fn<typeof URL.createObjectURL>(() => 'blob:report')
    URL.revokeObjectURL = vi.fn<typeof URL.revokeObjectURL>()
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})

    const name = await downloadReport(
      '/api/reports/appeals.csv',
      async () => 'token',
      'x.csv',
      fetchImpl,
    )

    expect(name).toBe('report.csv')
    expect(fetchImpl).toHaveBeenCalledWith('/api/reports/appeals.csv', {
      headers: { Authorization: 'Bearer token' },
      cache: 'no-store',
    })
    expect(click).toHaveBeenCalledOnce()
  })

  it('reports a refusal with its status', async () => {
    const fetchImpl = vi.fn<typeof fetch>(async () => new Response('{}', { status: 403 }))
    await expect(downloadReport('/x', async () => 't', 'x', fetchImpl)).rejects.toEqual(
      new ReportError(403),
    )
  })
})
