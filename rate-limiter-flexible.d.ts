// rate-limiter-flexible types its store base class but does not export it from the package root at run time.
declare module 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js' {
  import type { RateLimiterStoreAbstract } from 'rate-limiter-flexible'
  const StoreAbstract: typeof RateLimiterStoreAbstract
  export default StoreAbstract
}
