// cookies.txt and LWP text for the tools on the other end (the extension's Export view and the CLI's
// `convert`). The dialects are in netscape.ts and docs/export.md. Every dialect writes whole-second
// expiries, and leaves out, with a warning, a cookie whose name, value, domain or path holds a C0
// control character or DEL (it would break the line).
import { LWPCookieJar, type Cookie } from '../jar';
import { cookieList, isHttpOnly, plural, sameSiteOf } from './model';
import { unsafeForLines, writeCookiesTxt, type ExportDialect } from './netscape';

/** The file formats an export writes: Mozilla/Netscape cookies.txt, or LWP's Set-Cookie3 lines. */
export type ExportFormat = 'mozilla' | 'lwp';
export type { ExportDialect } from './netscape';
/** The file text, a suggested file name, what was lost (warnings) and how many cookies were written. */
export interface ExportResult { text: string; filename: string; warnings: string[]; count: number }

export interface ExportOptions {
  format: ExportFormat;
  dialect: ExportDialect;
  includeSession: boolean;
  includeExpired: boolean;
  site?: string | undefined;
}

/** The LWP file (Set-Cookie3 lines, every attribute kept) that Python's LWPCookieJar writes. */
export function writeLwp(cookies: readonly Cookie[]): string {
  const jar = new LWPCookieJar();
  for (const cookie of cookies) jar.setCookie(cookie);
  return jar.saveText({ ignoreDiscard: true, ignoreExpires: true });
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** What a cookies.txt in this dialect loses of these cookies, one sentence each. */
export function cookiesTxtLosses(cookies: readonly Cookie[], dialect: ExportDialect): string[] {
  const warnings: string[] = [];
  const sameSite = cookies.filter((c) => sameSiteOf(c) !== null).length;
  if (sameSite > 0) warnings.push(`cookies.txt has no SameSite field: ${plural(sameSite, 'cookie')} lose it.`);
  const rfc2965 = cookies.filter((c) => (c.version ?? 0) > 0 || c.port !== null).length;
  if (rfc2965 > 0) warnings.push(`cookies.txt has no version or port field: ${plural(rfc2965, 'RFC 2965 cookie')} are written as Netscape cookies.`);
  if (dialect === 'python') {
    const session = cookies.filter((c) => c.expires === null).length;
    if (session > 0) warnings.push(`${plural(session, 'session cookie')} written with an empty expiry, as Python does: curl and wget drop such lines (use their dialects).`);
  }
  const valueless = cookies.filter((c) => c.value === null).length;
  if (valueless > 0 && dialect === 'curl') warnings.push(`curl reads ${plural(valueless, 'cookie')} without a value (Set-Cookie: token) as "token=" (no cookies.txt line says otherwise to it).`);
  if (valueless > 0 && dialect === 'wget') warnings.push(`wget drops ${plural(valueless, 'cookie')} without a value (Set-Cookie: token): cookies.txt cannot give it one.`);
  if (dialect === 'curl') {
    const long = cookies.filter((c) => utf8Length(c.domain) + utf8Length(c.path) + utf8Length(c.name) + utf8Length(c.value ?? '') + 40 >= 4999).length;
    if (long > 0) warnings.push(`curl drops lines of 5,000 bytes or more: ${plural(long, 'cookie')} too long for it.`);
  }
  const httpOnly = cookies.filter(isHttpOnly).length;
  if (dialect === 'wget' && httpOnly > 0) {
    warnings.push(`wget skips #HttpOnly_ lines, so ${plural(httpOnly, 'HttpOnly cookie')} are written without the prefix: the HttpOnly flag is lost.`);
  }
  return warnings;
}

/** The cookies that can be written in lines, and a warning naming those that cannot. */
export function keepLineSafe(cookies: Iterable<Cookie>, warnings: string[]): Cookie[] {
  const kept: Cookie[] = [];
  const unsafe: Cookie[] = [];
  for (const cookie of cookies) (unsafeForLines(cookie) ? unsafe : kept).push(cookie);
  if (unsafe.length > 0) {
    warnings.push(`Left out ${plural(unsafe.length, 'cookie')} whose name, value, domain or path holds a tab, line break or other control character, which would break the file: ${cookieList(unsafe)}.`);
  }
  return kept;
}

/** The file text for these cookies (in the order given), a suggested file name and what was lost. */
export function exportCookies(cookies: Iterable<Cookie>, options: ExportOptions, nowSeconds: number, warnings: string[] = []): ExportResult {
  const wanted: Cookie[] = [];
  let skippedSession = 0;
  let skippedExpired = 0;
  for (const cookie of cookies) {
    if (!options.includeSession && cookie.discard) { skippedSession++; continue; }
    if (!options.includeExpired && cookie.isExpired(nowSeconds)) { skippedExpired++; continue; }
    wanted.push(cookie);
  }
  const kept = keepLineSafe(wanted, warnings);
  if (skippedSession > 0) warnings.push(`Left out ${plural(skippedSession, 'session cookie')} (include session cookies to keep them).`);
  if (skippedExpired > 0) warnings.push(`Left out ${plural(skippedExpired, 'expired cookie')}.`);

  let text: string;
  if (options.format === 'lwp') {
    text = writeLwp(kept);
  } else {
    warnings.push(...cookiesTxtLosses(kept, options.dialect));
    text = writeCookiesTxt(kept, options.dialect);
  }
  const stem = options.site === undefined ? 'cookies' : `cookies-${options.site.replace(/[^a-z0-9.-]/gi, '_')}`;
  return { text, filename: `${stem}.${options.format === 'lwp' ? 'lwp' : 'txt'}`, warnings, count: kept.length };
}
