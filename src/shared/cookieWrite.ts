// A cookie to be written into the browser's store: the URL `cookies.set` gets for it, its identity
// once written, and the browser model's verdict on it beforehand. Pure (the browser model, no
// browser API): the service worker's actions use it, and so does the popup's mock.
import { BrowserCookieStore, registrableDomain, type CookieDetails } from '../browser-model';
import { browserIdentity, type CookieIdentity } from './cookieIdentity';
import { SAME_SITE_STATUSES, type BrowserCookie, type BrowserCookieCheck, type BrowserCookieInput, type SameSiteStatus } from './protocol';

/** A host's registrable domain (the host itself for an IP address or a public suffix). */
function siteOfHost(host: string): string {
  return registrableDomain(host.toLowerCase()) || host.toLowerCase();
}

/** The host a cookie's own URL is made of: a domain cookie's domain without its dot. */
export function hostOf(domain: string): string {
  return domain.startsWith('.') ? domain.slice(1) : domain;
}

/**
 * The URL `cookies.set` gets for a cookie: https (it may set Secure and partitioned cookies, and
 * no Secure cookie blocks it), the cookie's own host and its path, so that the API reaches it.
 */
export function cookieUrl(cookie: Pick<BrowserCookieInput, 'domain' | 'path'>): string {
  const path = cookie.path.startsWith('/') ? cookie.path : `/${cookie.path}`;
  return `https://${hostOf(cookie.domain)}${path}`;
}

/** A cookie as the store reported it, as the input that writes it back exactly. */
export function inputOf(cookie: BrowserCookie): BrowserCookieInput {
  const sameSite: SameSiteStatus = (SAME_SITE_STATUSES as readonly string[]).includes(cookie.sameSite) ? cookie.sameSite as SameSiteStatus : 'unspecified';
  const site = cookie.partitionKey?.topLevelSite;
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path,
    secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite,
    ...(cookie.session || cookie.expirationDate === undefined ? {} : { expirationDate: cookie.expirationDate }),
    ...(site === undefined ? {} : {
      partitionKey: { topLevelSite: site, ...(cookie.partitionKey?.hasCrossSiteAncestor === undefined ? {} : { hasCrossSiteAncestor: cookie.partitionKey.hasCrossSiteAncestor }) },
    }),
  };
}

/**
 * The input as the store will key it: a partition key without `hasCrossSiteAncestor` gets the value
 * Chromium gives it (true when the cookie's site is not the top-level site: measured), so that the
 * written cookie can be found again by its identity.
 */
export function completeInput(input: BrowserCookieInput): BrowserCookieInput {
  const cookie = asciiDomain(input);
  const key = cookie.partitionKey;
  if (key === undefined || key.hasCrossSiteAncestor !== undefined) return cookie;
  let topHost: string;
  try { topHost = new URL(key.topLevelSite).hostname; } catch { return cookie; }
  return { ...cookie, partitionKey: { topLevelSite: key.topLevelSite, hasCrossSiteAncestor: siteOfHost(hostOf(cookie.domain)) !== siteOfHost(topHost) } };
}

/** The domain as the browser keys it: an internationalised one in its ASCII (punycode) form, as a URL's host. */
function asciiDomain(cookie: BrowserCookieInput): BrowserCookieInput {
  if (/^[\x21-\x7e]*$/.test(cookie.domain)) return cookie.domain === cookie.domain.toLowerCase() ? cookie : { ...cookie, domain: cookie.domain.toLowerCase() };
  try {
    const host = new URL(`https://${hostOf(cookie.domain)}/`).hostname;
    return { ...cookie, domain: cookie.domain.startsWith('.') ? `.${host}` : host };
  } catch {
    return cookie; // not a host at all: the pre-check says so
  }
}

/**
 * The input as the browser will key what it stores (the pre-check's prediction): a Domain that is an
 * IP address, or a public suffix naming itself, makes a host-only cookie.
 */
export function asStored(input: BrowserCookieInput, check: BrowserCookieCheck): BrowserCookieInput {
  const stored = check.stored;
  if (stored === undefined || stored === null) return completeInput(input);
  const cookie = completeInput(input);
  return stored.hostOnly === cookie.hostOnly && stored.domain === (cookie.hostOnly ? hostOf(cookie.domain) : `.${hostOf(cookie.domain)}`)
    ? cookie : { ...cookie, domain: stored.domain, hostOnly: stored.hostOnly };
}

/** The identity of a cookie about to be written (the store's rule: src/shared/cookieIdentity.ts). */
export function inputIdentity(input: BrowserCookieInput): CookieIdentity {
  const cookie = completeInput(input);
  const partitionKey = cookie.partitionKey;
  const domain = cookie.hostOnly ? hostOf(cookie.domain) : `.${hostOf(cookie.domain)}`;
  return browserIdentity({
    name: cookie.name, value: cookie.value, domain, hostOnly: cookie.hostOnly, path: cookie.path,
    secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite, session: cookie.expirationDate === undefined, storeId: '',
    ...(partitionKey === undefined ? {} : { partitionKey: { topLevelSite: partitionKey.topLevelSite, hasCrossSiteAncestor: partitionKey.hasCrossSiteAncestor ?? false } }),
  });
}

