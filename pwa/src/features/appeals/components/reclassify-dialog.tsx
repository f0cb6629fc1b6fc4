import { useId, useState } from 'react'
import { Dialog } from '@/components/dialog'
import { Category, Municipality } from '@/gql/enums'
import type {
  Category as CategoryValue,
  Municipality as MunicipalityValue,
  ReclassifyAppealInput,
} from '@/gql/graphql'
import { enumKey, useT } from '@/lib/i18n'
import { reclassifyInput, type Current } from '../reclassify-input'

interface Props {
  open: boolean
  appeal: Current
  busy?: boolean
  error?: string | null
  onClose: () => void
  onSubmit: (input: ReclassifyAppealInput) => void
}

/**
 * «Изменить классификацию»: a curator corrects category, place and urgency of an appeal in work
 * without routing it again. The server checks the settlement against the municipality's gazetteer.
 * It starts from the appeal as rendered: mount it anew (a `key`) for each opening.
 */
export function ReclassifyDialog(props: Props) {
  const t = useT()
  const { appeal } = props
  const [category, setCategory] = useState<CategoryValue>(appeal.category)
  const [municipality, setMunicipality] = useState<MunicipalityValue | ''>(
    appeal.municipality ?? '',
  )
  const [settlement, setSettlement] = useState(appeal.settlement ?? '')
  const [urgent, setUrgent] = useState(appeal.urgent)
  const [unchanged, setUnchanged] = useState(false)
  const ids = { category: useId(), municipality: useId(), settlement: useId() }

  const submit = () => {
    const input = reclassifyInput(appeal, { category, municipality, settlement, urgent })
    setUnchanged(input === null)
    if (input) props.onSubmit(input)
  }

  return (
    <Dialog
      open={props.open}
      title={t('actions.reclassify')}
      submitLabel={t('reclassify.save')}
      busy={props.busy}
      error={unchanged ? t('reclassify.unchanged') : props.error}
      onClose={props.onClose}
      onSubmit={submit}
    >
      <label htmlFor={ids.category}>{t('appeal.category')}</label>
      <select
        id={ids.category}
        value={category}
        onChange={(event) => setCategory(event.target.value as CategoryValue)}
      >
        {Object.values(Category).map((value) => (
          <option key={value} value={value}>
            {t(enumKey('category', value))}
          </option>
        ))}
      </select>
      <label htmlFor={ids.municipality}>{t('appeal.municipality')}</label>
      <select
        id={ids.municipality}
        value={municipality}
        onChange={(event) => setMunicipality(event.target.value as MunicipalityValue | '')}
      >
        {/* An unknown municipality can stay unknown, but a known one cannot be unset. */}
        {!appeal.municipality && <option value="">{t('appeal.unknown')}</option>}
        {Object.values(Municipality).map((value) => (
          <option key={value} value={value}>
            {t(enumKey('municipality', value))}
          </option>
        ))}
      </select>
      <label htmlFor={ids.settlement}>{t('appeal.settlement')}</label>
      <input
        id={ids.settlement}
        type="text"
        value={settlement}
        maxLength={500}
        aria-describedby={`${ids.settlement}-hint`}
        onChange={(event) => setSettlement(event.target.value)}
      />
      <p id={`${ids.settlement}-hint`} className="muted small">
        {t('reclassify.settlementHint')}
      </p>
      <label>
        <input
          type="checkbox"
          checked={urgent}
          onChange={(event) => setUrgent(event.target.checked)}
        />{' '}
        {t('reclassify.urgent')}
      </label>
    </Dialog>
  )
}
