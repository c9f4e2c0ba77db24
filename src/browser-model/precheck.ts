/**
 * The "edit a browser cookie" pre-check: what Chromium's `cookies.set` would do with a cookie given
 * as attributes (`CanonicalCookie::CreateSanitizedCookie`, then the store's checks with every
 * SameSite context allowed, as extensions get). Third-party blocking does not apply to extensions.
 */
import type { BrowserRules } from './browsers';
import { cookieDomain } from './domainAttribute';
import { defaultPath, domainMatches, isOnPath } from './domains';
import { capExpiry, isExpired, MAX_EXPIRY_MS } from './expiry';
import { MAX_ATTRIBUTE_VALUE_BYTES, nameValueProblem, utf8Length } from './parse';
import { hiddenPrefixOf, prefixOf, prefixViolations } from './prefixes';
import { setDetail, type ReasonDetail, type SetReason } from './reasons';
import { cookieLabel, domainProblemText, formatBytes, listWords, quote } from './sentences';
import { parseFailureDetail, type SecureCookieLookup } from './setCookie';
import type { CookieCheck, CookieDetails, ModelCookie } from './types';
import { parseUrl, UrlError } from './url';

const TERMINATORS = /[\r\n\0]/;

/** Chromium's ParseValueString leaves a value unchanged: no `;`, no line terminator or NUL, no space or tab at the edges. */
function survivesValueParse(text: string): boolean {
  return !text.includes(';') && !TERMINATORS.test(text) && !/^[ \t]|[ \t]$/.test(text);
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x1f || c === 0x7f) return true;
  }
  return false;
}

/** ParseTokenString leaves a name unchanged: the same, and no `=`. */
function survivesTokenParse(text: string): boolean {
  return survivesValueParse(text) && !text.includes('=');
}

