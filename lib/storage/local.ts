import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { assertKey, type Storage } from './types'

/** Files under a directory (DATA_DIR/uploads by default), the content type beside each in '<file>.type'. */
export function localStorage(root: string): Storage {
  const file = (key: string) => path.join(root, ...assertKey(key).split('/'))
  return {
    kind: 'local',
    async put(key, body, contentType) {
      const target = file(key)
      await mkdir(path.dirname(target), { recursive: true })
      await writeFile(target, body)
      await writeFile(target + '.type', contentType)
    },
    async get(key) {
      const target = file(key)
      try {
        const [body, contentType] = await Promise.all([readFile(target), readFile(target + '.type', 'utf8')])
        return { body, contentType, size: body.length }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
        throw error
      }
    },
    async delete(keys) {
      for (const key of keys) {
        await rm(file(key), { force: true })
        await rm(file(key) + '.type', { force: true })
      }
    },
  }
}
