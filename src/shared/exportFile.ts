// Export: the jar's or the browser store's cookies (of a site, or a selection) as cookies.txt in a
// dialect, LWP, Cookie-Editor JSON or a Cookie header for a URL, with what the format loses.
// The formats are src/formats'; this module picks the cookies and says what they lose on the way.
// Pure: the service worker answers exportJar with it, the popup's mock too.
import { exportCookies, toJarCookie, writeCookieFile, writeJsonCookies, type CookieFields } from '../formats';
import type { Cookie } from '../jar';
import { browserIdentity, identityKey, jarIdentity, partitionOf, type CookieIdentity } from './cookieIdentity';
import type { BrowserCookie, ExportRequest, ExportResult } from './protocol';
import { plural } from './words';

/** Where the cookies come from: the jar's of a site, the browser store's of a site. */
export interface ExportSources {
  /** The jar of the store asked about (`storeId` undefined: this instance's own). */
  jar(site: string | undefined, storeId: string | undefined): Cookie[];
  browser(site: string | undefined, storeId: string | undefined, warnings: string[]): Promise<BrowserCookie[]>;
}

const SAME_SITE_FIELD: Record<string, string | null> = { no_restriction: 'None', lax: 'Lax', strict: 'Strict', unspecified: null };

/** A browser cookie as the file formats' fields (SameSite kept, which a jar Cookie cannot say for the browser's cookies). */
export function browserFields(cookie: BrowserCookie): CookieFields {
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain.replace(/^\./, '').toLowerCase(), hostOnly: cookie.hostOnly,
    path: cookie.path, secure: cookie.secure, httpOnly: cookie.httpOnly,
    expires: cookie.session || cookie.expirationDate === undefined ? null : Math.trunc(cookie.expirationDate),
    sameSite: SAME_SITE_FIELD[cookie.sameSite] ?? null,
  };
}

function selected<T>(cookies: readonly T[], identities: readonly CookieIdentity[] | undefined, identity: (cookie: T) => CookieIdentity): T[] {
  if (identities === undefined) return [...cookies];
  const wanted = new Set(identities.map(identityKey));
  return cookies.filter((cookie) => wanted.has(identityKey(identity(cookie))));
}

function stem(site: string | undefined): string {
  return site === undefined ? 'cookies' : `cookies-${site.replace(/[^a-z0-9.-]/gi, '_')}`;
}

export async function exportFile(message: ExportRequest, sources: ExportSources, nowMs: number): Promise<ExportResult> {
  const warnings: string[] = [];
  const format = message.format;
  const dialect = message.dialect ?? 'python';
  const includeSession = message.includeSession ?? true;
  const includeExpired = message.includeExpired ?? false;
  if (format !== 'mozilla' && message.dialect !== undefined && dialect !== 'python') {
    warnings.push(`The ${format === 'lwp' ? 'LWP format has' : `${format} format has`} no dialects (the "${dialect}" dialect applies to cookies.txt only).`);
  }
  const now = nowMs / 1000;
  let cookies: Cookie[];
  let fields: CookieFields[] | null = null;
  if ((message.source ?? 'jar') === 'browser') {
    const browser = selected(await sources.browser(message.site, message.storeId, warnings), message.cookies, browserIdentity);
    const partitioned = browser.filter((c) => partitionOf(c) !== null).length;
    if (partitioned > 0 && format !== 'header') warnings.push(`${plural(partitioned, 'partitioned browser cookie loses its', 'partitioned browser cookies lose their')} partition key: the file treats ${partitioned === 1 ? 'it as an ordinary cookie' : 'them as ordinary cookies'}.`);
    // Through the formats' own fields: HttpOnly and SameSite travel as the jar keeps them (LWP
    // writes them; cookies.txt says what it loses).
    fields = browser.map(browserFields);
    cookies = fields.map((f) => toJarCookie(f));
  } else {
    cookies = selected(sources.jar(message.site, message.storeId), message.cookies, (c) => jarIdentity(c));
  }
  if (format === 'mozilla' || format === 'lwp') {
    return exportCookies(cookies, { format, dialect, site: message.site, includeSession, includeExpired }, now, warnings);
  }

  // JSON and the Cookie header: the same choices of session and expired cookies.
  const keep = cookies.map((cookie, i) => (!includeSession && cookie.discard) || (!includeExpired && cookie.isExpired(now)) ? -1 : i).filter((i) => i >= 0);
  const skippedSession = includeSession ? 0 : cookies.filter((c) => c.discard).length;
  const skippedExpired = cookies.length - keep.length - skippedSession;
  if (skippedSession > 0) warnings.push(`Left out ${plural(skippedSession, 'session cookie')} (include session cookies to keep them).`);
  if (skippedExpired > 0) warnings.push(`Left out ${plural(skippedExpired, 'expired cookie')}.`);
  const kept = keep.map((i) => cookies[i] as Cookie);
  if (format === 'json') {
    // The browser's cookies from their own fields (their SameSite survives); the jar's through src/formats.
    const written = fields === null ? writeCookieFile(kept, { to: 'json', now }) : { text: writeJsonCookies(keep.map((i) => fields[i] as CookieFields)), warnings: [] };
    return { text: written.text, filename: `${stem(message.site)}.json`, warnings: [...warnings, ...written.warnings], count: kept.length };
  }
  const url = message.url ?? '';
  const written = writeCookieFile(kept, { to: 'header', url, now });
  return { text: written.text, filename: `cookie-header-${new URL(url).hostname.replace(/[^a-z0-9.-]/gi, '_')}.txt`, warnings: [...warnings, ...written.warnings], count: written.count };
}
