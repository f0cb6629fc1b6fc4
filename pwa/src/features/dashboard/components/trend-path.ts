/** Geometry of the trend chart's lines, in viewBox units. */
export const WIDTH = 320
export const HEIGHT = 120
export const PAD = 8

export function trendPath(values: number[], max: number): string {
  if (values.length === 0) return ''
  const step = values.length > 1 ? (WIDTH - PAD * 2) / (values.length - 1) : 0
  return values
    .map((value, index) => {
      const x = PAD + index * step
      const y = HEIGHT - PAD - (max > 0 ? (value / max) * (HEIGHT - PAD * 2) : 0)
      return `${index === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`
    })
    .join(' ')
}
