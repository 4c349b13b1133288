/** How long a live company's lookup is reused in one process (lib/tenancy/current.ts). */
export const TENANT_CACHE_MS = 5_000

/** A small map whose entries expire: the oldest go first once it holds `max` entries. */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>()

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (entry.until <= this.now()) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set(key: string, value: V): void {
    this.entries.delete(key)
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!)
    this.entries.set(key, { value, until: this.now() + this.ttlMs })
  }

  delete(key: string): void {
    this.entries.delete(key)
  }
}
