import { describe, expect, it } from 'vitest'
import { canReceivePush, noticeKindsFor } from '../hooks/notice-kinds'
import { base64UrlToBytes, deviceLabel, isIos } from '../hooks/push-support'

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'
const IPAD_AS_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15'
const ANDROID_CHROME =
  'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'

describe('push support', () => {
  it('tells iPhones and iPads (which report a Mac with touch) from Macs and Android', () => {
    expect(isIos(IPHONE, 5)).toBe(true)
    expect(isIos(IPAD_AS_MAC, 5)).toBe(true)
    expect(isIos(IPAD_AS_MAC, 0)).toBe(false)
    expect(isIos(ANDROID_CHROME, 5)).toBe(false)
  })

  it('decodes the base64url VAPID key without padding', () => {
    expect(Array.from(base64UrlToBytes('BP8'))).toEqual([4, 255])
    expect(Array.from(base64UrlToBytes('-_8'))).toEqual([251, 255])
  })

  it('names a device by browser and system', () => {
    expect(deviceLabel(ANDROID_CHROME)).toBe('Chrome, Android')
    expect(deviceLabel(IPHONE)).toBe('Safari, iOS')
  })

  it('offers each role only its own kinds of notice, and integrators none', () => {
    expect(noticeKindsFor(['EXECUTOR'])).toEqual([
      'APPEAL_ASSIGNED',
      'SLA_AT_RISK',
      'SLA_BREACHED',
      'ANSWER_RETURNED',
    ])
    expect(noticeKindsFor(['HEAD'])).toEqual(['SLA_BREACHED'])
    expect(noticeKindsFor(['CURATOR'])).toEqual(['ANSWER_AWAITING_REVIEW', 'CHANNEL_BROKEN'])
    expect(canReceivePush(['INTEGRATOR'])).toBe(false)
  })
})
