import { hash, verify, type Options } from '@node-rs/argon2'

// argon2id, m=19456 KiB, t=2, p=1 (OWASP's minimum recommendation). 2 = Algorithm.Argon2id (a const enum).
const options: Options = { algorithm: 2 as Options['algorithm'], memoryCost: 19456, timeCost: 2, parallelism: 1 }

export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export const hashPassword = (password: string) => hash(password, options)

/** A hash of nothing anyone knows: verified against when the account does not exist, so timing tells nothing. */
const decoy = hash(crypto.randomUUID(), options)

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  try {
    if (!stored) {
      await verify(await decoy, password)
      return false
    }
    return await verify(stored, password)
  } catch {
    return false
  }
}
