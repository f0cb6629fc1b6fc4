/**
 * A citizen's text, exactly as written. React puts it in a text node, so markup such as `<script>` or
 * `<img onerror>` is shown, never parsed; line breaks are kept by CSS. Never use dangerouslySetInnerHTML here.
 */
export function AppealText({
  text,
  clamp = false,
  id,
}: {
  text: string
  clamp?: boolean
  id?: string
}) {
  return (
    <p id={id} className={clamp ? 'appeal-text appeal-text--clamp' : 'appeal-text'}>
      {text}
    </p>
  )
}
