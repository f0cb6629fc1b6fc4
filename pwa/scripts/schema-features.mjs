// Which not-yet-released parts of the GraphQL contract the backend schema already has.
// Read by vite.config.ts (build-time feature flags) and codegen.ts (which pending documents to type),
// so a screen built against `sla.graphqls` or `quality.graphqls` switches itself on the day the schema lands.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export const schemaDir = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../backend/src/main/resources/graphql',
)

function schemaText() {
  if (!existsSync(schemaDir)) return ''
  return readdirSync(schemaDir)
    .filter((name) => name.endsWith('.graphqls'))
    .map((name) => readFileSync(join(schemaDir, name), 'utf8'))
    .join('\n')
}

/**
 * An explicit VITE_FEATURE_<NAME>=true|false wins over detection (useful to demo or to switch off).
 * @param {string} name
 * @param {boolean} detected
 * @param {boolean} overridable
 */
function flag(name, detected, overridable) {
  if (!overridable) return detected
  const value = process.env[`VITE_FEATURE_${name.toUpperCase()}`]
  if (value === 'true') return true
  if (value === 'false') return false
  return detected
}

/**
 * Features whose pending operations have been checked against the real schema. Detection alone is not
 * enough: the pending documents were written before the schema landed and may name fields differently.
 */
/** @type {Set<string>} */
const RECONCILED = new Set([])

/** @param {{ overridable?: boolean }} [options] codegen passes false: it can only type what the schema has. */
export function schemaFeatures({ overridable = true } = {}) {
  const text = schemaText()
  return {
    /** Appeal.sla, pauseAppeal/resumeAppeal (sla.graphqls). */
    sla: flag('sla', RECONCILED.has('sla') && /\btype\s+AppealSla\b/.test(text), overridable),
    /** agencyStats / agencyRanking (announced in sla.graphqls). */
    stats: flag('stats', RECONCILED.has('stats') && /\bagencyStats\s*\(/.test(text), overridable),
    /** checkAnswerQuality (quality.graphqls). */
    quality: flag('quality', RECONCILED.has('quality') && /\bcheckAnswerQuality\s*\(/.test(text), overridable),
  }
}
