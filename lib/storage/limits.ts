const MB = 1024 * 1024
const GB = 1024 * MB

/** Per plan: the largest single file and the company's total (seed 004 §10: basic 1 GB, premium 5 GB). */
export const planStorage: Record<string, { maxFileBytes: number; totalBytes: number }> = {
  basic: { maxFileBytes: 10 * MB, totalBytes: 1 * GB },
  premium: { maxFileBytes: 25 * MB, totalBytes: 5 * GB },
  enterprise: { maxFileBytes: 50 * MB, totalBytes: 50 * GB },
}

/** The limits for a company: its plan's, with organizations.max_storage_bytes overriding the total when set. */
export function storageLimits(plan: string, maxStorageBytes: number | null): { maxFileBytes: number; totalBytes: number } {
  const base = planStorage[plan] ?? planStorage.basic!
  return { maxFileBytes: base.maxFileBytes, totalBytes: maxStorageBytes ?? base.totalBytes }
}
