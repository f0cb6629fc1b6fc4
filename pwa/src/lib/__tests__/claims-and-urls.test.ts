import { describe, expect, it } from 'vitest'
import { identityFrom } from '../oidc/claims'
import { safeHttpUrl } from '../safe-url'
import { uuid } from '../uuid'

const encode = (value: object) =>
  btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
function jwt(payload: object): string {
  return `${encode({ alg: 'RS256' })}.${encode(payload)}.signature`
}

describe('identityFrom', () => {
  it('reads realm roles and the agency claim from the access token', () => {
    const identity = identityFrom(
      jwt({
        sub: 'u-1',
        name: 'Исполнитель Здрав',
        realm_access: { roles: ['executor', 'offline_access'] },
        agency: 'MINZDRAV',
      }),
    )
    expect(identity).toEqual({
      subject: 'u-1',
      name: 'Исполнитель Здрав',
      roles: ['EXECUTOR'],
      agencyCode: 'MINZDRAV',
    })
  })

  it('falls back to profile claims when the token is opaque', () => {
    expect(identityFrom('opaque', { sub: 'u-2', preferred_username: 'curator' })).toMatchObject({
      subject: 'u-2',
      name: 'curator',
      roles: [],
      agencyCode: null,
    })
  })
})

describe('safeHttpUrl', () => {
  it('lets only http(s) links through', () => {
    expect(safeHttpUrl('https://vk.com/wall-1_2')).toBe('https://vk.com/wall-1_2')
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull()
    expect(safeHttpUrl('data:text/html,<script>')).toBeNull()
    expect(safeHttpUrl('not a url')).toBeNull()
    expect(safeHttpUrl(null)).toBeNull()
  })
})

describe('uuid', () => {
  it('is a v4 UUID', () => {
    expect(uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})
