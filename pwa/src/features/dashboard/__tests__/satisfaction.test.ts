import { describe, expect, it } from 'vitest'
import { translate } from '@/lib/i18n'
import { satisfactionText } from '../hooks/satisfaction'

const t = (key: Parameters<typeof translate>[0], params?: Parameters<typeof translate>[1]) =>
  translate(key, params, 'ru')

describe('satisfactionText', () => {
  it('says so when nobody rated', () => {
    expect(
      satisfactionText(t, { ratings: 0, satisfied: 0, satisfiedShare: null, averageScore: null }),
    ).toBe('За период жители не оценивали ответы.')
  })

  it('gives the share of 4–5 and the average in Russian', () => {
    expect(
      satisfactionText(t, { ratings: 5, satisfied: 4, satisfiedShare: 0.8, averageScore: 4.2 }),
    ).toBe('4 из 5 оценок — 4 или 5 (80 %), средняя 4,2')
    expect(
      satisfactionText(t, { ratings: 1, satisfied: 0, satisfiedShare: 0, averageScore: 2 }),
    ).toBe('0 из 1 оценки — 4 или 5 (0 %), средняя 2,0')
  })
})
