export type Role = 'CURATOR' | 'HEAD' | 'EXECUTOR' | 'INTEGRATOR'

const ROLES: readonly Role[] = ['CURATOR', 'HEAD', 'EXECUTOR', 'INTEGRATOR']

/** What the PWA needs from the access token; readable offline, before `me` answers. */
export interface Identity {
  subject: string
  name: string
  roles: Role[]
  /** The `agency` claim: the agency's code, e.g. `MINZDRAV`. */
  agencyCode: string | null
}

/** Decodes a JWT's payload without verifying it (the server verifies; this only drives the UI). */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1]
  if (!part) return null
  try {
    const base64 = part
      .replace(/-/g, '+')
      .replace(/_/g, '/')
      .padEnd(Math.ceil(part.length / 4) * 4, '=')
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
    const json: unknown = JSON.parse(new TextDecoder().decode(bytes))
    return json && typeof json === 'object' ? (json as Record<string, unknown>) : null
  } catch {
    return null
  }
}

/** Realm roles (`realm_access.roles`, lower case) mapped to the schema's Role enum. */
export function rolesFrom(claims: Record<string, unknown>): Role[] {
  const realmAccess = claims.realm_access as { roles?: unknown } | undefined
  const raw = Array.isArray(realmAccess?.roles) ? realmAccess.roles : []
  return ROLES.filter((role) => raw.some((name) => String(name).toUpperCase() === role))
}

export function identityFrom(accessToken: string, profile: Record<string, unknown> = {}): Identity {
  const claims = { ...profile, ...decodeJwtPayload(accessToken) }
  const name =
    (claims.name as string | undefined) ??
    (claims.preferred_username as string | undefined) ??
    String(claims.sub ?? '')
  const agency = claims.agency
  return {
    subject: String(claims.sub ?? profile.sub ?? ''),
    name,
    roles: rolesFrom(claims),
    agencyCode: typeof agency === 'string' && agency !== '' ? agency : null,
  }
}
