#!/usr/bin/env node
// Lists the licences of every third-party dependency and fails on GPL or AGPL (part of scripts/test-all).
//
//   node scripts/check-licences.mjs
//
// Maven: the backend's dependencies, every scope, as listed by license-maven-plugin's add-third-party
// (run by scripts/check-licences, written to backend/target/licences/maven.txt). npm: every package
// installed in pwa/node_modules (its package.json `license`), written to pwa/target/licences/npm.txt.
//
// Policy (docs/deploy.md, "Licences"): Otklik is Apache-2.0. A dependency is refused when every licence
// it offers is GPL or AGPL of any version, with or without the classpath exception (that exception is
// accepted for the JDK only, which is not a dependency). A choice counts: "EPL 2.0 or GPL2 w/ CPE" is
// used under EPL 2.0. LGPL is allowed (used unmodified as separate jars or packages, replaceable).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** True when one licence name is GPL/AGPL (LGPL is not). */
function copyleft(name) {
  const n = name.toLowerCase()
  if (/lgpl|lesser general public|library general public/.test(n)) return false
  return /\bagpl|\bgpl|general public licen[cs]e|affero/.test(n)
}

/** A choice of alternatives, each a list of licences that all apply (SPDX OR of ANDs). */
function allowed(alternatives) {
  return alternatives.some((all) => all.length > 0 && all.every((name) => !copyleft(name)))
}

function spdx(expression) {
  return expression
    .replace(/[()]/g, ' ')
    .split(/\s+OR\s+/i)
    .map((alt) => alt.split(/\s+AND\s+/i).map((s) => s.trim()).filter(Boolean))
}

const problems = []
const unknown = []

// ---- Maven ----
const mavenList = join(root, 'backend/target/licences/THIRD-PARTY.txt')
if (!existsSync(mavenList)) {
  console.error(`${mavenList} is missing: run scripts/check-licences (it runs the Maven plugin first).`)
  process.exit(2)
}
const maven = []
for (const line of readFileSync(mavenList, 'utf8').split('\n')) {
  const match = line.match(/^\s*((?:\([^)]*\)\s*)+)(.*)$/)
  if (!match) continue
  const names = [...match[1].matchAll(/\(([^)]*)\)/g)].map((m) => m[1])
  const what = match[2].trim()
  maven.push(`${names.join(' | ').padEnd(60)} ${what}`)
  // Several licences in a POM are a choice (Maven's convention, e.g. Logback's EPL-2.0 or LGPL-2.1).
  if (names.some((n) => /unknown license/i.test(n))) unknown.push(`maven: ${what}`)
  else if (!allowed(names.map((n) => [n]))) problems.push(`maven: ${what}: ${names.join(' or ')}`)
}

// ---- npm ----
const npm = []
function packages(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    if (name.startsWith('.')) return []
    if (name.startsWith('@')) return packages(join(dir, name))
    const pkg = join(dir, name)
    return [pkg, ...packages(join(pkg, 'node_modules'))]
  })
}
const nodeModules = join(root, 'pwa/node_modules')
if (!existsSync(nodeModules)) {
  console.error('pwa/node_modules is missing: run the build (./mvnw -DskipTests package) first.')
  process.exit(2)
}
const seen = new Set()
for (const pkg of packages(nodeModules)) {
  const file = join(pkg, 'package.json')
  if (!existsSync(file)) continue
  const json = JSON.parse(readFileSync(file, 'utf8'))
  if (!json.name || !json.version) continue
  const id = `${json.name}@${json.version}`
  if (seen.has(id)) continue
  seen.add(id)
  let licence = json.license
  if (licence && typeof licence === 'object') licence = licence.type
  if (!licence && Array.isArray(json.licenses)) {
    licence = json.licenses.map((l) => (typeof l === 'string' ? l : l.type)).join(' OR ')
  }
  npm.push(`${String(licence ?? 'UNKNOWN').padEnd(40)} ${id}`)
  if (!licence || /^(UNLICENSED|SEE LICENSE)/i.test(licence)) unknown.push(`npm: ${id}: ${licence ?? 'no licence field'}`)
  else if (!allowed(spdx(licence))) problems.push(`npm: ${id}: ${licence}`)
}

function write(path, lines) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, lines.sort().join('\n') + '\n')
}
write(join(root, 'backend/target/licences/maven.txt'), maven)
write(join(root, 'pwa/target/licences/npm.txt'), npm)
console.log(`Licences: ${maven.length} Maven dependencies (backend/target/licences/maven.txt), ` +
  `${npm.length} npm packages (pwa/target/licences/npm.txt).`)
for (const u of unknown) console.log(`  no licence declared (check by hand): ${u}`)
if (problems.length) {
  console.error('GPL/AGPL dependencies (not allowed in Apache-2.0 Otklik, see docs/deploy.md):')
  for (const p of problems) console.error(`  ${p}`)
  process.exit(1)
}
