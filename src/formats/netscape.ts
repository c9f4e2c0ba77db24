// cookies.txt (the Netscape/Mozilla format) read the way its writers mean it, whatever the dialect,
// and written in the dialect of the reader that will load it (docs/export.md, docs/formats.md).
import { MozillaCookieJar, type Cookie } from '../jar';
import { isHttpOnly, toJarCookie, type CookieFields } from './model';

export type ExportDialect = 'python' | 'curl' | 'wget' | 'yt-dlp';
export const DIALECTS: readonly ExportDialect[] = ['python', 'curl', 'wget', 'yt-dlp'];

export const MAGIC_LINE = '# Netscape HTTP Cookie File';
/** The first line Python, yt-dlp and Perl require (`NETSCAPE_MAGIC_RGX`, matched at the start). */
export const MAGIC = /^#( Netscape)? HTTP Cookie File/;
export const HTTPONLY_PREFIX = '#HttpOnly_';

// eslint-disable-next-line no-control-regex -- control characters are exactly what we look for
const UNSAFE = /[\x00-\x1f\x7f]/;

/** Whether a field holds a character that breaks or is misread in the line format (C0 controls, DEL). */
export function breaksLine(text: string): boolean {
  return UNSAFE.test(text);
}

/** A cookie whose name, value, domain or path would break its line. */
export function unsafeForLines(cookie: Cookie): boolean {
  return [cookie.name, cookie.value ?? '', cookie.domain, cookie.path].some(breaksLine);
}

const HEADERS: Record<Exclude<ExportDialect, 'python'>, string> = {
  curl: `${MAGIC_LINE}\n# https://curl.se/docs/http-cookies.html\n# Written by Cookie Jar Inspector for curl -b.\n\n`,
  wget: `${MAGIC_LINE}\n# Written by Cookie Jar Inspector for wget --load-cookies.\n\n`,
  'yt-dlp': `${MAGIC_LINE}\n# Written by Cookie Jar Inspector for yt-dlp --cookies.  Do not edit.\n\n`,
};

/** One Netscape line, as MozillaCookieJar writes it, with the dialect's session and HttpOnly conventions. */
function dialectLine(cookie: Cookie, dialect: Exclude<ExportDialect, 'python'>): string {
  const initialDot = cookie.domain.startsWith('.') ? 'TRUE' : 'FALSE';
  const secure = cookie.secure ? 'TRUE' : 'FALSE';
  const expires = String(cookie.expires ?? 0);
  // A cookie without a value: an empty name field and the name as the value, as Python writes it.
  const [name, value] = cookie.value === null ? ['', cookie.name] : [cookie.name, cookie.value];
  const domain = dialect !== 'wget' && isHttpOnly(cookie) ? `${HTTPONLY_PREFIX}${cookie.domain}` : cookie.domain;
  return [domain, initialDot, cookie.path, secure, expires, name, value].join('\t');
}

/**
 * The cookies.txt text of these cookies in a dialect. The caller has left out the cookies that
 * `unsafeForLines` refuses. `python` is exactly what MozillaCookieJar.save writes.
 */
export function writeCookiesTxt(cookies: readonly Cookie[], dialect: ExportDialect): string {
  if (dialect === 'python') {
    const jar = new MozillaCookieJar();
    for (const cookie of cookies) jar.setCookie(cookie);
    return jar.saveText({ ignoreDiscard: true, ignoreExpires: true });
  }
  return HEADERS[dialect] + cookies.map((cookie) => `${dialectLine(cookie, dialect)}\n`).join('');
}

/** A line that could not be read as a cookie, with its 1-based number. */
export interface LineProblem { line: number; message: string }

export interface CookiesTxt {
  cookies: CookieFields[];
  /** Whether the first line is the magic line Python, yt-dlp and Perl require. */
  hasMagic: boolean;
  problems: LineProblem[];
}

const TRUE_FALSE = /^(true|false)$/i;

/**
 * Reads cookies.txt the way its writers mean it, whatever the dialect: `#HttpOnly_` lines, TRUE or
 * true, expiry 0 or empty for a session cookie, with or without the magic line, CRLF or LF. A
 * domain cookie is one whose domain has the leading dot or whose flag says TRUE (when the two
 * disagree, the broader reading). A line with an empty name field is Python's value-less cookie.
 * Lines that are not cookies are reported, never guessed at.
 */
export function readCookiesTxt(text: string): CookiesTxt {
  const lines = text.split(/\r\n|\n|\r/);
  const result: CookiesTxt = { cookies: [], hasMagic: MAGIC.test(lines[0] ?? ''), problems: [] };
  lines.forEach((raw, index) => {
    const number = index + 1;
    let line = raw;
    let httpOnly = false;
    if (line.startsWith(HTTPONLY_PREFIX)) { httpOnly = true; line = line.slice(HTTPONLY_PREFIX.length); }
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('$')) return;
    const fields = line.split('\t');
    if (fields.length !== 7) {
      result.problems.push({ line: number, message: `has ${fields.length} tab-separated fields, not 7 (domain, subdomains flag, path, secure, expiry, name, value)` });
      return;
    }
    const [domainField, flag, path, secure, expiry, nameField, valueField] = fields as [string, string, string, string, string, string, string];
    if (domainField === '' || domainField === '.') { result.problems.push({ line: number, message: 'has no domain' }); return; }
    if (!TRUE_FALSE.test(flag) || !TRUE_FALSE.test(secure)) {
      result.problems.push({ line: number, message: `has ${JSON.stringify(TRUE_FALSE.test(flag) ? secure : flag)} where TRUE or FALSE belongs` });
      return;
    }
    if (!path.startsWith('/')) { result.problems.push({ line: number, message: `has the path ${JSON.stringify(path)}, which does not start with "/"` }); return; }
    let expires: number | null;
    if (expiry === '' || expiry === '0') expires = null;
    else if (/^\d+(\.\d*)?$/.test(expiry)) expires = Math.floor(Number(expiry));
    else { result.problems.push({ line: number, message: `has the expiry ${JSON.stringify(expiry)}, not a number of seconds` }); return; }
    const dotted = domainField.startsWith('.');
    const [name, value] = nameField === '' ? [valueField, null] : [nameField, valueField];
    result.cookies.push({
      name, value, domain: (dotted ? domainField.slice(1) : domainField).toLowerCase(),
      hostOnly: !dotted && flag.toUpperCase() !== 'TRUE', path, secure: secure.toUpperCase() === 'TRUE',
      expires, httpOnly, sameSite: null,
    });
  });
  return result;
}

/** Jar cookies from cookies.txt fields (no path was "specified": Python's load says the same). */
export function cookiesTxtToJar(fields: readonly CookieFields[]): Cookie[] {
  return fields.map((f) => toJarCookie(f, false));
}
