import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import S3rver from 's3rver'

/** A real S3-protocol server on loopback (s3rver), with one empty bucket; credentials S3RVER/S3RVER. */
export async function startS3(bucket = 'genba-test') {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'genba-s3-'))
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }] })
  const { port } = await server.run()
  return {
    bucket,
    endpoint: `http://127.0.0.1:${port}`,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    async stop() {
      await server.close()
      rmSync(directory, { recursive: true, force: true })
    },
  }
}
