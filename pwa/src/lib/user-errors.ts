/** A payload's user error as every mutation returns it. */
export interface FieldError {
  code: string
  /** The path to the input field at fault, e.g. `["input", "token"]`; empty for the whole request. */
  field: readonly string[]
  message: string
}

/**
 * Splits payload errors into those shown next to a form's own fields (by the last segment of the
 * error's `field` path, so `["input", "token"]` lands on `token`) and the rest, shown for the whole form.
 */
export function splitFieldErrors<F extends string>(
  errors: readonly FieldError[],
  fields: readonly F[],
): { byField: Partial<Record<F, string>>; general: string[] } {
  const byField: Partial<Record<F, string>> = {}
  const general: string[] = []
  for (const error of errors) {
    const name = error.field.at(-1) as F | undefined
    if (name && fields.includes(name) && !byField[name]) byField[name] = error.message
    else general.push(error.message)
  }
  return { byField, general }
}
