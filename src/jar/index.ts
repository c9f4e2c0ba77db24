// The public API of the cookie engine: a faithful TypeScript port of Python's http.cookiejar.
export { Cookie, type CookieInit } from './cookie';
export { LoadError, CookieNotFoundError, CookieValueError } from './errors';
export * from './dates';
export * from './headers';
export * from './request';
export * from './policy';
export * from './rules';
export * from './cookieJar';
export * from './fileCookieJar';
export * from './mozilla';
export * from './lwp';
