import { useId, useState, type ReactNode } from 'react'
import { useQuery } from 'urql'
import { Dialog } from '@/components/dialog'
import {
  ChannelAgenciesDocument,
  type ChannelAccountFieldsFragment,
  type ChannelKind,
  type ChannelMode,
} from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'
import { splitFieldErrors } from '@/lib/user-errors'
import {
  CHANNEL_KINDS,
  FORM_FIELDS,
  emptyForm,
  fieldsFor,
  formFromAccount,
  toConnectInput,
  toUpdateInput,
  validateChannelForm,
  type ChannelFormValues,
  type FormField,
} from '../hooks/channel-form'
import type { AccountResult, useChannelCommands } from '../hooks/use-channel-accounts'

interface Props {
  /** The account to edit; none to connect a new one. */
  account: ChannelAccountFieldsFragment | null
  commands: ReturnType<typeof useChannelCommands>
  onClose: () => void
  onDone: (account: ChannelAccountFieldsFragment) => void
}

/** «Подключить» and «Изменить»: tokens are password fields, sent once and never shown back. */
export function ChannelAccountForm({ account, commands, onClose, onDone }: Props) {
  const t = useT()
  const id = useId()
  const editing = account !== null
  const [values, setValues] = useState<ChannelFormValues>(() =>
    account ? formFromAccount(account) : emptyForm(),
  )
  const [clientErrors, setClientErrors] = useState<ReturnType<typeof validateChannelForm>>({})
  const [serverErrors, setServerErrors] = useState<Partial<Record<FormField, string>>>({})
  const [general, setGeneral] = useState<string | null>(null)
  const [{ data: agencies }] = useQuery({ query: ChannelAgenciesDocument })
  const shown = fieldsFor(values.kind, values.mode)

  const set = <K extends keyof ChannelFormValues>(key: K, value: ChannelFormValues[K]) =>
    setValues((current) => ({ ...current, [key]: value }))
  const errorOf = (field: FormField): string | undefined => {
    const client = clientErrors[field]
    return serverErrors[field] ?? (client ? t(client) : undefined)
  }

  const submit = async () => {
    const invalid = validateChannelForm(values, editing)
    setClientErrors(invalid)
    setServerErrors({})
    setGeneral(null)
    if (Object.keys(invalid).length > 0) return
    const result: AccountResult = account
      ? await commands.update(toUpdateInput(account.id, values))
      : await commands.connect(toConnectInput(values))
    if (result.account && result.errors.length === 0) return onDone(result.account)
    const { byField, general: rest } = splitFieldErrors(result.errors, FORM_FIELDS)
    setServerErrors(byField)
    setGeneral(rest.join(' ') || null)
  }

  const field = (name: FormField, label: string, control: ReactNode, hint?: string) => {
    const error = errorOf(name)
    return (
      <div className="field">
        <label htmlFor={`${id}-${name}`}>{label}</label>
        {control}
        {hint && (
          <p id={`${id}-${name}-hint`} className="muted small">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${id}-${name}-error`} className="field-error">
            {error}
          </p>
        )}
      </div>
    )
  }
  const aria = (name: FormField, hint = false) => ({
    id: `${id}-${name}`,
    'aria-invalid': errorOf(name) ? true : undefined,
    'aria-describedby':
      [hint && `${id}-${name}-hint`, errorOf(name) && `${id}-${name}-error`]
        .filter(Boolean)
        .join(' ') || undefined,
  })

  // Text and write-only (password) fields: never autofilled, never spell-checked.
  type TextField = 'name' | 'token' | 'secret' | 'confirmationCode' | 'externalAccountId'
  const textField = (
    name: TextField,
    label: string,
    type: 'text' | 'password' = 'text',
    hint?: string,
  ) =>
    field(
      name,
      label,
      <input
        {...aria(name, Boolean(hint))}
        type={type}
        value={values[name]}
        autoComplete={type === 'password' ? 'new-password' : 'off'}
        spellCheck={false}
        onChange={(event) => set(name, event.target.value)}
      />,
      hint,
    )

  return (
    <Dialog
      open
      title={editing ? t('channels.editTitle', { name: account.name }) : t('channels.connectTitle')}
      submitLabel={editing ? t('channels.save') : t('channels.connect')}
      busy={commands.busy}
      error={general}
      onClose={onClose}
      onSubmit={() => void submit()}
    >
      {field(
        'kind',
        t('channels.kind'),
        <select
          {...aria('kind')}
          value={values.kind}
          disabled={editing}
          onChange={(event) => {
            const kind = event.target.value as ChannelKind
            setValues((current) => ({
              ...current,
              kind,
              mode: kind === 'OK' ? 'WEBHOOK' : current.mode,
            }))
          }}
        >
          {CHANNEL_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(enumKey('channel', kind))}
            </option>
          ))}
        </select>,
      )}
      {textField('name', t('channels.name'), 'text', t('channels.nameHint'))}
      {field(
        'agencyId',
        t('channels.agency'),
        <select
          {...aria('agencyId')}
          value={values.agencyId}
          onChange={(event) => set('agencyId', event.target.value)}
        >
          <option value="">{t('channels.ownAccount')}</option>
          {agencies?.agencies
            .filter((agency) => agency.active || agency.id === values.agencyId)
            .map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
        </select>,
      )}
      <fieldset className="segmented">
        <legend>{t('channels.mode')}</legend>
        {shown.modes.map((mode: ChannelMode) => (
          <label key={mode} className="segmented__option">
            <input
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={values.mode === mode}
              onChange={() => set('mode', mode)}
            />
            {t(enumKey('channels.modeOption', mode))}
          </label>
        ))}
        {errorOf('mode') && <p className="field-error">{errorOf('mode')}</p>}
      </fieldset>
      {textField(
        'token',
        t('channels.token'),
        'password',
        editing ? t('channels.tokenKeep') : t(enumKey('channels.tokenHint', values.kind)),
      )}
      {textField('externalAccountId', t(enumKey('channels.externalId', values.kind)))}
      {textField(
        'secret',
        t('channels.secret'),
        'password',
        values.kind === 'VK' ? t('channels.secretHintVk') : t('channels.secretHint'),
      )}
      {shown.confirmationCode &&
        textField(
          'confirmationCode',
          t('channels.confirmationCode'),
          'text',
          t('channels.confirmationHint'),
        )}
    </Dialog>
  )
}
