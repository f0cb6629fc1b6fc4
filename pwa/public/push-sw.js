/*
 * Web push handlers, imported into the Workbox-generated service worker (vite.config.ts, importScripts).
 * The payload is the server's JSON: kind, title, body, url, tag, urgent, count; never personal data.
 */
self.addEventListener('push', (event) => {
  let notice = {}
  try {
    notice = event.data ? event.data.json() : {}
  } catch {
    notice = {}
  }
  const title = notice.title || 'Отклик'
  event.waitUntil(
    self.registration.showNotification(title, {
      body: notice.body || '',
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
      lang: 'ru',
      // One notice per appeal and kind on screen; a summary replaces the kind's earlier ones.
      tag: notice.tag || notice.kind || 'otklik',
      renotify: Boolean(notice.urgent),
      requireInteraction: Boolean(notice.urgent),
      data: { url: notice.url || '/' },
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  const target = new URL(event.notification.data?.url || '/', self.location.origin)
  // Only the app's own pages: a payload cannot send the user elsewhere.
  const url = target.origin === self.location.origin ? target.href : self.location.origin + '/'
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const client of windows) {
        if (new URL(client.url).origin === self.location.origin && 'focus' in client) {
          return client
            .focus()
            .then((focused) => (focused && 'navigate' in focused ? focused.navigate(url) : focused))
        }
      }
      return self.clients.openWindow(url)
    }),
  )
})
