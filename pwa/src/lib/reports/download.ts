/**
 * Report downloads. A report is a file streamed by `GET /api/reports/<name>.<format>` with the same bearer
 * token as the GraphQL API, so a plain link cannot fetch it (a link sends no Authorization header): the PWA
 * fetches it, turns the body into a Blob and clicks a temporary object-URL link to save it.
 */
export type ReportFormat = 'xlsx' | 'csv'
export type ReportName = 'appeals' | 'agency-stats' | 'region-stats' | 'agency-ranking'
export type ReportParams = Record<string, string | readonly string[] | undefined | null>

/** The report's URL: repeated parameters for lists (`status=A&status=B`), nothing for empty values. */
export function reportUrl(
  name: ReportName,
  format: ReportFormat,
  params: ReportParams = {},
): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value == null || value === '') continue
    if (Array.isArray(value)) value.forEach((item: string) => query.append(key, item))
    else query.append(key, value as string)
  }
  const search = query.toString()
  return `/api/reports/${name}.${format}${search ? `?${search}` : ''}`
}

/** The file name the server offers in Content-Disposition (RFC 6266 `filename*` first), or a fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1]
  if (encoded) {
    try {
      return decodeURIComponent(encoded)
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback
}

export class ReportError extends Error {
  readonly status: number

  constructor(status: number) {
    super(`Report download failed: HTTP ${status}`)
    this.status = status
  }
}

/** Fetches the report with the token and saves it; resolves with the saved file's name. */
export async function downloadReport(
  url: string,
  accessToken: () => Promise<string | null>,
  fallbackName: string,
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const token = await accessToken()
  const response = await fetchImpl(url, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    // Per user and per token: never from any cache.
    cache: 'no-store',
  })
  if (!response.ok) throw new ReportError(response.status)
  const blob = await response.blob()
  const name = fileNameFrom(response.headers.get('Content-Disposition'), fallbackName)
  const objectUrl = URL.createObjectURL(blob)
  try {
    const link = document.createElement('a')
    link.href = objectUrl
    link.download = name
    link.rel = 'noopener'
    document.body.append(link)
    link.click()
    link.remove()
  } finally {
    // Revoked on the next task: the click has handed the Blob to the browser's download by then.
    setTimeout(() => URL.revokeObjectURL(objectUrl), 0)
  }
  return name
}
