import { useId, useState, type FormEvent } from 'react'
import { useMutation, useQuery } from 'urql'
import { RegionSettingsDocument, UpdateRegionSettingsDocument } from '@/gql/graphql'
import { useT } from '@/lib/i18n'

/** The curator's switches for which interim answers wait for review; folded, it costs one line. */
export function ReviewSettings() {
  const t = useT()
  const scoreId = useId()
  const [{ data }] = useQuery({ query: RegionSettingsDocument })
  const [{ fetching }, update] = useMutation(UpdateRegionSettingsDocument)
  const [score, setScore] = useState<string | null>(null)
  const [all, setAll] = useState<boolean | null>(null)
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null)
  const current = data?.regionSettings
  if (!current) return null
  const shownScore = score ?? String(current.interimReviewBelowScore)
  const shownAll = all ?? current.reviewAllInterimAnswers

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const result = await update({
      input: { interimReviewBelowScore: Number(shownScore), reviewAllInterimAnswers: shownAll },
    })
    const refused = result.data?.updateRegionSettings.errors[0]
    setMessage(
      result.error || refused
        ? { error: true, text: refused?.message ?? t('reviewSettings.failed') }
        : { error: false, text: t('reviewSettings.saved') },
    )
  }

  return (
    <details className="card">
      <summary>
        {shownAll
          ? t('reviewSettings.summaryAll')
          : t('reviewSettings.summary', { score: current.interimReviewBelowScore })}
      </summary>
      <form onSubmit={(event) => void save(event)}>
        <label htmlFor={scoreId}>{t('reviewSettings.threshold')}</label>
        <input
          id={scoreId}
          type="number"
          inputMode="numeric"
          min={0}
          max={101}
          value={shownScore}
          onChange={(event) => setScore(event.target.value)}
        />
        <label>
          <input
            type="checkbox"
            checked={shownAll}
            onChange={(event) => setAll(event.target.checked)}
          />{' '}
          {t('reviewSettings.all')}
        </label>
        {message && (
          <p
            className={message.error ? 'notice notice--error' : 'notice'}
            role={message.error ? 'alert' : 'status'}
          >
            {message.text}
          </p>
        )}
        <button type="submit" className="button" disabled={fetching}>
          {t('reviewSettings.save')}
        </button>
      </form>
    </details>
  )
}