/** What differs between what was asked and what the store holds, one sentence each. */
export function differences(asked: BrowserCookieInput, stored: BrowserCookie, nowMs: number): string[] {
  const held = inputOf(stored);
  const out: string[] = [];
  if (held.value !== asked.value) out.push(`The browser stored the value ${JSON.stringify(held.value)}.`);
  for (const flag of ['secure', 'httpOnly'] as const) if (held[flag] !== asked[flag]) out.push(`The browser stored ${flag === 'secure' ? 'Secure' : 'HttpOnly'} as ${held[flag] ? 'on' : 'off'}.`);
  if (held.sameSite !== asked.sameSite) out.push(`The browser stored SameSite as ${held.sameSite}.`);
  if (asked.expirationDate !== undefined && held.expirationDate === undefined) out.push('The browser stored it as a session cookie.');
  if (asked.expirationDate !== undefined && held.expirationDate !== undefined && Math.abs(held.expirationDate - asked.expirationDate) > 1) {
    const days = Math.round((held.expirationDate - nowMs / 1000) / 86400);
    out.push(`The browser stored the expiry as ${new Date(held.expirationDate * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} (${days} days from now: it caps expiry at 400 days).`);
  }
  return out;
}

// --- the pre-check ---------------------------------------------------------------------------------

function partitionProblem(cookie: BrowserCookieInput): string | null {
  const key = cookie.partitionKey;
  if (key === undefined) return null;
  let top: URL;
  try { top = new URL(key.topLevelSite); } catch { return `The partition's top-level site ${JSON.stringify(key.topLevelSite)} is not a site such as https://example.com.`; }
  if (top.protocol !== 'https:' || (top.pathname !== '/' && top.pathname !== '') || top.search !== '' || top.port !== '') {
    return `The partition's top-level site ${JSON.stringify(key.topLevelSite)} must be a scheme and a host only, such as https://example.com.`;
  }
  const host = hostOf(cookie.domain);
  if (key.hasCrossSiteAncestor === false && siteOfHost(host) !== siteOfHost(top.hostname)) {
    return `A cookie of ${host} in the partition of ${key.topLevelSite} (another site) has a cross-site ancestor: Chromium refuses "hasCrossSiteAncestor: false" for it.`;
  }
  return null;
}

/** The browser model's verdict on writing `input` where the store holds `existing` of the same identity. */
export function checkWrite(input: BrowserCookieInput, existing: BrowserCookie | null, nowMs: number): BrowserCookieCheck {
  const cookie = completeInput(input);
  const problem = partitionProblem(cookie);
  if (problem !== null) {
    return { ok: false, outcome: 'refused', reasons: ['InvalidPartitionKey'], sentence: problem, notes: [], replaces: existing };
  }
  const store = new BrowserCookieStore({ browser: 'chromium', now: () => nowMs });
  if (existing !== null) store.seed([existing]);
  const details: CookieDetails = {
    url: cookieUrl(cookie), name: cookie.name, value: cookie.value, path: cookie.path,
    secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite,
    ...(cookie.hostOnly ? {} : { domain: cookie.domain.replace(/^\./, '') }),
    ...(cookie.expirationDate === undefined ? {} : { expirationDate: cookie.expirationDate }),
    ...(cookie.partitionKey === undefined ? {} : { partitionKey: { topLevelSite: cookie.partitionKey.topLevelSite, hasCrossSiteAncestor: cookie.partitionKey.hasCrossSiteAncestor ?? true } }),
  };
  const check = store.checkCookie(details);
  // The URL is made from the cookie's own domain and path, so the API reaches it: the model's
  // note about a URL that does not is moot here.
  const notes = check.notes.filter((note) => !note.startsWith('cookies.set will report'));
  const model = check.ok && check.outcome === 'stored' ? check.cookie : undefined;
  const stored: BrowserCookie | null = model === undefined ? null : {
    name: model.name, value: model.value, domain: model.domain, hostOnly: model.hostOnly, path: model.path, secure: model.secure,
    httpOnly: model.httpOnly, sameSite: model.sameSite, session: model.session, storeId: '',
    ...(model.expirationDate === undefined ? {} : { expirationDate: model.expirationDate }),
    ...(model.partitionKey === undefined ? {} : { partitionKey: { ...model.partitionKey } }),
  };
  if (stored !== null && stored.hostOnly && !cookie.hostOnly) notes.push(`It will be a host-only cookie of ${stored.domain}: the browser gives a Domain equal to an IP address or to a public suffix no subdomains.`);
  return { ok: check.ok, outcome: check.outcome, reasons: [...check.reasons], sentence: check.sentence, notes, replaces: existing, stored };
}
