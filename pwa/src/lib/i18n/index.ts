import { useSyncExternalStore } from 'react'
import { en } from './en'
import { ru, type MessageKey, type Messages } from './ru'

export type { MessageKey } from './ru'
export type Locale = 'ru' | 'en'
export type Params = Record<string, string | number>

const dictionaries: Record<Locale, Messages> = { ru, en }
const STORAGE_KEY = 'otklik.locale'
const listeners = new Set<() => void>()

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ru'
  } catch {
    return 'ru'
  }
}

let current: Locale = initialLocale()

export function getLocale(): Locale {
  return current
}

export function setLocale(locale: Locale): void {
  current = locale
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Private mode: the choice lasts for this session only.
  }
  document.documentElement.lang = locale
  listeners.forEach((listener) => listener())
}

/** Picks `one|few|many` by the locale's plural rules; `count` (or `n`) selects the form. */
function pluralise(template: string, locale: Locale, params?: Params): string {
  if (!template.includes('|')) return template
  const forms = template.split('|')
  const count = Number(params?.count ?? params?.n ?? 0)
  const rule = new Intl.PluralRules(locale).select(count)
  const index = rule === 'one' ? 0 : rule === 'few' ? 1 : 2
  return forms[Math.min(index, forms.length - 1)] ?? template
}

export function translate(key: MessageKey, params?: Params, locale: Locale = current): string {
  const template = pluralise(dictionaries[locale][key] ?? ru[key], locale, params)
  if (!params) return template
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    name in params ? String(params[name]) : match,
  )
}

export type Translate = (key: MessageKey, params?: Params) => string

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The translate function for the current locale; components re-render when it changes. */
export function useT(): Translate {
  const locale = useSyncExternalStore(subscribe, getLocale, getLocale)
  return (key, params) => translate(key, params, locale)
}

export function useLocale(): Locale {
  return useSyncExternalStore(subscribe, getLocale, getLocale)
}

/** Enum values (statuses, channels…) to labels, typed so a missing translation fails to compile. */
export function enumKey<P extends string, V extends string>(
  prefix: P,
  value: V,
): `${P}.${V}` & MessageKey {
  return `${prefix}.${value}` as `${P}.${V}` & MessageKey
}

/** Formats in Magadan time: every deadline is in the region's local time whatever the device says. */
export const REGION_TIME_ZONE = 'Asia/Magadan'

export function formatDateTime(iso: string, locale: Locale = current): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    timeZone: REGION_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
}

/**
 * A local date of the region (`2026-12-06`, as the API gives `Date`s) in words: «6 декабря 2026» by default,
 * «6 дек.» with `{ day: 'numeric', month: 'short' }`. The date is already local: no zone shift applies.
 */
export function formatDay(
  day: string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long', year: 'numeric' },
  locale: Locale = current,
): string {
  return new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    ...options,
    timeZone: 'UTC',
  }).format(new Date(`${day}T00:00:00Z`))
}
