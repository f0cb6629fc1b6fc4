import type { QualityReportFieldsFragment } from '@/gql/graphql'

type QualityFinding = QualityReportFieldsFragment['findings'][number]

type Located = Pick<QualityFinding, 'start' | 'end'>

export interface Segment {
  text: string
  /** Index into the findings of the fragment this segment underlines; null for plain text. */
  finding: number | null
}

/**
 * Splits the text into plain and underlined segments for the editor's backdrop. Findings without a
 * position (something missing from the whole answer) are not underlined; offsets are clamped to the
 * text, and a fragment overlapping an earlier one is underlined only where it is not already.
 */
export function markSegments(text: string, findings: readonly Located[]): Segment[] {
  const ranges = findings
    .map((finding, index) => ({ start: finding.start, end: finding.end, index }))
    .filter(
      (range): range is { start: number; end: number; index: number } =>
        range.start !== null &&
        range.start !== undefined &&
        range.end !== null &&
        range.end !== undefined,
    )
    .map((range) => ({
      ...range,
      start: Math.max(0, Math.min(range.start, text.length)),
      end: Math.max(0, Math.min(range.end, text.length)),
    }))
    .filter((range) => range.end > range.start)
    .toSorted((a, b) => a.start - b.start || a.index - b.index)

  const segments: Segment[] = []
  let position = 0
  for (const range of ranges) {
    const start = Math.max(range.start, position)
    if (start >= range.end) continue
    if (start > position) segments.push({ text: text.slice(position, start), finding: null })
    segments.push({ text: text.slice(start, range.end), finding: range.index })
    position = range.end
  }
  if (position < text.length) segments.push({ text: text.slice(position), finding: null })
  return segments
}

/** The finding whose fragment holds the caret (or touches it at either end), if any. */
export function findingAt<T extends Located>(findings: readonly T[], caret: number): T | null {
  return (
    findings.find(
      (finding) =>
        finding.start !== null &&
        finding.start !== undefined &&
        finding.end !== null &&
        finding.end !== undefined &&
        finding.start <= caret &&
        caret <= finding.end,
    ) ?? null
  )
}

/** A finding as the hints show it. */
export type QualityFindingFieldsLike = Pick<
  QualityFinding,
  'rule' | 'message' | 'start' | 'end' | 'suggestion'
>
