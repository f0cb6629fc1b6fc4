import { useState } from 'react'
import { useT, type MessageKey } from '@/lib/i18n'
import { useSession } from '@/lib/oidc/session-context'
import {
  downloadReport,
  ReportError,
  reportUrl,
  type ReportFormat,
  type ReportName,
  type ReportParams,
} from '@/lib/reports/download'

const FORMATS: ReportFormat[] = ['xlsx', 'csv']

/** «Скачать XLSX / CSV»: the report of what the screen shows, fetched with the user's token. */
export function DownloadReport({
  report,
  params,
  label = 'report.download',
}: {
  report: ReportName
  params?: ReportParams
  label?: MessageKey
}) {
  const t = useT()
  const session = useSession()
  const [busy, setBusy] = useState<ReportFormat | null>(null)
  const [failed, setFailed] = useState<null | 'forbidden' | 'failed'>(null)

  const download = async (format: ReportFormat) => {
    setBusy(format)
    setFailed(null)
    try {
      await downloadReport(
        reportUrl(report, format, params),
        () => session.accessToken(),
        `otklik-${report}.${format}`,
      )
    } catch (error) {
      if (error instanceof ReportError && error.status === 401) session.markExpired()
      setFailed(error instanceof ReportError && error.status === 403 ? 'forbidden' : 'failed')
    } finally {
      setBusy(null)
    }
  }

  return (
    <div className="download" role="group" aria-label={t(label)}>
      <span className="download__label">{t(label)}</span>
      {FORMATS.map((format) => (
        <button
          key={format}
          type="button"
          className="button"
          disabled={busy !== null}
          aria-busy={busy === format}
          onClick={() => void download(format)}
        >
          {busy === format ? t('report.preparing') : t(`report.format.${format}`)}
        </button>
      ))}
      <span role="status" className="download__status">
        {failed ? t(failed === 'forbidden' ? 'report.forbidden' : 'report.failed') : ''}
      </span>
    </div>
  )
}
