import { Link } from 'wouter'
import { useT } from '@/lib/i18n'

export function NotFound() {
  const t = useT()
  return (
    <section className="page">
      <h1 tabIndex={-1}>{t('app.notFound')}</h1>
      <Link className="button" href="/">
        {t('app.toHome')}
      </Link>
    </section>
  )
}
