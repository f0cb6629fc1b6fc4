/**
 * What this browser can do about push. iOS and iPadOS (Safari 16.4+) offer push only to a web app added to
 * the Home Screen, so there the user is told to add it first instead of being shown a button that fails.
 */
export type PushSupport = 'supported' | 'ios-needs-home-screen' | 'unsupported'

export function isIos(
  userAgent = navigator.userAgent,
  touchPoints = navigator.maxTouchPoints,
): boolean {
  // iPadOS reports itself as a Mac; a touch screen gives it away.
  return /iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && touchPoints > 1)
}

export function isStandalone(): boolean {
  return (
    window.matchMedia?.('(display-mode: standalone)').matches === true ||
    (navigator as Navigator & { standalone?: boolean }).standalone === true
  )
}

export function pushSupport(): PushSupport {
  const capable =
    'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window
  if (isIos() && !isStandalone()) return 'ios-needs-home-screen'
  return capable ? 'supported' : 'unsupported'
}

export function permission(): NotificationPermission {
  return 'Notification' in window ? Notification.permission : 'denied'
}

/** The VAPID key (base64url) as `applicationServerKey` wants it. */
export function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const base64 = value.replace(/-/g, '+').replace(/_/g, '/')
  const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4)
  const raw = atob(padded)
  const bytes = new Uint8Array(new ArrayBuffer(raw.length))
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i)
  return bytes
}

/** A name for this device the user recognises in the list: browser and system. */
export function deviceLabel(userAgent = navigator.userAgent): string {
  const system = /Android/.test(userAgent)
    ? 'Android'
    : isIos(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : ''
  const browser = /YaBrowser/.test(userAgent)
    ? 'Яндекс Браузер'
    : /Edg\//.test(userAgent)
      ? 'Edge'
      : /Firefox\//.test(userAgent)
        ? 'Firefox'
        : /Chrome\//.test(userAgent)
          ? 'Chrome'
          : /Safari\//.test(userAgent)
            ? 'Safari'
            : ''
  return [browser, system].filter(Boolean).join(', ') || 'Браузер'
}

/** Subscribes this browser with the server's key; the subscription's JSON is what the server stores. */
export async function subscribe(publicKey: string): Promise<{
  endpoint: string
  p256dh: string
  auth: string
}> {
  const result = await Notification.requestPermission()
  if (result !== 'granted') throw new PermissionDenied()
  const registration = await navigator.serviceWorker.ready
  const existing = await registration.pushManager.getSubscription()
  const subscription =
    existing ??
    (await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: base64UrlToBytes(publicKey),
    }))
  const json = subscription.toJSON()
  if (!json.endpoint || !json.keys?.p256dh || !json.keys?.auth) throw new Error('subscription')
  return { endpoint: json.endpoint, p256dh: json.keys.p256dh, auth: json.keys.auth }
}

export class PermissionDenied extends Error {}

const DISMISSED = 'otklik.push.promptDismissed'

export function promptDismissed(): boolean {
  try {
    return localStorage.getItem(DISMISSED) === '1'
  } catch {
    return false
  }
}

export function dismissPrompt(): void {
  try {
    localStorage.setItem(DISMISSED, '1')
  } catch {
    // Private mode: the card comes back next session, which is harmless.
  }
}
