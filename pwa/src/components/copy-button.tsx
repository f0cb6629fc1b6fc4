import { useEffect, useState } from 'react'
import { copyText } from '@/lib/clipboard'
import { useT } from '@/lib/i18n'

/** Copies `text`; says «Скопировано» (or that copying failed) in a live region for a few seconds. */
export function CopyButton({
  text,
  label,
  className = 'button',
}: {
  text: string
  label: string
  className?: string
}) {
  const t = useT()
  const [result, setResult] = useState<null | 'copied' | 'failed'>(null)
  useEffect(() => {
    if (!result) return
    const timer = setTimeout(() => setResult(null), 3000)
    return () => clearTimeout(timer)
  }, [result])
  return (
    <span className="copy">
      <button
        type="button"
        className={className}
        onClick={() => void copyText(text).then((ok) => setResult(ok ? 'copied' : 'failed'))}
      >
        {label}
      </button>
      <span role="status" className="copy__status">
        {result === 'copied' ? t('copy.done') : result === 'failed' ? t('copy.failed') : ''}
      </span>
    </span>
  )
}
