/**
 * The Domain attribute: which domain a cookie gets, or why it may not have the one it asks for
 * (Chromium's `cookie_util::GetCookieDomainWithString`).
 */
import { charCodes, registrableDomain } from './domains';
import type { CookieUrl } from './url';

export type DomainProblem =
  | 'host-has-empty-label' // the request host ends in `..`
  | 'ip-host' // an IP address may name only itself
  | 'percent' // %-escapes are refused
  | 'not-a-host' // characters a host name cannot hold (space, `:`, `/`, ...), or nothing left
  | 'trailing-dot' // `example.com.` is not the registrable domain `example.com`
  | 'public-suffix-host' // the request host has no registrable domain (public suffix, single label): only Domain=<host>
  | 'public-suffix' // the Domain is a public suffix (`co.uk`, `github.io`)
  | 'other-site' // the Domain belongs to another registrable domain
  | 'not-a-suffix'; // the Domain is not the host nor one of its parents

export type DomainOutcome =
  | { ok: true; domain: string; hostOnly: boolean }
  | { ok: false; problem: DomainProblem; canonical: string };

/** Code points WHATWG forbids in a domain (Chromium's host canonicalizer fails on them too), besides `%`. */
const FORBIDDEN_IN_HOST = charCodes(' #/:<>?@[\\]^|');

/**
 * Lowercases an ASCII host and refuses what cannot be one. Non-ASCII names are lowercased and
 * NFC-normalised only (Chromium would convert them to punycode; the model then compares them
 * unconverted, see docs/browser-model.md).
 */
export function canonicalizeHost(text: string): string | null {
  if (text === '') return null;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20 || c === 0x7f || FORBIDDEN_IN_HOST.has(c)) return null;
    if (c > 0x7f) ascii = false;
  }
  const lower = text.toLowerCase();
  return ascii ? lower : lower.normalize('NFC');
}

/**
 * The cookie's domain: the request host for a host-only cookie, `.domain` for a domain cookie.
 * `attribute` is the Domain attribute's value ('' or undefined: none).
 */
export function cookieDomain(url: CookieUrl, attribute: string | undefined): DomainOutcome {
  const host = url.host;
  const fail = (problem: DomainProblem, canonical = attribute ?? ''): DomainOutcome => ({ ok: false, problem, canonical });
  if (host.endsWith('..')) return fail('host-has-empty-label');
  if (attribute === undefined || attribute === '') return { ok: true, domain: host, hostOnly: true };
  if (url.isIp) {
    const lower = attribute.toLowerCase();
    return lower === host || lower === `.${host}` ? { ok: true, domain: host, hostOnly: true } : fail('ip-host');
  }
  if (attribute.includes('%')) return fail('percent');
  const canonical = canonicalizeHost(attribute);
  if (canonical === null) return fail('not-a-host');
  const withDot = canonical.startsWith('.') ? canonical : `.${canonical}`;
  const hostRegistrable = registrableDomain(host);
  if (hostRegistrable === '') {
    // A public suffix or intranet host may name itself, which makes a host-only cookie.
    const named = attribute.startsWith('.') ? attribute.slice(1).toLowerCase() : attribute.toLowerCase();
    return named === host ? { ok: true, domain: named, hostOnly: true } : fail('public-suffix-host', withDot);
  }
  if (withDot.endsWith('.') && !host.endsWith('.')) return fail('trailing-dot', withDot);
  const domainRegistrable = registrableDomain(withDot);
  if (domainRegistrable !== hostRegistrable) return fail(domainRegistrable === '' ? 'public-suffix' : 'other-site', withDot);
  const isSuffix = host.length < withDot.length ? withDot === `.${host}` : host.endsWith(withDot);
  return isSuffix ? { ok: true, domain: withDot, hostOnly: false } : fail('not-a-suffix', withDot);
}
