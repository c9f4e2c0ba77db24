// cookies.txt and LWP text for the tools on the other end. MozillaCookieJar.saveText is the `python`
// dialect; this layer writes the others (see docs/export.md):
//   curl    session cookies with expiry 0, HttpOnly as the `#HttpOnly_` prefix
//   wget    session cookies with expiry 0, no `#HttpOnly_` prefix (wget skips such lines as comments)
//   yt-dlp  session cookies with expiry 0, `#HttpOnly_` prefix, the magic first line its loader checks
// Every dialect writes whole-second expiries, and leaves out, with a warning, a cookie whose name,
// value, domain or path holds a tab, CR, LF or other control character (it would break the line).
import { LWPCookieJar, MozillaCookieJar, type Cookie } from '../jar';

/** The file formats an export writes: Mozilla/Netscape cookies.txt, or LWP's Set-Cookie3 lines. */
export type ExportFormat = 'mozilla' | 'lwp';
/** The cookies.txt dialects, one per reader that disagrees with the others (docs/export.md). */
export type ExportDialect = 'python' | 'curl' | 'wget' | 'yt-dlp';
/** The file text, a suggested file name, what was lost (warnings) and how many cookies were written. */
export interface ExportResult { text: string; filename: string; warnings: string[]; count: number }

export interface ExportOptions {
  format: ExportFormat;
  dialect: ExportDialect;
  includeSession: boolean;
  includeExpired: boolean;
  site?: string | undefined;
}

// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const UNSAFE = /[\x00-\x1f\x7f]/;

const HEADERS: Record<Exclude<ExportDialect, 'python'>, string> = {
  curl: '# Netscape HTTP Cookie File\n# https://curl.se/docs/http-cookies.html\n# Written by Cookie Jar Inspector for curl -b.\n\n',
  wget: '# Netscape HTTP Cookie File\n# Written by Cookie Jar Inspector for wget --load-cookies.\n\n',
  'yt-dlp': '# Netscape HTTP Cookie File\n# Written by Cookie Jar Inspector for yt-dlp --cookies.  Do not edit.\n\n',
};

export function isHttpOnly(cookie: Cookie): boolean {
  return cookie.nonstandardAttrs().some(([name]) => name.toLowerCase() === 'httponly');
}

function sameSiteOf(cookie: Cookie): boolean {
  return cookie.nonstandardAttrs().some(([name]) => name.toLowerCase() === 'samesite');
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function names(cookies: readonly Cookie[]): string {
  const shown = cookies.slice(0, 5).map((c) => `${JSON.stringify(c.name)} (${c.domain})`).join(', ');
  return cookies.length > 5 ? `${shown}, …` : shown;
}

/** One Netscape line, as MozillaCookieJar writes it, with the dialect's session and HttpOnly conventions. */
function mozillaLine(cookie: Cookie, dialect: Exclude<ExportDialect, 'python'>): string {
  const initialDot = cookie.domain.startsWith('.') ? 'TRUE' : 'FALSE';
  const secure = cookie.secure ? 'TRUE' : 'FALSE';
  const expires = String(cookie.expires ?? 0);
  const [name, value] = cookie.value === null ? ['', cookie.name] : [cookie.name, cookie.value];
  const domain = dialect !== 'wget' && isHttpOnly(cookie) ? `#HttpOnly_${cookie.domain}` : cookie.domain;
  return [domain, initialDot, cookie.path, secure, expires, name, value].join('\t');
}

/** The file text for these cookies (in the order given), a suggested file name and what was lost. */
export function exportCookies(cookies: Iterable<Cookie>, options: ExportOptions, nowSeconds: number, warnings: string[] = []): ExportResult {
  const kept: Cookie[] = [];
  const unsafe: Cookie[] = [];
  let skippedSession = 0;
  let skippedExpired = 0;
  for (const cookie of cookies) {
    if (!options.includeSession && cookie.discard) { skippedSession++; continue; }
    if (!options.includeExpired && cookie.isExpired(nowSeconds)) { skippedExpired++; continue; }
    if ([cookie.name, cookie.value ?? '', cookie.domain, cookie.path].some((field) => UNSAFE.test(field))) { unsafe.push(cookie); continue; }
    kept.push(cookie);
  }
  if (unsafe.length > 0) {
    warnings.push(`Left out ${plural(unsafe.length, 'cookie')} whose name, value, domain or path holds a tab, line break or other control character, which would break the file: ${names(unsafe)}.`);
  }
  if (skippedSession > 0) warnings.push(`Left out ${plural(skippedSession, 'session cookie')} (include session cookies to keep them).`);
  if (skippedExpired > 0) warnings.push(`Left out ${plural(skippedExpired, 'expired cookie')}.`);

  let text: string;
  if (options.format === 'lwp') {
    const jar = new LWPCookieJar();
    for (const cookie of kept) jar.setCookie(cookie);
    text = jar.saveText({ ignoreDiscard: true, ignoreExpires: true });
  } else {
    const sameSite = kept.filter(sameSiteOf).length;
    if (sameSite > 0) warnings.push(`cookies.txt has no SameSite field: ${plural(sameSite, 'cookie')} lose it.`);
    const rfc2965 = kept.filter((c) => (c.version ?? 0) > 0 || c.port !== null).length;
    if (rfc2965 > 0) warnings.push(`cookies.txt has no version or port field: ${plural(rfc2965, 'RFC 2965 cookie')} are written as Netscape cookies.`);
    if (options.dialect === 'python') {
      const jar = new MozillaCookieJar();
      for (const cookie of kept) jar.setCookie(cookie);
      text = jar.saveText({ ignoreDiscard: true, ignoreExpires: true });
      const session = kept.filter((c) => c.expires === null).length;
      if (session > 0) warnings.push(`${plural(session, 'session cookie')} written with an empty expiry, as Python does: curl and wget drop such lines (use their dialects).`);
    } else {
      text = HEADERS[options.dialect] + kept.map((cookie) => `${mozillaLine(cookie, options.dialect as Exclude<ExportDialect, 'python'>)}\n`).join('');
      const httpOnly = kept.filter(isHttpOnly).length;
      if (options.dialect === 'wget' && httpOnly > 0) {
        warnings.push(`wget skips #HttpOnly_ lines, so ${plural(httpOnly, 'HttpOnly cookie')} are written without the prefix: the HttpOnly flag is lost.`);
      }
    }
  }
  const stem = options.site === undefined ? 'cookies' : `cookies-${options.site.replace(/[^a-z0-9.-]/gi, '_')}`;
  return { text, filename: `${stem}.${options.format === 'lwp' ? 'lwp' : 'txt'}`, warnings, count: kept.length };
}
