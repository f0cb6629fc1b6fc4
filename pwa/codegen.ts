import type { CodegenConfig } from '@graphql-codegen/cli'

// The backend's schema files are the contract: every operation is validated against them.
const config: CodegenConfig = {
  schema: '../backend/src/main/resources/graphql/*.graphqls',
  documents: ['src/**/api/*.graphql'],
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
    // Every schema enum also as a runtime list, for code that must know all values (an i18n message
    // for each `UserErrorCode` and `ErrorDetail`, checked by a test). Bundled only where imported.
    'src/gql/enums.ts': {
      plugins: ['typescript'],
      config: { onlyEnums: true, enumsAsConst: true },
    },
  },
}

export default config
