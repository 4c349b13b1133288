import { describe, expect, it } from 'vitest'
import { sheetCount } from '@/lib/labels/document'
import { labelRequest, labelRequestFromForm } from '@/lib/labels/schemas'
import { parseWith } from '@/lib/result'

describe('sheetCount', () => {
  it('counts sheets after the used positions, and one tape label each', () => {
    expect(sheetCount('a4-24', 0)).toBe(0)
    expect(sheetCount('a4-24', 24)).toBe(1)
    expect(sheetCount('a4-24', 24, 1)).toBe(2)
    expect(sheetCount('a4-12', 3, 11)).toBe(2)
    expect(sheetCount('a4-65', 130)).toBe(2)
    expect(sheetCount('tape-36', 7, 5)).toBe(7)
  })
})

describe('labelRequestFromForm', () => {
  it('collects every toolId (repeated or comma-separated) and keeps the other fields', () => {
    const ids = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()]
    const form = new FormData()
    form.set('source', 'tools')
    form.set('layout', 'a4-44')
    form.append('toolId', ids[0]!)
    form.append('toolId', `${ids[1]},${ids[2]}`)
    const input = labelRequestFromForm(form)
    expect(input).toEqual({ source: 'tools', layout: 'a4-44', toolIds: ids })
    expect(parseWith(labelRequest, input).data).toEqual({ source: 'tools', layout: 'a4-44', toolIds: ids, skip: 0, offsetX: 0, offsetY: 0 })
    expect(labelRequestFromForm(new URLSearchParams('source=blank&count=5'))).toEqual({ source: 'blank', count: '5', toolIds: [] })
  })

  it('needs at least one tool, a known layout, and an offset within ±10 mm', () => {
    const r = parseWith(labelRequest, { source: 'tools', toolIds: [], layout: 'a3-1', offsetX: '-10.5' })
    expect(r.success).toBe(false)
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['toolIds', 'REQUIRED'],
        ['layout', 'INVALID_CHOICE'],
        ['offsetX', 'TOO_SMALL'],
      ]),
    )
  })
})
