/** Exponential backoff with full jitter, capped: 1 s, 2 s, 4 s … 30 s. */
export function backoffDelay(retries: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1_000 * 2 ** retries)
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/** Waits the backoff delay, and while the device is offline keeps waiting until it is back. */
export async function waitToReconnect(retries: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, backoffDelay(retries)))
  if (typeof navigator !== 'undefined' && !navigator.onLine) {
    await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }))
  }
}
