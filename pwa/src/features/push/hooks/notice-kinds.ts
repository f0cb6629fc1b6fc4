import type { PushNoticeKind } from '@/gql/graphql'

/** The kinds of notice each role may receive, as the server's PushNoticeKind.forCaller decides. */
const BY_ROLE: Record<string, PushNoticeKind[]> = {
  EXECUTOR: ['APPEAL_ASSIGNED', 'SLA_AT_RISK', 'SLA_BREACHED', 'ANSWER_RETURNED'],
  HEAD: ['SLA_BREACHED'],
  CURATOR: ['ANSWER_AWAITING_REVIEW', 'CHANNEL_BROKEN'],
}

const ORDER: PushNoticeKind[] = [
  'APPEAL_ASSIGNED',
  'SLA_AT_RISK',
  'SLA_BREACHED',
  'ANSWER_RETURNED',
  'ANSWER_AWAITING_REVIEW',
  'CHANNEL_BROKEN',
]

export function noticeKindsFor(roles: readonly string[]): PushNoticeKind[] {
  const kinds = new Set(roles.flatMap((role) => BY_ROLE[role] ?? []))
  return ORDER.filter((kind) => kinds.has(kind))
}

/** Staff receive push; integrators (service accounts) do not. */
export function canReceivePush(roles: readonly string[]): boolean {
  return noticeKindsFor(roles).length > 0
}
