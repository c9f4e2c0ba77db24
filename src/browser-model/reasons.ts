/**
 * The reasons the model gives, under Chromium's own names: the DevTools Protocol's
 * `Network.SetCookieBlockedReason` (storing) and `Network.CookieBlockedReason` (sending). A few
 * refusals have no DevTools name (Chromium drops the cookie without a DevTools entry, or refuses it
 * outside HTTP): those carry `devtools: false` and a name of Chromium's `CookieInclusionStatus`.
 * Firefox has no such names: its verdicts use Chromium's where the meaning is the same, and a
 * Firefox-only name (`firefoxOnly`) where there is none. docs/browser-model.md lists each with an
 * example sentence (a test keeps the two in step).
 */

export const SET_REASONS = {
  SecureOnly: { devtools: true, summary: 'A Secure cookie from an origin that is not secure (http other than localhost).' },
  SameSiteNoneInsecure: { devtools: true, summary: 'SameSite=None without Secure.' },
  SchemefulSameSiteStrict: { devtools: true, summary: 'A SameSite=Strict cookie set by a cross-site request (scheme included in "site").' },
  SchemefulSameSiteLax: { devtools: true, summary: 'A SameSite=Lax cookie set by a cross-site request.' },
  SchemefulSameSiteUnspecifiedTreatedAsLax: { devtools: true, summary: 'A cookie without SameSite (treated as Lax) set by a cross-site request.' },
  SameSiteStrict: { devtools: true, summary: 'A SameSite=Strict cookie set by a cross-site request, sites compared without their scheme (Firefox).' },
  SameSiteLax: { devtools: true, summary: 'A SameSite=Lax cookie set by a cross-site request, sites compared without their scheme (Firefox).' },
  UserPreferences: { devtools: true, summary: 'Third-party cookies are blocked and the request is third-party (Chromium: unpartitioned cookies only; Firefox: all).' },
  ThirdPartyPhaseout: { devtools: true, summary: 'Third-party cookies are phased out (tracking protection) and the request is third-party.' },
  SchemeNotSupported: { devtools: true, summary: 'The URL\'s scheme has no cookies (only http, https, ws, wss).' },
  OverwriteSecure: { devtools: true, summary: 'An insecure origin tries to overwrite or delete a Secure cookie of the same name whose domain and path cover it.' },
  InvalidDomain: { devtools: true, summary: 'The Domain attribute is not allowed for the host (public suffix, other site, IP address, bad characters).' },
  InvalidPrefix: { devtools: true, summary: 'A __Secure-, __Host-, __Http- or __Host-Http- name (any case) without what its prefix requires, or a nameless cookie whose value starts with one.' },
  NameValuePairExceedsMaxSize: { devtools: true, summary: 'Name and value together are over 4,096 bytes.' },
  DisallowedCharacter: { devtools: true, summary: 'A control character in the name, value or an attribute (tabs at the edges are trimmed; Firefox allows tabs, and a CR too is one there); a NUL.' },
  NoCookieContent: { devtools: true, summary: 'Neither a name nor a value.' },
  NamelessValueWithEquals: { devtools: false, summary: 'No name, written with "=": Chromium drops `=a=b` (it would be sent as `a=b`, a cookie named "a") without a DevTools entry; Firefox drops every `=value` (a cookie written with "=" but no name).' },
  InvalidPartitioned: { devtools: false, summary: 'Partitioned without Secure, or from an insecure origin: Chromium drops it without a DevTools entry.' },
  AttributeValueExceedsMaxSize: { devtools: false, summary: 'cookies.set only: the Domain or Path is over 1,024 bytes (a Set-Cookie line\'s oversized attribute is ignored instead).' },
  InvalidPath: { devtools: false, summary: 'cookies.set: a Path that does not start with "/" (Chromium\'s FailureToStore); Firefox: a Path with a tab in it.' },
  DomainCookieLimit: { devtools: false, firefoxOnly: true, summary: 'Firefox only: the site already has 180 cookies, none of them insecure, and the new one is not Secure: Firefox evicts only insecure cookies for an insecure one, so it drops the new one.' },
} as const satisfies Record<string, { devtools: boolean; firefoxOnly?: true; summary: string }>;

export type SetReason = keyof typeof SET_REASONS;

export const SEND_REASONS = {
  SecureOnly: { devtools: true, summary: 'A Secure cookie for a URL that is not secure (http other than localhost).' },
  NotOnPath: { devtools: true, summary: 'The URL\'s path is not under the cookie\'s Path.' },
  DomainMismatch: { devtools: true, summary: 'The URL\'s host is not the cookie\'s host (host-only cookie) nor under its Domain.' },
  SchemefulSameSiteStrict: { devtools: true, summary: 'A SameSite=Strict cookie on a request that is not same-site (or initiated by another site).' },
  SchemefulSameSiteLax: { devtools: true, summary: 'A SameSite=Lax cookie on a cross-site request other than a top-level navigation with a safe method.' },
  SchemefulSameSiteUnspecifiedTreatedAsLax: { devtools: true, summary: 'A cookie without SameSite (treated as Lax; Lax-allowing-unsafe for its first 2 minutes) on a cross-site request.' },
  SameSiteStrict: { devtools: true, summary: 'A SameSite=Strict cookie on a cross-site request, sites compared without their scheme (Firefox).' },
  SameSiteLax: { devtools: true, summary: 'A SameSite=Lax cookie on a cross-site request other than a top-level navigation with a safe method, sites compared without their scheme (Firefox).' },
  SameSiteNoneInsecure: { devtools: true, summary: 'A SameSite=None cookie that is not Secure (only a seeded cookie can be one).' },
  UserPreferences: { devtools: true, summary: 'Third-party cookies are blocked and the request is third-party.' },
  ThirdPartyPhaseout: { devtools: true, summary: 'Third-party cookies are phased out and the request is third-party.' },
  SchemeMismatch: { devtools: true, summary: 'Scheme-bound cookies (off in Chromium 156): the cookie was set over the other scheme.' },
  PortMismatch: { devtools: true, summary: 'Port-bound cookies (off in Chromium 156): the cookie was set from another port.' },
} as const satisfies Record<string, { devtools: boolean; summary: string }>;

export type SendReason = keyof typeof SEND_REASONS;

/** One reason with the sentence that explains it with the values involved. */
export interface ReasonDetail<R extends string> {
  readonly reason: R;
  readonly sentence: string;
  /** DevTools reports this reason (Network.SetCookieBlockedReason / Network.CookieBlockedReason). */
  readonly devtools: boolean;
}

export function setDetail(reason: SetReason, sentence: string): ReasonDetail<SetReason> {
  return { reason, sentence, devtools: SET_REASONS[reason].devtools };
}

export function sendDetail(reason: SendReason, sentence: string): ReasonDetail<SendReason> {
  return { reason, sentence, devtools: SEND_REASONS[reason].devtools };
}
