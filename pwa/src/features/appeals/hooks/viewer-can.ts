import type { AppealViewerCanFragment } from '@/gql/graphql'

/** What the caller may do with an appeal, as the server decided it (`Appeal.viewerCan`). */
export type ViewerCan = AppealViewerCanFragment['viewerCan']
export type AppealAction = Exclude<keyof ViewerCan, '__typename'>

/**
 * The server's answer, adjusted for what this device has queued but not yet sent: a take waiting in
 * the outbox counts as done, so an executor can write the answer offline; a final answer waiting in the
 * outbox closes the editor, as the server will put the appeal on review and take no second one. Nothing
 * else is inferred; without a connection the card offers what the cached `viewerCan` says.
 */
export function effectiveViewerCan(
  can: ViewerCan,
  takeQueued: boolean,
  finalQueued = false,
): ViewerCan {
  const taken = takeQueued && can.take ? { ...can, take: false, answer: true } : can
  return finalQueued && taken.answer ? { ...taken, answer: false } : taken
}
