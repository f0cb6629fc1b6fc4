import { useState } from 'react'
import type { PushNoticeKind, PushSettingsFieldsFragment } from '@/gql/graphql'
import { enumKey, formatDateTime, useT } from '@/lib/i18n'
import { noticeKindsFor } from '../hooks/notice-kinds'
import { permission, pushSupport } from '../hooks/push-support'
import { usePushCommands, usePushDevices, usePushSettings } from '../hooks/use-push'
import { EnablePushButton } from './enable-push-button'

/**
 * The profile's «Уведомления на телефон»: allow push on this device (with why), the user's devices with a
 * switch per kind of notice and a remove button, and quiet hours.
 */
export function PushSection({ roles }: { roles: readonly string[] }) {
  const t = useT()
  const support = pushSupport()
  const kinds = noticeKindsFor(roles)
  const { devices, loading } = usePushDevices()
  const settings = usePushSettings()
  const commands = usePushCommands()
  const [message, setMessage] = useState<string | null>(null)

  const toggle = async (
    deviceId: string,
    current: readonly PushNoticeKind[],
    kind: PushNoticeKind,
  ) => {
    const next = current.includes(kind) ? current.filter((k) => k !== kind) : [...current, kind]
    setMessage(await commands.setNotices(deviceId, next))
  }

  return (
    <section className="card" aria-labelledby="push-heading">
      <h2 id="push-heading">{t('push.title')}</h2>
      <p className="muted">{t('push.why')}</p>
      {support === 'ios-needs-home-screen' && <p role="note">{t('push.iosHomeScreen')}</p>}
      {support === 'unsupported' && <p role="note">{t('push.unsupported')}</p>}
      {support === 'supported' && permission() === 'denied' && (
        <p role="note">{t('push.blocked')}</p>
      )}
      {support === 'supported' && permission() !== 'denied' && (
        <EnablePushButton commands={commands} onOutcome={setMessage} />
      )}
      {message && <p role="status">{message}</p>}

      <h3>{t('push.devices')}</h3>
      {loading ? null : devices.length === 0 ? (
        <p className="muted">{t('push.noDevices')}</p>
      ) : (
        <ul className="push-devices">
          {devices.map((device) => (
            <li key={device.id} className="push-device" data-testid="push-device">
              <strong>{device.label}</strong>
              <span className="muted">
                {' '}
                {device.lastSentAt
                  ? t('push.lastSent', { at: formatDateTime(device.lastSentAt) })
                  : t('push.added', { at: formatDateTime(device.createdAt) })}
              </span>
              <fieldset>
                <legend className="visually-hidden">
                  {t('push.kinds', { device: device.label })}
                </legend>
                {kinds.map((kind) => {
                  const on = device.notices.includes(kind)
                  return (
                    <label key={kind} className="checkbox">
                      <input
                        type="checkbox"
                        role="switch"
                        checked={on}
                        aria-checked={on}
                        disabled={commands.busy}
                        onChange={() => void toggle(device.id, device.notices, kind)}
                      />
                      <span>{t(enumKey('push.kind', kind))}</span>
                    </label>
                  )
                })}
              </fieldset>
              <button
                type="button"
                className="button button--secondary"
                disabled={commands.busy}
                onClick={async () => setMessage(await commands.remove(device.id))}
              >
                {t('push.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}

      {settings && (
        <QuietHoursForm
          key={`${settings.quietHoursEnabled}${settings.quietFrom}${settings.quietTo}`}
          settings={settings}
          busy={commands.busy}
          save={commands.saveSettings}
          onDone={setMessage}
        />
      )}
    </section>
  )
}

/** The quiet hours editor, starting from the saved settings (mounted again when they change). */
function QuietHoursForm({
  settings,
  busy,
  save,
  onDone,
}: {
  settings: PushSettingsFieldsFragment
  busy: boolean
  save: ReturnType<typeof usePushCommands>['saveSettings']
  onDone: (message: string | null) => void
}) {
  const t = useT()
  const [quiet, setQuiet] = useState({
    enabled: settings.quietHoursEnabled,
    from: settings.quietFrom,
    to: settings.quietTo,
  })
  return (
    <form
      className="push-quiet"
      onSubmit={async (event) => {
        event.preventDefault()
        onDone(
          (await save({
            quietHoursEnabled: quiet.enabled,
            quietFrom: quiet.from,
            quietTo: quiet.to,
          })) ?? t('push.quietSaved'),
        )
      }}
    >
      <h3>{t('push.quiet')}</h3>
      <p className="muted">{t('push.quietWhy', { zone: settings.timeZone })}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={quiet.enabled}
          onChange={(event) => setQuiet({ ...quiet, enabled: event.target.checked })}
        />
        <span>{t('push.quietEnabled')}</span>
      </label>
      <label>
        {t('push.quietFrom')}{' '}
        <input
          type="time"
          value={quiet.from}
          onChange={(event) => setQuiet({ ...quiet, from: event.target.value })}
        />
      </label>{' '}
      <label>
        {t('push.quietTo')}{' '}
        <input
          type="time"
          value={quiet.to}
          onChange={(event) => setQuiet({ ...quiet, to: event.target.value })}
        />
      </label>
      <button type="submit" className="button" disabled={busy}>
        {t('push.quietSave')}
      </button>
    </form>
  )
}
