import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { columnForHeader, managementForLabel, statusForLabel } from '@/lib/csv/columns'
import { decodeCsv, encodeCsv } from '@/lib/csv/encoding'
import { parseCsv, toCsv, unguard } from '@/lib/csv/format'

const sample = '管理番号,道具名,メーカー,備考\r\nA-0001,電動ドライバーセット,パナソニック,"①番棚, ㈱山田より"\r\nB-0002,髙橋さんのﾄﾞﾗｲﾊﾞｰ,KTC,"2行\n目"\r\n'

describe('CSV encodings', () => {
  it('reads Shift_JIS (CP932) as Japanese Excel writes it, NEC/IBM extensions included', () => {
    const bytes = iconv.encode(sample, 'cp932')
    expect(bytes.includes(Buffer.from('電動', 'utf8'))).toBe(false)
    const decoded = decodeCsv(bytes)
    expect(decoded).toEqual({ text: sample, encoding: 'shift_jis' })
    expect(decodeCsv(bytes, 'shift_jis').text).toBe(sample)
  })

  it('reads UTF-8 with or without a BOM', () => {
    expect(decodeCsv(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' })
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample)]))).toEqual({ text: sample, encoding: 'utf-8' })
    expect(decodeCsv(Buffer.from(sample), 'utf-8').encoding).toBe('utf-8')
  })

  it('parses both into the same rows: quoted commas and line breaks stay in their cell', () => {
    const fromSjis = parseCsv(decodeCsv(iconv.encode(sample, 'cp932')).text)
    const fromUtf8 = parseCsv(decodeCsv(Buffer.from(sample)).text)
    expect(fromSjis).toEqual(fromUtf8)
    expect(fromSjis).toEqual([
      ['管理番号', '道具名', 'メーカー', '備考'],
      ['A-0001', '電動ドライバーセット', 'パナソニック', '①番棚, ㈱山田より'],
      ['B-0002', '髙橋さんのﾄﾞﾗｲﾊﾞｰ', 'KTC', '2行\n目'],
    ])
  })

  it('writes what Excel opens: UTF-8 with a BOM, or CP932; CRLF line ends', () => {
    const text = toCsv([
      ['管理番号', '道具名'],
      ['A-0001', 'ドライバー, 電動'],
    ])
    expect(text).toBe('管理番号,道具名\r\nA-0001,"ドライバー, 電動"\r\n')
    const utf8 = encodeCsv(text, 'utf-8')
    expect([...utf8.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(decodeCsv(utf8).text).toBe(text)
    const sjis = encodeCsv(text, 'shift_jis')
    expect(iconv.decode(sjis, 'cp932')).toBe(text)
    expect(decodeCsv(sjis).encoding).toBe('shift_jis')
  })

  it('quotes quotes, and keeps Excel from running a cell as a formula', () => {
    expect(toCsv([['say "hi"', '=1+2', '-5', '@A1', 42, null]])).toBe(`"say ""hi""",'=1+2,'-5,'@A1,42,\r\n`)
    expect(unguard("'=1+2")).toBe('=1+2')
    expect(unguard("'hello")).toBe("'hello")
    expect(unguard('=x')).toBe('=x')
  })
})

describe('CSV columns', () => {
  it('recognises headers in Japanese, English or as keys, ignoring width and spaces', () => {
    expect(columnForHeader('管理番号')).toBe('toolCode')
    expect(columnForHeader(' Tool code ')).toBe('toolCode')
    expect(columnForHeader('ｶﾃｺﾞﾘｰ')).toBe('category')
    expect(columnForHeader('purchasePrice')).toBe('purchasePrice')
    expect(columnForHeader('色')).toBeNull()
  })

  it('reads statuses and management types in either language', () => {
    expect(statusForLabel('修理中')).toBe('repair')
    expect(statusForLabel('Broken')).toBe('broken')
    expect(statusForLabel('レンタル中')).toBeNull()
    expect(managementForLabel('数量管理')).toBe('quantity')
    expect(managementForLabel('個別')).toBe('individual')
    expect(managementForLabel('Individual')).toBe('individual')
    expect(managementForLabel('?')).toBeNull()
  })
})
