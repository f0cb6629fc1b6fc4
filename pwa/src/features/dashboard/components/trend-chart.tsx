/** One local day of AgencyStats.trend. */
export interface TrendPoint {
  date: string
  received: number
  answered: number
}
import { HEIGHT, trendPath, WIDTH } from './trend-path'

/** Received vs answered per day: two lines in hand-rolled SVG, with a text table for screen readers. */
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
  return (
    <figure className="trend">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={title}
        preserveAspectRatio="none"
      >
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
      <figcaption>
        <span className="trend__title">{title}</span>
        <span className="legend legend--received">{labels.received}</span>
        <span className="legend legend--answered">{labels.answered}</span>
      </figcaption>
      <table className="visually-hidden">
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
              <th scope="row">{point.date}</th>
              <td>{point.received}</td>
              <td>{point.answered}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  )
}
