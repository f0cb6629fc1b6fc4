import type { Translate } from '@/lib/i18n'

/** The period's satisfaction in one line: «4 из 5 оценок — 4 или 5 (80 %), средняя 4,2», or none. */
export function satisfactionText(
  t: Translate,
  satisfaction: {
    ratings: number
    satisfied: number
    satisfiedShare?: number | null
    averageScore?: number | null
  },
): string {
  if (satisfaction.ratings === 0) return t('satisfaction.none')
  const percent = Math.round((satisfaction.satisfiedShare ?? 0) * 100)
  const average = (satisfaction.averageScore ?? 0).toLocaleString('ru-RU', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  })
  return t('satisfaction.summary', {
    satisfied: satisfaction.satisfied,
    count: satisfaction.ratings,
    percent,
    average,
  })
}
