// The service worker's replies (src/shared/protocol.ts) as the views' data (model.ts): pure
// functions, tested in Node.
import { Cookie } from '../jar';
import { partitionOf } from '../shared/cookieIdentity';
import { cookieTableRow } from '../shared/cookieRows';
import type { BrowserCookie, BrowserCookieInput, CookieIdentity, CookieJSON, CookieNote, CookieTableRow, DecisionEntry, Protocol, ReplayDecision, SameSiteStatus } from '../shared/protocol';
import type { CookieNoteView, CookieView, DecisionView, ExplainView, ReplayedLine } from './model';

/** The page's own URL may name the tab it is about: `?tab=ID&url=URL` ("Open in a tab", tests). */
export function tabFromLocation(search: string): { tabId: number | null; url: string | null } {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  const tabId = tab === null || !/^\d+$/.test(tab) ? null : Number(tab);
  return { tabId, url: params.get('url') };
}

/** A jar cookie (http.cookiejar's fields, as explain answers them) as the views show it: the same view as its compact row. */
export function jarCookieView(cookie: CookieJSON): CookieView {
  return tableRowView(cookieTableRow(new Cookie(cookie)));
}

/** A compact jar row (getCookieRows) as the views show it. */
export function tableRowView([name, value, domain, domainSpecified, path, secure, expires, version, port, httpOnly, sameSite]: CookieTableRow): CookieView {
  return { name, value, domain, hostOnly: !domainSpecified, path, secure, httpOnly, sameSite, expires, version, port, partitionKey: null };
}

const SAME_SITE: Record<string, string | null> = { no_restriction: 'None', lax: 'Lax', strict: 'Strict', unspecified: null };

/** A cookie of the browser's store as the views show it. */
export function browserCookieView(cookie: BrowserCookie): CookieView {
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path,
    secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite: Object.hasOwn(SAME_SITE, cookie.sameSite) ? SAME_SITE[cookie.sameSite] ?? null : cookie.sameSite,
    expires: cookie.session || cookie.expirationDate === undefined ? null : Math.floor(cookie.expirationDate),
    version: null, port: null, partitionKey: partitionOf(cookie),
    ...(cookie.partitionKey?.topLevelSite === undefined ? {} : {
      partition: { topLevelSite: cookie.partitionKey.topLevelSite, hasCrossSiteAncestor: cookie.partitionKey.hasCrossSiteAncestor ?? false },
    }),
  };
}

const SAME_SITE_STATUS: Record<string, SameSiteStatus> = { none: 'no_restriction', lax: 'lax', strict: 'strict' };

/** A cookie as the views show it, as the input that writes it into the browser's store (an unknown SameSite: not set). */
export function cookieInputOf(cookie: CookieView): BrowserCookieInput {
  return {
    name: cookie.value === null ? '' : cookie.name, value: cookie.value ?? cookie.name,
    domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path, secure: cookie.secure, httpOnly: cookie.httpOnly,
    sameSite: cookie.sameSite === null ? 'unspecified' : SAME_SITE_STATUS[cookie.sameSite.toLowerCase()] ?? 'unspecified',
    ...(cookie.expires === null ? {} : { expirationDate: cookie.expires }),
    ...(cookie.partition === undefined ? {} : { partitionKey: { ...cookie.partition } }),
  };
}

/** Which cookie of its store this is (src/shared/cookieIdentity.ts). */
export function identityOf(cookie: CookieView): CookieIdentity {
  return { domain: cookie.domain, hostOnly: cookie.hostOnly, path: cookie.path, name: cookie.name, partition: cookie.partitionKey };
}

export function decisionView(entry: DecisionEntry): DecisionView {
  return {
    time: entry.time, tabId: entry.tabId, topSite: entry.site, url: entry.requestUrl, line: entry.line,
    cookieName: entry.cookie?.name ?? null, accepted: entry.accepted, rule: entry.rule, reason: entry.reason,
    thirdParty: entry.thirdParty, label: entry.label,
    browser: entry.browser === undefined ? undefined : {
      stored: entry.browser.stored, predicted: entry.browser.predicted, reasons: entry.browser.reasons, sentence: entry.browser.sentence ?? null,
      pending: entry.browser.pending === true, flagged: entry.browser.flagged === true,
    },
  };
}

export function replayedView(decision: ReplayDecision): ReplayedLine {
  return {
    responseId: decision.responseId, url: decision.requestUrl, line: decision.line, cookieName: decision.cookie?.name ?? null,
    accepted: decision.accepted, rule: decision.rule, reason: decision.reason,
  };
}

/** explain's reply: the policy's answer over the jar and the browser's over its own store. */
export function explainView(url: string, topLevelUrl: string | null, reply: Protocol['explain']['reply']): ExplainView {
  return {
    url, topLevelUrl, header: reply.cookieHeader,
    cookies: reply.cookies.map((entry) => ({ cookie: jarCookieView(entry.cookie), sent: entry.sent, rule: entry.rule, reason: entry.reason })),
    browser: {
      header: reply.browser.cookieHeader,
      cookies: reply.browser.cookies.map((c) => ({
        name: c.name, domain: c.domain, path: c.path, partitionKey: partitionOf(c), sent: c.sent, reasons: c.reasons, sentence: c.sentence ?? null,
      })),
    },
  };
}

export function cookieNoteView(note: CookieNote): CookieNoteView {
  return { key: note.key, side: note.side, kind: note.kind, sentence: note.sentence, reasons: note.reasons ?? [], rule: note.rule ?? null };
}
