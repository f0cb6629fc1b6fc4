import { useIdentity } from '@/lib/oidc/session-context'
import { OutboxList } from '@/features/appeals'
import { useOutboxEntries } from '@/lib/offline/use-outbox'
import { enumKey, setLocale, useLocale, useT } from '@/lib/i18n'
import { useSignOut } from '@/lib/oidc/sign-out-context'
import { PushSection } from '@/features/push'
import { useMe } from '../hooks/use-me'

export function ProfilePage() {
  const t = useT()
  const identity = useIdentity()
  const { me } = useMe()
  const locale = useLocale()
  const outbox = useOutboxEntries()
  const signOut = useSignOut()
  const roles = me?.roles ?? identity.roles
  return (
    <section className="page">
      <h1 tabIndex={-1}>{me?.name ?? identity.name}</h1>
      <dl className="details card">
        <dt>{t('profile.roles')}</dt>
        <dd>{roles.map((role) => t(enumKey('role', role))).join(', ')}</dd>
        {(me?.agency ?? identity.agencyCode) && (
          <>
            <dt>{t('profile.agency')}</dt>
            <dd>{me?.agency?.name ?? identity.agencyCode}</dd>
          </>
        )}
      </dl>

      <section className="card" aria-labelledby="outbox-heading">
        <h2 id="outbox-heading">{t('profile.outbox')}</h2>
        {outbox.length === 0 ? (
          <p className="muted">{t('profile.outboxEmpty')}</p>
        ) : (
          <OutboxList entries={outbox} showLinks />
        )}
      </section>

      <PushSection roles={roles} />

      <fieldset className="card segmented">
        <legend>{t('profile.language')}</legend>
        {(['ru', 'en'] as const).map((value) => (
          <label key={value} className="segmented__option">
            <input
              type="radio"
              name="locale"
              value={value}
              checked={locale === value}
              onChange={() => setLocale(value)}
            />
            <span lang={value}>{value === 'ru' ? 'Русский' : 'English'}</span>
          </label>
        ))}
      </fieldset>

      <section className="card" aria-labelledby="integrators-heading">
        <h2 id="integrators-heading">{t('profile.integrators')}</h2>
        <ul className="links">
          <li>
            <a href="/graphiql">{t('profile.graphiql')}</a>
          </li>
          <li>
            <a href="/api.html">{t('profile.apiDocs')}</a>
          </li>
        </ul>
      </section>

      <button type="button" className="button button--wide" onClick={() => void signOut()}>
        {t('auth.signOut')}
      </button>
    </section>
  )
}
