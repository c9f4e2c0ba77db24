// Before a cookie is written into the browser's store: what the browser will do with it, from the
// browser model's `cookies.set` pre-check (src/browser-model, docs/browser-model.md), plus the
// partition-key rules Chromium's API applies on top (measured: a first-party
// `hasCrossSiteAncestor` for a cookie of another site than the top-level one is an error).
import { BrowserCookieStore, type CookieDetails } from '../browser-model';
import type { BrowserCookie, BrowserCookieCheck, BrowserCookieInput } from '../shared/protocol';
import { completeInput, cookieUrl } from './browserStore';
import { siteOf } from './cookies';

function partitionProblem(cookie: BrowserCookieInput): string | null {
  const key = cookie.partitionKey;
  if (key === undefined) return null;
  let top: URL;
  try { top = new URL(key.topLevelSite); } catch { return `The partition's top-level site ${JSON.stringify(key.topLevelSite)} is not a site such as https://example.com.`; }
  if (top.protocol !== 'https:' || (top.pathname !== '/' && top.pathname !== '') || top.search !== '' || top.port !== '') {
    return `The partition's top-level site ${JSON.stringify(key.topLevelSite)} must be a scheme and a host only, such as https://example.com.`;
  }
  const host = cookie.domain.replace(/^\./, '');
  if (key.hasCrossSiteAncestor === false && siteOf(host) !== siteOf(top.hostname)) {
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
  return { ok: check.ok, outcome: check.outcome, reasons: [...check.reasons], sentence: check.sentence, notes, replaces: existing };
}
