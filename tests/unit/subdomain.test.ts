import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { reservedSubdomains, subdomainProblem } from '@/lib/tenancy/subdomain'

describe('subdomainProblem', () => {
  it('accepts lowercase letters, digits and single inner hyphens', () => {
    for (const ok of ['demo', 'a-kensetsu', 'a-kensetsu-x7k2', 'abc', '123', 'x'.repeat(63)]) expect(subdomainProblem(ok)).toBeNull()
  })

  it('names what is wrong', () => {
    expect(subdomainProblem('ab')).toBe('too_short')
    expect(subdomainProblem('x'.repeat(64))).toBe('too_long')
    expect(subdomainProblem('Demo')).toBe('characters')
    expect(subdomainProblem('a_b')).toBe('characters')
    expect(subdomainProblem('建設')).toBe('characters')
    expect(subdomainProblem('-abc')).toBe('hyphen')
    expect(subdomainProblem('abc-')).toBe('hyphen')
    expect(subdomainProblem('a--b')).toBe('hyphen')
    expect(subdomainProblem('admin')).toBe('reserved')
    expect(subdomainProblem('www')).toBe('reserved')
  })

  it('keeps the same reserved list as the database check', () => {
    const dir = 'supabase/migrations'
    const sql = readdirSync(dir)
      .filter((f) => f.endsWith('.sql'))
      .map((f) => readFileSync(`${dir}/${f}`, 'utf8'))
      .join('\n')
    const body = sql.match(/is_reserved_subdomain[\s\S]*?array\[([\s\S]*?)\]/)?.[1] ?? ''
    const inSql = new Set([...body.matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]))
    expect(inSql).toEqual(new Set(reservedSubdomains))
  })
})
