import { Link } from 'wouter'
import type { Figure } from '../hooks/dashboard-figures'

/** Headline figures as a grid of cards; a figure with a list behind it is a link to that list. */
export function FigureGrid({ figures, busy }: { figures: Figure[]; busy?: boolean }) {
  return (
    <dl className="figures" aria-busy={busy || undefined}>
      {figures.map((figure) => (
        <div key={figure.key} className="figure" data-figure={figure.key}>
          <dt>{figure.label}</dt>
          <dd>
            {figure.href ? (
              <Link href={figure.href} aria-label={`${figure.label}: ${figure.value}`}>
                {figure.value}
              </Link>
            ) : (
              figure.value
            )}
          </dd>
        </div>
      ))}
    </dl>
  )
}
