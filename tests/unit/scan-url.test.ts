import { afterEach, describe, expect, it } from 'vitest'
import { parseScanned } from '@/lib/scan/parse'
import { scanUrl } from '@/lib/urls'

describe('scanUrl', () => {
  afterEach(() => {
    delete process.env.APP_DOMAIN
  })

  it("is the company's scan screen with the tool's UUID, and reads back as that tool", () => {
    const id = '550e8400-e29b-41d4-a716-446655440000'
    process.env.APP_DOMAIN = 'genba.jp'
    expect(scanUrl('a-kensetsu', id)).toBe(`https://a-kensetsu.genba.jp/scan?id=${id}`)
    process.env.APP_DOMAIN = 'localhost:3000'
    expect(scanUrl('demo', id)).toBe(`http://demo.localhost:3000/scan?id=${id}`)
    expect(parseScanned(scanUrl('demo', id))).toEqual({ id })
  })
})
