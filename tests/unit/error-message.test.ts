import { createTranslator } from 'next-intl'
import { describe, expect, it } from 'vitest'
import { errorMessage, fieldErrorMessage, formatBytes, type Translate } from '@/lib/i18n/error-message'
import en from '@/messages/en.json'
import ja from '@/messages/ja.json'

const translator = (locale: 'ja' | 'en') => createTranslator({ locale, messages: locale === 'ja' ? ja : en }) as unknown as Translate

describe('error messages', () => {
  const t = translator('ja')

  it("prefer the domain's message, then the generic one, then the field message", () => {
    expect(errorMessage(t, { code: 'NOT_FOUND' }, ['tools'])).toBe('道具が見つかりません。')
    expect(errorMessage(t, { code: 'NOT_FOUND' })).toBe('見つかりませんでした。')
    expect(errorMessage(t, { code: 'INVALID_DATE' }, ['tools'])).toBe(ja.fieldErrors.INVALID_DATE)
    expect(errorMessage(t, { code: 'SOMETHING_NEW' }, ['tools'])).toBe(ja.errors.INTERNAL)
  })

  it('fill placeholders from the details, with sizes made readable', () => {
    expect(errorMessage(t, { code: 'PLAN_LIMIT_TOOLS', details: { limit: 500 } }, ['tools'])).toContain('500個まで')
    expect(errorMessage(t, { code: 'FILE_TOO_LARGE', details: { limit: 10 * 1024 * 1024 } }, ['storage'])).toBe('ファイルが大きすぎます（10 MBまで）。')
    expect(errorMessage(translator('en'), { code: 'STORAGE_FULL', details: { limit: 5 * 1024 ** 3 } }, ['storage'], 'en')).toBe('Your storage is full (5 GB).')
    expect(errorMessage(t, { code: 'SITE_HAS_TOOLS', details: { count: 2, tools: [{ id: 'x' }] } }, ['locations'])).toContain('2個')
  })

  it('translate field codes, falling back to "check this"', () => {
    expect(fieldErrorMessage(t, 'REQUIRED')).toBe('入力してください。')
    expect(fieldErrorMessage(t, 'TOOL_CODE_TAKEN', ['tools'])).toBe(ja.tools.errors.TOOL_CODE_TAKEN)
    expect(fieldErrorMessage(t, 'WHAT')).toBe(ja.fieldErrors.INVALID)
  })

  it('format bytes', () => {
    expect(formatBytes(1536)).toBe('2 KB')
    expect(formatBytes(25 * 1024 * 1024, 'en')).toBe('25 MB')
    expect(formatBytes(1.5 * 1024 ** 3, 'en')).toBe('1.5 GB')
  })
})
