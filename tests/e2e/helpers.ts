import { PORT } from '../../playwright.config'

/** A URL on one of our hosts: '' is the apex, 'admin' the console, anything else a company. */
export const url = (sub: string, path = '/') => `http://${sub ? sub + '.' : ''}localhost:${PORT}${path}`
