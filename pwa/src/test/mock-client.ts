import { Client, makeResult, type Exchange, type Operation } from '@urql/core'
import { filter, map, pipe } from 'wonka'

/** Answers each operation with `data` for its name (or root field); records what was sent. */
export function mockClient(answer: (operation: Operation) => Record<string, unknown> | null) {
  const sent: Operation[] = []
  const exchange: Exchange = () => (operations$) =>
    pipe(
      operations$,
      filter((operation) => operation.kind !== 'teardown'),
      map((operation) => {
        sent.push(operation)
        return makeResult(operation, { data: answer(operation) })
      }),
    )
  const client = new Client({ url: 'http://test.invalid/graphql', exchanges: [exchange] })
  return { client, sent }
}

/** The operation's name, e.g. `MarkAnswerPublished`. */
export function operationName(operation: Operation): string | undefined {
  const definition = operation.query.definitions.find((d) => d.kind === 'OperationDefinition')
  return definition && 'name' in definition ? definition.name?.value : undefined
}
