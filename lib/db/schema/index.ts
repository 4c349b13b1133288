export * from './core'
export * from './auth'
export * from './tools'
export * from './movements'
