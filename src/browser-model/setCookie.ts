/**
 * The verdict on one Set-Cookie line, in the browser's order. Chromium: parsing and
 * `CanonicalCookie::Create` (domain, prefix, Partitioned), then the third-party cookie setting
 * (which, when it blocks, is the only reason given), then `IsSetPermittedInContext` (Secure,
 * SameSite) and the store's "leave Secure cookies alone" rule; every reason that applies is given.
 * Firefox: the third-party setting first (`CheckPrefs`), then `CookieParser` and
 * `CookieValidation`, then `CookieStorage::AddCookie`; it stops at the first failure, so the
 * reason given is the first in `rules.reasonOrder`. The store applies the result.
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

export function parseFailureDetail(failure: ParseFailure, rules: Pick<BrowserRules, 'label' | 'tabIsDisallowed'>): ReasonDetail<SetReason> {
  const browser = rules.label;
  switch (failure.reason) {
    case 'NoCookieContent':
      return setDetail('NoCookieContent', 'The line has neither a cookie name nor a value, so there is no cookie to store.');
    case 'NameValuePairExceedsMaxSize':
      return setDetail('NameValuePairExceedsMaxSize', `The name and value together are ${formatBytes(failure.bytes)} bytes; ${browser} refuses cookies over 4,096 bytes.`);
    case 'DisallowedCharacter':
      return setDetail('DisallowedCharacter', failure.char === 0
        ? `The line contains a NUL character; ${browser} refuses the whole response.`
        : `${capitalize(describePlace(failure.place, failure.attribute))} contains the control character ${describeChar(failure.char)}; ${browser} refuses cookies with control characters${rules.tabIsDisallowed ? ' (a tab is allowed only at the edges)' : ' (tabs aside)'}.`);
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function thirdPartyDetail(context: EvaluatedContext, label: string, rules: BrowserRules): ReasonDetail<SetReason> {
  const where = `${context.requestSite} is a third party to the page ${context.topSite}`;
  if (context.thirdPartyCookies === 'phaseout') {
    return setDetail('ThirdPartyPhaseout', `The browser phases out third-party cookies (tracking protection) and ${where}; ${label.toLowerCase()} would need the Partitioned attribute.`);
  }
  return setDetail('UserPreferences', rules.blockedKeepsPartitioned
    ? `The browser blocks third-party cookies and ${where}; only a Partitioned cookie would be stored (in that page's partition).`
    : `${rules.label} rejects third-party cookies (its cookie setting is "reject third-party cookies") and ${where}; no cookie of it is stored, Partitioned or not.`);
}

function contextWords(context: EvaluatedContext): string {
  if (context.thirdParty) return `a cross-site ${context.kind === 'frame' ? 'frame' : 'request'} (${context.requestSite} on the page ${context.topSite})`;
  return `a request to ${context.requestSite} started by ${context.initiatorSite ?? 'another site'}`;
}

/** The third-party setting blocks the request's cookies (some, in Chromium: see the callers). */
function blocksThirdParty(context: EvaluatedContext): boolean {
  return context.thirdParty && (context.thirdPartyCookies === 'blocked' || context.thirdPartyCookies === 'phaseout');
}

/** The partition the cookie goes to: CHIPS (the Partitioned attribute), or Firefox's Total Cookie Protection for any third-party cookie. */
function partitionOf(cookie: ParsedSetCookie, context: EvaluatedContext): { key: PartitionKey | undefined; by: 'chips' | 'tcp' | null } {
  if (cookie.partitioned) return { key: context.partitionKey, by: 'chips' };
  if (context.thirdParty && context.thirdPartyCookies === 'partitioned') return { key: context.partitionKey, by: 'tcp' };
  return { key: undefined, by: null };
}

/** The first of the reasons in the browser's order (Firefox stops at its first failed check), or all of them. */
function reported(details: readonly ReasonDetail<SetReason>[], rules: BrowserRules): ReasonDetail<SetReason>[] {
  if (rules.reportedReasons === 'all' || details.length <= 1) return [...details];
  const rank = (d: ReasonDetail<SetReason>) => {
    const index = rules.reasonOrder.indexOf(d.reason);
    return index < 0 ? rules.reasonOrder.length : index;
  };
  return [details.reduce((first, d) => (rank(d) < rank(first) ? d : first))];
}

