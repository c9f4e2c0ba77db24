/**
 * The verdict on one Set-Cookie line, in Chromium's order: parsing and `CanonicalCookie::Create`
 * (domain, prefix, Partitioned), then the third-party cookie setting (which, when it blocks,
 * is the only reason given), then `IsSetPermittedInContext` (Secure, SameSite) and the store's
 * "leave Secure cookies alone" rule. The store applies the result.
 */
import type { BrowserRules } from './browsers';
import { CONTEXT_RANK, type EvaluatedContext } from './context';
import { cookieDomain } from './domainAttribute';
import { defaultPath } from './domains';
import { capExpiry, cookieExpiry, isExpired, MAX_EXPIRY_MS } from './expiry';
import { parseSetCookie, type ParseFailure, type ParsedSetCookie } from './parse';
import { hiddenPrefixOf, prefixOf, prefixViolations } from './prefixes';
import { setDetail, type ReasonDetail, type SetReason } from './reasons';
import { cookieLabel, describeChar, describePlace, domainProblemText, formatBytes, listWords, quote } from './sentences';
import type { CookiePriority, ModelCookie, PartitionKey, SameSiteValue } from './types';

/** What the store answers about Secure cookies an insecure origin would overwrite. */
export interface SecureCookieLookup {
  /** A Secure cookie that `candidate` (set from an insecure origin) may not overwrite, if any. */
  secureConflict(candidate: ModelCookie): ModelCookie | undefined;
}

export interface SetDecision {
  readonly outcome: 'stored' | 'deleted' | 'refused';
  readonly details: readonly ReasonDetail<SetReason>[];
  readonly cookie: ModelCookie | undefined;
  readonly notes: readonly string[];
}

export function sameSiteOf(attribute: string | undefined): SameSiteValue {
  if (attribute === undefined) return 'unspecified';
  const lower = attribute.toLowerCase();
  return lower === 'none' ? 'no_restriction' : lower === 'lax' ? 'lax' : lower === 'strict' ? 'strict' : 'unspecified';
}

function priorityOf(attribute: string | undefined): CookiePriority {
  const lower = attribute?.toLowerCase();
  return lower === 'low' ? 'low' : lower === 'high' ? 'high' : 'medium';
}

