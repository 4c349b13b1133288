export * from './core'
export * from './tools'
