import { startMailServer } from './mail-server'

export default async function globalSetup() {
  const stop = await startMailServer()
  return stop
}