export function parseFailureDetail(failure: ParseFailure): ReasonDetail<SetReason> {
  switch (failure.reason) {
    case 'NoCookieContent':
      return setDetail('NoCookieContent', 'The line has neither a cookie name nor a value, so there is no cookie to store.');
    case 'NameValuePairExceedsMaxSize':
      return setDetail('NameValuePairExceedsMaxSize', `The name and value together are ${formatBytes(failure.bytes)} bytes; Chromium refuses cookies over 4,096 bytes.`);
    case 'DisallowedCharacter':
      return setDetail('DisallowedCharacter', failure.char === 0
        ? 'The line contains a NUL character; Chromium refuses the whole response.'
        : `${capitalize(describePlace(failure.place, failure.attribute))} contains the control character ${describeChar(failure.char)}; Chromium refuses cookies with control characters (a tab is allowed only at the edges).`);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function thirdPartyDetail(context: EvaluatedContext, label: string): ReasonDetail<SetReason> {
  const where = `${context.requestSite} is a third party to the page ${context.topSite}`;
  return context.thirdPartyCookies === 'phaseout'
    ? setDetail('ThirdPartyPhaseout', `The browser phases out third-party cookies (tracking protection) and ${where}; ${label.toLowerCase()} would need the Partitioned attribute.`)
    : setDetail('UserPreferences', `The browser blocks third-party cookies and ${where}; only a Partitioned cookie would be stored (in that page's partition).`);
}

function contextWords(context: EvaluatedContext): string {
  if (context.thirdParty) return `a cross-site ${context.kind === 'frame' ? 'frame' : 'request'} (${context.requestSite} on the page ${context.topSite})`;
  return `a request to ${context.requestSite} started by ${context.initiatorSite ?? 'another site'}`;
}

/** Decides one line. `lookup` sees the store as it is before this line. */
export function decideSetCookie(line: string, context: EvaluatedContext, rules: BrowserRules, lookup: SecureCookieLookup): SetDecision {
  const parsed = parseSetCookie(line);
  if (!parsed.ok) return { outcome: 'refused', details: [parseFailureDetail(parsed.failure)], cookie: undefined, notes: [] };
  const cookie = parsed.cookie;
  const notes = parseNotes(cookie, line);
  const url = context.url;
  const label = cookieLabel(cookie.name, cookie.value); // cheap: a few characters
  const details: ReasonDetail<SetReason>[] = [];

  // CanonicalCookie::Create: domain, prefix, Partitioned.
  const domain = cookieDomain(url, cookie.domain);
  if (!domain.ok) {
    details.push(setDetail('InvalidDomain', `Domain=${cookie.domain ?? ''} is not allowed for ${url.host}: ${domainProblemText(domain.problem, domain.canonical, url.host)}.`));
  }
  const prefix = prefixOf(cookie.name);
  if (prefix !== null) {
    const missing = prefixViolations(prefix, url, { secure: cookie.secure, httpOnly: cookie.httpOnly, domainAttribute: cookie.domain, path: cookie.path });
    if (missing.length > 0) details.push(setDetail('InvalidPrefix', `${label} starts with ${prefix}, which requires ${listWords(missing)}.`));
  } else if (cookie.name === '') {
    const hidden = hiddenPrefixOf(cookie.value);
    if (hidden !== null) details.push(setDetail('InvalidPrefix', `${label} starts with ${hidden}: sent as a bare value it would pass for a ${hidden} cookie, so Chromium refuses it.`));
  }
  if (cookie.name === '' && cookie.value.includes('=')) {
    details.push(setDetail('NamelessValueWithEquals', `${label} contains "=": sent as a bare value it would pass for a cookie named ${quote(cookie.value.slice(0, cookie.value.indexOf('=')))}, so Chromium drops it silently (DevTools shows nothing).`));
  }
  if (cookie.partitioned && !(cookie.secure && url.isSecureContext)) {
    details.push(setDetail('InvalidPartitioned', `${label} is Partitioned, which requires ${listWords([...cookie.secure ? [] : ['the Secure attribute'], ...url.isSecureContext ? [] : [`a secure origin (${url.scheme}://${url.host} is not)`]])}; Chromium drops it silently (DevTools shows nothing).`));
  }
  const partitionKey: PartitionKey | undefined = cookie.partitioned ? context.partitionKey : undefined;
  const rawExpiry = cookieExpiry(cookie, context);
  const candidate = buildCookie(cookie, domain.ok ? domain : { domain: url.host, hostOnly: true }, context, partitionKey, rawExpiry);
  if (details.length > 0) return { outcome: 'refused', details, cookie: candidate, notes };
  if (rawExpiry !== null && rawExpiry > context.now + MAX_EXPIRY_MS) notes.push('Its expiry is capped at 400 days from now.');

  // The third-party cookie setting: when it blocks, Chromium gives that reason alone.
  if (context.thirdParty && context.thirdPartyCookies !== 'allowed' && partitionKey === undefined) {
    return { outcome: 'refused', details: [thirdPartyDetail(context, label)], cookie: candidate, notes };
  }

  // IsSetPermittedInContext.
  if (!url.isCookieable) details.push(setDetail('SchemeNotSupported', `${url.scheme}: URLs have no cookies (only http, https, ws and wss do).`));
  if (cookie.secure && !url.isSecureContext) {
    details.push(setDetail('SecureOnly', `${label} has the Secure attribute, but ${url.scheme}://${url.host} is not a secure origin: only https (and http://localhost) may set Secure cookies.`));
  }
  if (candidate.sameSite === 'no_restriction' && !cookie.secure) {
    details.push(setDetail('SameSiteNoneInsecure', `${label} says SameSite=None without Secure; Chromium stores SameSite=None cookies only when they are also Secure.`));
  }
  if (CONTEXT_RANK[context.setContext] < CONTEXT_RANK.lax) {
    const where = contextWords(context);
    if (candidate.sameSite === 'strict') {
      details.push(setDetail('SchemefulSameSiteStrict', `${label} is SameSite=Strict, and this response comes from ${where}; a SameSite=Strict cookie can only be set by a same-site request or a top-level navigation.`));
    } else if (candidate.sameSite === 'lax') {
      details.push(setDetail('SchemefulSameSiteLax', `${label} is SameSite=Lax, and this response comes from ${where}; a SameSite=Lax cookie can only be set by a same-site request or a top-level navigation.`));
    } else if (candidate.sameSite === 'unspecified' && rules.unspecifiedSameSite === 'lax') {
      details.push(setDetail('SchemefulSameSiteUnspecifiedTreatedAsLax', `${label} has no SameSite attribute, so Chromium treats it as SameSite=Lax, and this response comes from ${where}; a cookie meant for cross-site use needs SameSite=None; Secure.`));
    }
  }
  // "Leave Secure cookies alone": an insecure origin may neither overwrite nor delete a Secure cookie that covers this one.
  if (!url.isSecureContext) {
    const secure = lookup.secureConflict(candidate);
    if (secure !== undefined) {
      details.push(setDetail('OverwriteSecure', `A Secure cookie ${quote(secure.name)} already exists for ${secure.domain}${secure.path === '/' ? '' : ` (Path=${secure.path})`}, and ${url.scheme}://${url.host} is not a secure origin: an insecure origin cannot overwrite or delete it.`));
    }
  }
  if (details.length > 0) return { outcome: 'refused', details, cookie: candidate, notes };
  return { outcome: isExpired(rawExpiry, context.now) ? 'deleted' : 'stored', details, cookie: candidate, notes };
}

function parseNotes(cookie: ParsedSetCookie, line: string): string[] {
  const notes: string[] = [];
  for (const [attribute, bytes] of cookie.oversizedAttributes) {
    notes.push(`The ${attribute} attribute was ignored: its value is ${formatBytes(bytes)} bytes, over Chromium's 1,024.`);
  }
  if (cookie.cutAt !== null) notes.push(`The line was cut at the line break at position ${cookie.cutAt} (of ${line.length}); the rest is not part of the cookie.`);
  if (cookie.domain === '') notes.push('The empty Domain attribute makes it a host-only cookie.');
  return notes;
}

function buildCookie(
  parsed: ParsedSetCookie, domain: { domain: string; hostOnly: boolean }, context: EvaluatedContext,
  partitionKey: PartitionKey | undefined, rawExpiry: number | null,
): ModelCookie {
  const path = parsed.path !== undefined && parsed.path.charCodeAt(0) === 0x2f ? parsed.path : defaultPath(context.url.path);
  const expiry = capExpiry(rawExpiry, context.now);
  const cookie: { -readonly [K in keyof ModelCookie]: ModelCookie[K] } = {
    name: parsed.name,
    value: parsed.value,
    domain: domain.domain,
    hostOnly: domain.hostOnly,
    path,
    secure: parsed.secure,
    httpOnly: parsed.httpOnly,
    sameSite: sameSiteOf(parsed.sameSite),
    session: expiry === null,
    priority: priorityOf(parsed.priority),
    creationTime: context.now,
    lastAccessTime: context.now,
  };
  if (expiry !== null) cookie.expirationDate = expiry / 1000;
  if (partitionKey !== undefined) cookie.partitionKey = partitionKey;
  return cookie;
}
