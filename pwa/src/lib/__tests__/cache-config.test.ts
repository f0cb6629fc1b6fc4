import {
  getNamedType,
  isAbstractType,
  isObjectType,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLObjectType,
} from 'graphql'
import { describe, expect, it } from 'vitest'
import { backendSchema, pwaOperations } from '@/test/schema'
import { keys } from '../graphql/cache-config'

/** The concrete types our operations can receive, interfaces resolved to what implements them. */
function typesWeRead(): GraphQLObjectType[] {
  const schema = backendSchema()
  const typeInfo = new TypeInfo(schema)
  const found = new Map<string, GraphQLObjectType>()
  visit(
    pwaOperations(),
    visitWithTypeInfo(typeInfo, {
      SelectionSet() {
        const type = getNamedType(typeInfo.getType() ?? typeInfo.getParentType())
        if (!type) return
        const concrete = isObjectType(type)
          ? [type]
          : isAbstractType(type)
            ? schema.getPossibleTypes(type)
            : []
        for (const object of concrete) found.set(object.name, object)
      },
    }),
  )
  return [...found.values()]
}

describe('graphcache keys', () => {
  it('say how to store every type we read that has no id (else graphcache cannot key it)', () => {
    const roots = new Set(['Query', 'Mutation', 'Subscription'])
    const unkeyed = typesWeRead()
      .filter((type) => !roots.has(type.name) && !('id' in type.getFields()))
      .map((type) => type.name)
      .filter((name) => !(name in keys))
    expect(unkeyed).toEqual([])
  })
})
