/// <reference types="node" />
// For tests: the backend's schema and our operations, read from their files (no codegen involved).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildSchema, parse, type DocumentNode, type GraphQLSchema } from 'graphql'

// Vitest runs in pwa/, beside the backend (as codegen does).
const SCHEMA_DIR = join(process.cwd(), '../backend/src/main/resources/graphql')

function filesIn(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(suffix))
    .map((file) => join(dir, file))
}

/** The backend's schema, all .graphqls files together (their `extend type`s included). */
export function backendSchema(): GraphQLSchema {
  return buildSchema(
    filesIn(SCHEMA_DIR, '.graphqls')
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n'),
  )
}

/** Every operation and fragment of the PWA (`src/**\/api/*.graphql`), as one document. */
export function pwaOperations(): DocumentNode {
  return parse(
    filesIn(join(process.cwd(), 'src'), '.graphql')
      .filter((file) => file.includes('/api/'))
      .map((file) => readFileSync(file, 'utf8'))
      .join('\n'),
  )
}