export function checkCookieDetails(details: CookieDetails, rules: BrowserRules, lookup: SecureCookieLookup, now: number): CookieCheck {
  const refuse = (reasons: ReasonDetail<SetReason>[], cookie?: ModelCookie, notes: string[] = []): CookieCheck => ({
    ok: false, readBack: false, outcome: 'refused', reasons: reasons.map((r) => r.reason), details: reasons,
    sentence: reasons.map((r) => r.sentence).join(' '), notes, ...cookie === undefined ? {} : { cookie },
  });
  let url;
  try {
    url = parseUrl(details.url);
  } catch (error) {
    if (!(error instanceof UrlError)) throw error;
    return refuse([setDetail('InvalidDomain', `${quote(details.url)} is not a URL with a host, so the cookie has no domain.`)]);
  }
  const name = details.name ?? '';
  const value = details.value ?? '';
  const label = cookieLabel(name, value);
  const found: ReasonDetail<SetReason>[] = [];
  const notes: string[] = [];

  if (!survivesTokenParse(name)) {
    found.push(setDetail('DisallowedCharacter', `The name ${quote(name)} holds "=", ";", a line break, or spaces at its edges, which a cookie name cannot.`));
  } else if (!survivesValueParse(value)) {
    found.push(setDetail('DisallowedCharacter', `The value ${quote(value)} holds ";", a line break, or spaces at its edges, which a cookie value cannot.`));
  } else if (details.path !== undefined && !survivesValueParse(details.path)) {
    found.push(setDetail('DisallowedCharacter', `The path ${quote(details.path)} holds ";", a line break, or spaces at its edges.`));
  }
  const problem = nameValueProblem(name, value);
  if (problem !== null && !found.some((d) => d.reason === problem.reason)) found.push(parseFailureDetail(problem, rules));

  let domainAttribute = details.domain ?? '';
  if (domainAttribute !== '' && (!survivesValueParse(domainAttribute) || hasControl(domainAttribute))) {
    found.push(setDetail('InvalidDomain', `The domain ${quote(domainAttribute)} holds characters no domain has.`));
    domainAttribute = '';
  } else if (utf8Length(domainAttribute) > MAX_ATTRIBUTE_VALUE_BYTES) {
    found.push(setDetail('AttributeValueExceedsMaxSize', `The domain is ${formatBytes(utf8Length(domainAttribute))} bytes, over Chromium's 1,024.`));
    domainAttribute = '';
  }
  const domain = cookieDomain(url, domainAttribute);
  if (url.host.startsWith('.')) {
    found.push(setDetail('InvalidDomain', `The URL's host ${url.host} starts with a dot.`));
  } else if (!domain.ok) {
    found.push(setDetail('InvalidDomain', `Domain ${domainAttribute} is not allowed for ${url.host}: ${domainProblemText(domain.problem, domain.canonical, url.host)}.`));
  }

  const path = details.path === undefined || details.path === '' ? defaultPath(url.path) : details.path;
  if (details.path !== undefined && details.path !== '') {
    if (!details.path.startsWith('/')) found.push(setDetail('InvalidPath', `The path ${quote(details.path)} does not start with "/".`));
    else if (utf8Length(details.path) > MAX_ATTRIBUTE_VALUE_BYTES) found.push(setDetail('AttributeValueExceedsMaxSize', `The path is ${formatBytes(utf8Length(details.path))} bytes, over Chromium's 1,024.`));
  }

  const secure = details.secure ?? false;
  const httpOnly = details.httpOnly ?? false;
  const prefix = prefixOf(name);
  if (prefix !== null) {
    const missing = prefixViolations(prefix, url, { secure, httpOnly, domainAttribute, path });
    if (missing.length > 0) found.push(setDetail('InvalidPrefix', `${label} starts with ${prefix}, which requires ${listWords(missing)}.`));
  } else if (name === '') {
    const hidden = hiddenPrefixOf(value);
    if (hidden !== null) found.push(setDetail('InvalidPrefix', `${label} starts with ${hidden}: sent as a bare value it would pass for a ${hidden} cookie.`));
  }
  if (name === '' && value.includes('=')) {
    found.push(setDetail('NamelessValueWithEquals', `${label} contains "=": sent as a bare value it would pass for a cookie named ${quote(value.slice(0, value.indexOf('=')))}.`));
  }
  if (details.partitionKey !== undefined && !(secure && url.isSecureContext)) {
    found.push(setDetail('InvalidPartitioned', `${label} is partitioned, which requires the Secure attribute and a secure URL.`));
  }

  const expiry = details.expirationDate === undefined ? null : capExpiry(details.expirationDate * 1000, now);
  if (details.expirationDate !== undefined && details.expirationDate * 1000 > now + MAX_EXPIRY_MS) notes.push('Its expiry would be capped at 400 days from now.');
  const sameSite = details.sameSite ?? 'unspecified';
  const cookie: ModelCookie = {
    name, value, domain: domain.ok ? domain.domain : url.host, hostOnly: domain.ok ? domain.hostOnly : true, path, secure, httpOnly, sameSite,
    session: expiry === null, priority: 'medium', creationTime: now, lastAccessTime: now,
    ...expiry === null ? {} : { expirationDate: expiry / 1000 },
    ...details.partitionKey === undefined ? {} : { partitionKey: details.partitionKey },
  };
  if (found.length > 0) return refuse(found, cookie, notes);

  // The store's checks (cookies.set allows every SameSite context).
  if (secure && !url.isSecureContext) {
    found.push(setDetail('SecureOnly', `${label} is Secure, but ${url.scheme}://${url.host} is not a secure URL: set it for an https URL.`));
  }
  if (sameSite === 'no_restriction' && !secure) found.push(setDetail('SameSiteNoneInsecure', `${label} is SameSite=None without Secure.`));
  if (!url.isSecureContext) {
    const existing = lookup.secureConflict(cookie);
    if (existing !== undefined) found.push(setDetail('OverwriteSecure', `A Secure cookie ${quote(existing.name)} of ${existing.domain} covers it, and ${url.scheme}://${url.host} is not secure.`));
  }
  if (found.length > 0) return refuse(found, cookie, notes);
  const deleted = isExpired(expiry, now);
  const readBack = !deleted && domainMatches(cookie.domain, url.host) && isOnPath(cookie.path, url.path) && (!secure || url.isSecureContext);
  if (!deleted && !readBack) {
    notes.push(`cookies.set will report "Failed to parse or set cookie" although it stores the cookie: ${url.href} does not reach a cookie of ${cookie.domain}, Path=${cookie.path}. Give a URL on that domain and path.`);
  }
  return {
    ok: true, readBack, outcome: deleted ? 'deleted' : 'stored', reasons: [], details: [], notes, cookie,
    sentence: deleted ? `${label} is already expired: setting it deletes the cookie of that name, domain and path.` : `${label} can be set.`,
  };
}
