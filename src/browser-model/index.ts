// The browser model: how Chromium and Firefox store and send cookies, with Chromium's reason names
// (docs/browser-model.md). Pure: no browser or Node API, no clock of its own.
export { BrowserCookieStore, type BrowserCookieStoreOptions, type ApplyOptions, type SendOptions, type ApiCookieChange } from './store';
export type {
  BrowserName, ThirdPartyCookieSetting, SameSiteValue, CookiePriority, PartitionKey, ModelCookie, ApiCookie, RequestKind,
  RequestContext, SetCookieVerdict, CookieSendVerdict, RequestCookies, CookieDetails, CookieCheck,
} from './types';
export { SET_REASONS, SEND_REASONS, type SetReason, type SendReason, type ReasonDetail } from './reasons';
export { BROWSERS, type BrowserRules } from './browsers';
export { parseSetCookie, utf8Length, MAX_NAME_VALUE_BYTES, MAX_ATTRIBUTE_VALUE_BYTES, type ParsedSetCookie, type ParseResult, type ParseFailure } from './parse';
export { parseCookieDate, MAX_EXPIRY_MS } from './expiry';
export { parseNsprDate } from './nsprDate';
export { registrableDomain, siteOf } from './domains';
export { parseUrl, isLocalhost, UrlError, type CookieUrl } from './url';
export { inferThirdPartyCookieSetting, firefoxCookieBehaviorSetting, type ThirdPartyObservation, type InferredSetting } from './thirdParty';
