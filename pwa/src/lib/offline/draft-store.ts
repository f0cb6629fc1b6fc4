/**
 * Answer drafts live in localStorage: writes are synchronous, so a draft saved on `pagehide`
 * survives the app being swiped away, a reload or a dead network. Drafts are small (≤ 10,000 chars).
 */
export interface Draft {
  text: string
  kind: 'INTERIM' | 'FINAL'
  updatedAt: string
}

const PREFIX = 'otklik.draft.'

function key(owner: string, appealId: string) {
  return `${PREFIX}${owner}.${appealId}`
}

export function loadDraft(owner: string, appealId: string): Draft | undefined {
  try {
    const raw = localStorage.getItem(key(owner, appealId))
    if (!raw) return undefined
    const parsed = JSON.parse(raw) as Partial<Draft>
    if (typeof parsed.text !== 'string') return undefined
    return {
      text: parsed.text,
      kind: parsed.kind === 'FINAL' ? 'FINAL' : 'INTERIM',
      updatedAt: parsed.updatedAt ?? new Date(0).toISOString(),
    }
  } catch {
    return undefined
  }
}

export function saveDraft(owner: string, appealId: string, draft: Draft): boolean {
  try {
    if (draft.text.trim() === '') {
      localStorage.removeItem(key(owner, appealId))
    } else {
      localStorage.setItem(key(owner, appealId), JSON.stringify(draft))
    }
    return true
  } catch {
    // Quota exceeded or storage disabled: the editor keeps the text in memory and says it is unsaved.
    return false
  }
}

export function clearDraft(owner: string, appealId: string): void {
  try {
    localStorage.removeItem(key(owner, appealId))
  } catch {
    // Nothing to do.
  }
}
