import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { TrendChart } from '../components/trend-chart'
import { trendPath } from '../components/trend-path'

describe('TrendChart', () => {
  it('draws lines scaled to the largest value', () => {
    expect(trendPath([0, 10], 10)).toBe('M8.0,112.0 L312.0,8.0')
    expect(trendPath([], 1)).toBe('')
  })

  it('gives screen readers the figures as a table', () => {
    render(
      <TrendChart
        title="Динамика"
        labels={{ date: 'Дата', received: 'Поступило', answered: 'Отвечено' }}
        points={[
          { date: '2026-03-09', received: 4, answered: 3 },
          { date: '2026-03-10', received: 6, answered: 5 },
        ]}
      />,
    )
    expect(screen.getByRole('img', { name: 'Динамика' })).toBeTruthy()
    expect(screen.getByRole('table').textContent).toContain('10 марта')
    expect(screen.getByRole('table').textContent).not.toContain('2026-03-10')
  })

  it('has a value axis, Russian dates on the time axis and a legend', () => {
    render(
      <TrendChart
        title="Динамика"
        labels={{ date: 'Дата', received: 'Поступило', answered: 'Отвечено' }}
        points={[
          { date: '2026-03-09', received: 4, answered: 3 },
          { date: '2026-03-10', received: 6, answered: 5 },
        ]}
      />,
    )
    expect(screen.getByTestId('trend-y').textContent).toBe('60')
    expect(screen.getByTestId('trend-x').textContent).toBe('9 мар.10 мар.')
    expect(document.querySelector('.legend--received')?.textContent).toBe('Поступило')
    expect(document.querySelector('.legend--answered')?.textContent).toBe('Отвечено')
  })
})
