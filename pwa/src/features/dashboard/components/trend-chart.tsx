import { formatDay } from '@/lib/i18n'
import { HEIGHT, PAD, trendPath, WIDTH } from './trend-path'

/** One local day of AgencyStats.trend. */
export interface TrendPoint {
  date: string
  received: number
  answered: number
}

const SHORT: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }

/**
 * Received vs answered per day: two lines in hand-rolled SVG with a value axis (0 and the maximum), the
 * first and last dates in Russian, a legend, and a text table for screen readers. Axis labels are HTML
 * beside the SVG, as the SVG stretches to the card's width and would distort text.
 */
export function TrendChart({
  points,
  title,
  labels,
}: {
  points: TrendPoint[]
  title: string
  labels: { date: string; received: string; answered: string }
}) {
  const max = Math.max(1, ...points.flatMap((point) => [point.received, point.answered]))
  const first = points[0]
  const last = points.at(-1)
  return (
    <figure className="trend">
      <figcaption>
        <span className="trend__title">{title}</span>
        <span className="legend legend--received">{labels.received}</span>
        <span className="legend legend--answered">{labels.answered}</span>
      </figcaption>
      <div className="trend__plot">
        <div className="trend__y" aria-hidden="true" data-testid="trend-y">
          <span>{max}</span>
          <span>0</span>
        </div>
        <svg
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={title}
          preserveAspectRatio="none"
        >
          <line x1={0} x2={WIDTH} y1={PAD} y2={PAD} className="trend__grid" />
          <line x1={0} x2={WIDTH} y1={HEIGHT - PAD} y2={HEIGHT - PAD} className="trend__axis" />
          <path
            d={trendPath(
              points.map((point) => point.received),
              max,
            )}
            className="trend__received"
            fill="none"
          />
          <path
            d={trendPath(
              points.map((point) => point.answered),
              max,
            )}
            className="trend__answered"
            fill="none"
          />
        </svg>
      </div>
      {first && last && (
        <div className="trend__x" aria-hidden="true" data-testid="trend-x">
          <span>{formatDay(first.date, SHORT)}</span>
          <span>{formatDay(last.date, SHORT)}</span>
        </div>
      )}
      {/* Hidden in a div: a table ignores the 1 px width and widened a phone's page by its dates. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.date}</th>
              <th scope="col">{labels.received}</th>
              <th scope="col">{labels.answered}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.date}>
                <th scope="row">{formatDay(point.date, { day: 'numeric', month: 'long' })}</th>
                <td>{point.received}</td>
                <td>{point.answered}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