/** Decides one line. `lookup` sees the store as it is before this line. */
export function decideSetCookie(line: string, context: EvaluatedContext, rules: BrowserRules, lookup: SecureCookieLookup): SetDecision {
  // Firefox checks its cookie setting before reading the line: nothing of a rejected third party is
  // stored, whatever the line says (the cookie it would have made is still named in the verdict).
  const rejectsAll = blocksThirdParty(context) && !rules.blockedKeepsPartitioned;
  const parsed = parseSetCookie(line, undefined, rules);
  if (!parsed.ok) {
    return { outcome: 'refused', details: [rejectsAll ? thirdPartyDetail(context, 'The cookie', rules) : parseFailureDetail(parsed.failure, rules)], cookie: undefined, notes: [] };
  }
  const cookie = parsed.cookie;
  const notes = parseNotes(cookie, line, rules);
  const url = context.url;
  const label = cookieLabel(cookie.name, cookie.value); // cheap: a few characters
  const browser = rules.label;
  const details: ReasonDetail<SetReason>[] = [];
  if (rejectsAll) details.push(thirdPartyDetail(context, label, rules));

  // CanonicalCookie::Create (Firefox: CookieValidation): domain, path, prefix, nameless cookies, Partitioned.
  const domain = cookieDomain(url, cookie.domain);
  if (!domain.ok) {
    details.push(setDetail('InvalidDomain', `Domain=${cookie.domain ?? ''} is not allowed for ${url.host}: ${domainProblemText(domain.problem, domain.canonical, url.host)}.`));
  }
  const path = cookiePath(cookie, context);
  if (!rules.tabIsDisallowed && path.includes('\t')) {
    details.push(setDetail('InvalidPath', `The path ${quote(path)} contains a tab; ${browser} refuses such a path.`));
  }
  const prefix = prefixOf(cookie.name);
  if (prefix !== null) {
    const missing = prefixViolations(prefix, url, { secure: cookie.secure, httpOnly: cookie.httpOnly, domainAttribute: cookie.domain, path: rules.hostPrefixPath === 'final' ? path : cookie.path });
    if (missing.length > 0) details.push(setDetail('InvalidPrefix', `${label} starts with ${prefix}, which requires ${listWords(missing)}.`));
  } else if (cookie.name === '') {
    const hidden = hiddenPrefixOf(cookie.value);
    if (hidden !== null) details.push(setDetail('InvalidPrefix', `${label} starts with ${hidden}: sent as a bare value it would pass for a ${hidden} cookie, so ${browser} refuses it.`));
  }
  if (cookie.name === '' && rules.refuseNameless === 'all') {
    details.push(setDetail('NamelessValueWithEquals', `The line starts with "=", so the cookie has no name; ${browser} drops a cookie written with "=" but no name.`));
  } else if (cookie.name === '' && cookie.value.includes('=')) {
    details.push(setDetail('NamelessValueWithEquals', `${label} contains "=": sent as a bare value it would pass for a cookie named ${quote(cookie.value.slice(0, cookie.value.indexOf('=')))}, so ${browser} drops it silently (DevTools shows nothing).`));
  }
  if (cookie.partitioned && !(cookie.secure && url.isSecureContext)) {
    details.push(setDetail('InvalidPartitioned', `${label} is Partitioned, which requires ${listWords([...cookie.secure ? [] : ['the Secure attribute'], ...url.isSecureContext ? [] : [`a secure origin (${url.scheme}://${url.host} is not)`]])}; ${browser} drops it${rules.devtoolsReasons ? ' silently (DevTools shows nothing)' : ''}.`));
  }
  const partition = partitionOf(cookie, context);
  const rawExpiry = cookieExpiry(cookie, context, rules);
  const candidate = buildCookie(cookie, domain.ok ? domain : { domain: url.host, hostOnly: true }, path, context, partition.key, rawExpiry);
  if (details.length > 0 && rules.reportedReasons === 'all') return { outcome: 'refused', details, cookie: candidate, notes };
  if (rawExpiry !== null && rawExpiry > context.now + MAX_EXPIRY_MS) notes.push('Its expiry is capped at 400 days from now.');

  // The third-party cookie setting: when it blocks, Chromium gives that reason alone.
  if (blocksThirdParty(context) && partition.key === undefined) {
    return { outcome: 'refused', details: [thirdPartyDetail(context, label, rules)], cookie: candidate, notes };
  }

  // IsSetPermittedInContext (Firefox: CookieValidation in context).
  if (!url.isCookieable) details.push(setDetail('SchemeNotSupported', `${url.scheme}: URLs have no cookies (only http, https, ws and wss do).`));
  if (cookie.secure && !url.isSecureContext) {
    details.push(setDetail('SecureOnly', `${label} has the Secure attribute, but ${url.scheme}://${url.host} is not a secure origin: only https (and http://localhost) may set Secure cookies.`));
  }
  if (candidate.sameSite === 'no_restriction' && !cookie.secure) {
    details.push(setDetail('SameSiteNoneInsecure', `${label} says SameSite=None without Secure; ${browser} stores SameSite=None cookies only when they are also Secure.`));
  }
  if (CONTEXT_RANK[context.setContext] < CONTEXT_RANK.lax) {
    const where = contextWords(context);
    const schemeful = rules.sameSiteReasonNames === 'schemeful';
    if (candidate.sameSite === 'strict') {
      details.push(setDetail(schemeful ? 'SchemefulSameSiteStrict' : 'SameSiteStrict', `${label} is SameSite=Strict, and this response comes from ${where}; a SameSite=Strict cookie can only be set by a same-site request or a top-level navigation.`));
    } else if (candidate.sameSite === 'lax') {
      details.push(setDetail(schemeful ? 'SchemefulSameSiteLax' : 'SameSiteLax', `${label} is SameSite=Lax, and this response comes from ${where}; a SameSite=Lax cookie can only be set by a same-site request or a top-level navigation.`));
    } else if (candidate.sameSite === 'unspecified' && rules.unspecifiedSameSite === 'lax') {
      details.push(setDetail('SchemefulSameSiteUnspecifiedTreatedAsLax', `${label} has no SameSite attribute, so ${browser} treats it as SameSite=Lax, and this response comes from ${where}; a cookie meant for cross-site use needs SameSite=None; Secure.`));
    }
  }
  // "Leave Secure cookies alone": an insecure origin may neither overwrite nor delete a Secure cookie that covers this one.
  if (!url.isSecureContext) {
    const secure = lookup.secureConflict(candidate);
    if (secure !== undefined) {
      details.push(setDetail('OverwriteSecure', `A Secure cookie ${quote(secure.name)} already exists for ${secure.domain}${secure.path === '/' ? '' : ` (Path=${secure.path})`}, and ${url.scheme}://${url.host} is not a secure origin: an insecure origin cannot overwrite or delete it.`));
    }
  }
  if (details.length > 0) return { outcome: 'refused', details: reported(details, rules), cookie: candidate, notes };
  if (partition.by === 'tcp') {
    notes.push(`${browser} keeps a third party's cookies in a jar of the top-level site (Total Cookie Protection): this one is for the pages of ${context.partitionKey.topLevelSite} only.`);
  }
  return { outcome: isExpired(rawExpiry, context.now) ? 'deleted' : 'stored', details, cookie: candidate, notes };
}

function parseNotes(cookie: ParsedSetCookie, line: string, rules: BrowserRules): string[] {
  const notes: string[] = [];
  for (const [attribute, bytes] of cookie.oversizedAttributes) {
    notes.push(`The ${attribute} attribute was ignored: its value is ${formatBytes(bytes)} bytes, over ${rules.label}'s 1,024.`);
  }
  if (cookie.cutAt !== null) notes.push(`The line was cut at the line break at position ${cookie.cutAt} (of ${line.length}); the rest is not part of the cookie.`);
  if (cookie.domain === '') notes.push('The empty Domain attribute makes it a host-only cookie.');
  return notes;
}

/** The attribute if it starts with `/`, else the request's default path. */
function cookiePath(parsed: ParsedSetCookie, context: EvaluatedContext): string {
  return parsed.path !== undefined && parsed.path.charCodeAt(0) === 0x2f ? parsed.path : defaultPath(context.url.path);
}

function buildCookie(
  parsed: ParsedSetCookie, domain: { domain: string; hostOnly: boolean }, path: string, context: EvaluatedContext,
  partitionKey: PartitionKey | undefined, rawExpiry: number | null,
): ModelCookie {
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
