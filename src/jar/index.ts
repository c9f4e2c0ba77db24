// The public API of the cookie engine: a faithful TypeScript port of Python's http.cookiejar.
// Only what is listed here is public (and stable: other tools drive it); the modules' other
// exports are internals shared between them.
export { Cookie, type CookieInit } from './cookie';
export { LoadError, CookieNotFoundError, CookieValueError } from './errors';
export { http2time, iso2time, time2isoz, time2netscape, type DateParseOptions, type StepCounter } from './dates';
export { splitHeaderWords, joinHeaderWords, parseNsHeaders, stripQuotes, type HeaderPair, type HeaderParseOptions } from './headers';
export {
  CookieRequest, type CookieRequestInit,
  domainMatch, userDomainMatch, liberalIsHdn, isHdn, requestHost, effRequestHost, requestPath, requestPort, escapePath, reach, isThirdParty,
  urlsplit, urlparse, type SplitUrl, type ParsedUrl,
} from './request';
export { DefaultCookiePolicy, type CookiePolicy, type DefaultCookiePolicyOptions } from './policy';
export { RULES, RULE_IDS, type RuleId, type Refusal } from './rules';
export { CookieJar, type CookieDecision, type CookieResponse, type CookieJarOptions } from './cookieJar';
export { FileCookieJar, type FileStore, type FileCookieJarOptions, type SaveOptions, type LoadOptions } from './fileCookieJar';
export { MozillaCookieJar, hasHttpOnly } from './mozilla';
export { LWPCookieJar, lwpCookieStr } from './lwp';
