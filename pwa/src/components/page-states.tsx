import { useT } from '@/lib/i18n'

export function LoadingState() {
  const t = useT()
  return (
    <p className="state" role="status">
      {t('app.loading')}
    </p>
  )
}

export function ErrorState({ onRetry }: { onRetry?: () => void }) {
  const t = useT()
  return (
    <div className="state" role="alert">
      <p>{t('app.error')}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  )
}

export function EmptyState({ text }: { text: string }) {
  return <p className="state">{text}</p>
}
