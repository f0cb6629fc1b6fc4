import type { CodegenConfig } from '@graphql-codegen/cli'
import { schemaFeatures, schemaDir } from './scripts/schema-features.mjs'

// Operations under `api-pending/<feature>/` target fields the backend has announced but not shipped
// (Appeal.sla, stats, answer quality). They join codegen automatically once the schema declares them;
// until then codegen would reject them, so they stay out.
const detected = schemaFeatures({ overridable: false })
const pending = (Object.keys(detected) as (keyof typeof detected)[])
  .filter((feature) => detected[feature])
  .map((feature) => `src/**/api-pending/${feature}/*.graphql`)

const config: CodegenConfig = {
  schema: `${schemaDir}/*.graphqls`,
  documents: ['src/**/api/*.graphql', ...pending],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // String unions instead of runtime enums: nothing from src/gql/ but the documents we use is bundled.
        enumsAsTypes: true,
        useTypeImports: true,
        onlyOperationTypes: true,
        scalars: { DateTime: 'string', Date: 'string' },
      },
    },
  },
}

export default config
