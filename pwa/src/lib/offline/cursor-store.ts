/**
 * Last event cursor per live subscription, kept across reloads so a resubscription passes it as
 * `after` and the server replays what was missed while the app was closed or offline.
 */
const PREFIX = 'otklik.cursor.'

export function loadCursor(owner: string, stream: string): string | null {
  try {
    return localStorage.getItem(`${PREFIX}${owner}.${stream}`)
  } catch {
    return null
  }
}

export function saveCursor(owner: string, stream: string, cursor: string): void {
  try {
    localStorage.setItem(`${PREFIX}${owner}.${stream}`, cursor)
  } catch {
    // Without storage we still resume within this session (the live client keeps it in memory).
  }
}

export function clearCursor(owner: string, stream: string): void {
  try {
    localStorage.removeItem(`${PREFIX}${owner}.${stream}`)
  } catch {
    // Nothing to do.
  }
}
