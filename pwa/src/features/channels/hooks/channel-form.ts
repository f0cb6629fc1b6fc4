import type {
  ChannelAccountFieldsFragment,
  ChannelKind,
  ChannelMode,
  ConnectChannelAccountInput,
  UpdateChannelAccountInput,
} from '@/gql/graphql'
import type { MessageKey } from '@/lib/i18n'

export const CHANNEL_KINDS: readonly ChannelKind[] = ['VK', 'TELEGRAM', 'MAX', 'OK']
export const CHANNEL_MODES: readonly ChannelMode[] = ['WEBHOOK', 'LONG_POLL']

/** The form's fields; their names are the input's, so a payload error's `field` finds its field. */
export const FORM_FIELDS = [
  'kind',
  'name',
  'agencyId',
  'token',
  'secret',
  'confirmationCode',
  'externalAccountId',
  'mode',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

export interface ChannelFormValues {
  kind: ChannelKind
  name: string
  /** '' for the ЦУР's own account. */
  agencyId: string
  /** Write-only: empty when editing means «keep the stored one». */
  token: string
  secret: string
  confirmationCode: string
  externalAccountId: string
  mode: ChannelMode
}

export type FormErrors = Partial<Record<FormField, MessageKey>>

export function emptyForm(): ChannelFormValues {
  return {
    kind: 'VK',
    name: '',
    agencyId: '',
    token: '',
    secret: '',
    confirmationCode: '',
    externalAccountId: '',
    mode: 'WEBHOOK',
  }
}

/** An account's editable fields; tokens and secrets are never returned, so they start empty. */
export function formFromAccount(account: ChannelAccountFieldsFragment): ChannelFormValues {
  return {
    ...emptyForm(),
    kind: account.kind,
    name: account.name,
    agencyId: account.agency?.id ?? '',
    externalAccountId: account.externalAccountId ?? '',
    mode: account.mode,
  }
}

/** Which fields a channel asks for: VK's confirmation string is for its Callback API only. */
export function fieldsFor(kind: ChannelKind, mode: ChannelMode) {
  return {
    confirmationCode: kind === 'VK' && mode === 'WEBHOOK',
    modes: kind === 'OK' ? (['WEBHOOK'] as const) : CHANNEL_MODES,
  }
}

/**
 * The server's rules, checked before sending so the curator sees every problem at once. When editing,
 * an empty token or confirmation string keeps the stored one.
 */
export function validateChannelForm(values: ChannelFormValues, editing: boolean): FormErrors {
  const errors: FormErrors = {}
  if (!values.name.trim()) errors.name = 'channels.error.name'
  if (!editing && !values.token.trim()) errors.token = 'channels.error.token'
  if (values.kind === 'VK' && !values.externalAccountId.trim())
    errors.externalAccountId = 'channels.error.vkGroup'
  if (
    values.kind === 'VK' &&
    values.mode === 'WEBHOOK' &&
    !editing &&
    !values.confirmationCode.trim()
  )
    errors.confirmationCode = 'channels.error.confirmation'
  if (values.kind === 'OK' && values.mode === 'LONG_POLL') errors.mode = 'channels.error.okMode'
  return errors
}

const orNull = (value: string) => value.trim() || null

export function toConnectInput(values: ChannelFormValues): ConnectChannelAccountInput {
  return {
    kind: values.kind,
    name: values.name.trim(),
    agencyId: orNull(values.agencyId),
    token: values.token.trim(),
    secret: orNull(values.secret),
    confirmationCode: fieldsFor(values.kind, values.mode).confirmationCode
      ? orNull(values.confirmationCode)
      : null,
    externalAccountId: orNull(values.externalAccountId),
    mode: values.mode,
  }
}

/** Only what changes: blank write-only fields are left out so the stored token and secret stay. */
export function toUpdateInput(
  accountId: string,
  values: ChannelFormValues,
): UpdateChannelAccountInput {
  return {
    accountId,
    name: values.name.trim(),
    // An empty string moves the account to the ЦУР (null would mean «unchanged»).
    agencyId: values.agencyId,
    token: orNull(values.token),
    secret: orNull(values.secret),
    confirmationCode: orNull(values.confirmationCode),
    externalAccountId: values.externalAccountId.trim(),
    mode: values.mode,
  }
}
