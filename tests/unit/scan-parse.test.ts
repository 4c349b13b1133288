import { describe, expect, it } from 'vitest'
import { parseScanned } from '@/lib/scan/parse'

const id = '550e8400-e29b-41d4-a716-446655440000'

describe('parseScanned', () => {
  it('reads the tool id from our label URL, on any host or scheme', () => {
    expect(parseScanned(`https://a-kensetsu.genba.jp/scan?id=${id}`)).toEqual({ id })
    expect(parseScanned(`http://demo.localhost:3000/scan?id=${id.toUpperCase()}`)).toEqual({ id })
  })

  it('takes a bare UUID, and refuses URLs without a valid id', () => {
    expect(parseScanned(`  ${id} `)).toEqual({ id })
    expect(parseScanned('https://example.com/?id=123')).toBeNull()
    expect(parseScanned('https://example.com/')).toBeNull()
    expect(parseScanned('')).toBeNull()
    expect(parseScanned('hello world')).toBeNull()
  })

  it('forgives how a code is typed with gloves on', () => {
    expect(parseScanned('A-0123')).toEqual({ code: 'A-0123' })
    expect(parseScanned('a123')).toEqual({ code: 'A-0123' })
    expect(parseScanned('Ａ－１２３')).toEqual({ code: 'A-0123' })
    expect(parseScanned('el 5')).toEqual({ code: 'EL-0005' })
    expect(parseScanned('B-12345')).toEqual({ code: 'B-12345' })
    expect(parseScanned('ABCD-1')).toBeNull()
    expect(parseScanned('A-1234567')).toBeNull()
  })
})
