import { Link, useLocation } from 'wouter'
import { useT } from '@/lib/i18n'

/** Any path the app does not know: says what happened, shows the path, and offers the way home or back. */
export function NotFound() {
  const t = useT()
  const [path] = useLocation()
  return (
    <section className="page not-found" data-testid="not-found">
      <p className="not-found__code" aria-hidden="true">
        404
      </p>
      <h1 tabIndex={-1}>{t('app.notFound')}</h1>
      <p className="muted">{t('app.notFoundLead', { path })}</p>
      <div className="link-row">
        <Link className="button button--primary" href="/">
          {t('app.toHome')}
        </Link>
        {window.history.length > 1 && (
          <button type="button" className="button" onClick={() => window.history.back()}>
            {t('app.back')}
          </button>
        )}
      </div>
    </section>
  )
}
