#!/usr/bin/env node
// Runs `npm ci` or `npm run build` only when their inputs changed, so a second `./mvnw package` does
// not reinstall node_modules and rebuild the PWA (minutes on a busy machine) for a backend-only change.
//
//   node scripts/build-if-changed.mjs ci      npm ci, unless node_modules was installed from this very
//                                             package-lock.json with this Node version on this platform
//   node scripts/build-if-changed.mjs check   npm run check, unless it passed on the same inputs
//   node scripts/build-if-changed.mjs build   npm run build, unless dist/ was built from the same inputs
//
// Each step keeps a stamp: the SHA-256 of its inputs, written only after the step succeeded. A clean
// clone (no node_modules, no dist) therefore always does both; so does deleting either folder.
// OTKLIK_FORCE_NPM=true runs both steps regardless.
import { createHash } from 'node:crypto'
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const pwa = join(dirname(fileURLToPath(import.meta.url)), '..')
const step = process.argv[2]
const force = process.env.OTKLIK_FORCE_NPM === 'true'
const npm = process.env.NPM ?? 'npm'

// What the production build reads. src/gql/ is left out: codegen regenerates it from the schema files
// and the operations, which are inputs themselves (and `npm test` rewrites it, changing nothing).
const buildInputs = [
  'src',
  'public',
  'index.html',
  'package.json',
  'package-lock.json',
  'vite.config.ts',
  'codegen.ts',
  'tsconfig.json',
  'tsconfig.app.json',
  'tsconfig.node.json',
  '../backend/src/main/resources/graphql',
]
const excluded = new Set([join(pwa, 'src', 'gql')])

function files(path) {
  if (!existsSync(path) || excluded.has(path)) return []
  if (!statSync(path).isDirectory()) return [path]
  return readdirSync(path)
    .toSorted()
    .flatMap((name) => files(join(path, name)))
}

function hash(paths, extra) {
  const digest = createHash('sha256').update(extra)
  for (const file of paths.flatMap((p) => files(join(pwa, p)))) {
    digest.update(relative(pwa, file)).update('\0').update(readFileSync(file)).update('\0')
  }
  return digest.digest('hex')
}

function run(args) {
  const result = spawnSync(npm, args, {
    cwd: pwa,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

function once(name, stampFile, key, args) {
  const stamp = join(pwa, stampFile)
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === key) {
    console.log(`[pwa] ${name}: inputs unchanged since the last run, skipped (${stampFile})`)
    return
  }
  run(args)
  writeFileSync(stamp, key + '\n')
}

// Native packages (sharp) depend on the Node version and platform, so they are part of the key.
const platform = `${process.version} ${process.platform} ${process.arch}\n`
if (step === 'ci') {
  once('npm ci', 'node_modules/.otklik-npm-ci', hash(['package-lock.json'], platform), [
    'ci',
    '--no-audit',
    '--no-fund',
  ])
} else if (step === 'check') {
  // The quality gates read everything the build reads, plus the lint and format rules and the tests.
  const checkInputs = [
    ...buildInputs,
    '.oxlintrc.json',
    '.prettierrc.json',
    '.prettierignore',
    'e2e',
    'scripts',
  ]
  once('npm run check', 'node_modules/.otklik-check', hash(checkInputs, platform), ['run', 'check'])
} else if (step === 'build') {
  once('npm run build', 'dist/.otklik-build', hash(buildInputs, platform), ['run', 'build'])
} else {
  console.error('usage: node scripts/build-if-changed.mjs ci|check|build')
  process.exit(2)
}
