// Cookie JSON as the browser extensions write it: Cookie-Editor and EditThisCookie export an array
// of chrome.cookies.Cookie-shaped objects (`domain`, `hostOnly`, `expirationDate` in seconds,
// `httpOnly`, `sameSite` as `no_restriction`/`lax`/`strict`/`unspecified`, `session`, `storeId`;
// EditThisCookie adds `id`). Playwright's storageState (`{ "cookies": [...] }`, `expires` with -1
// for a session cookie, `sameSite` as `Lax`/`Strict`/`None`) is read too.
import type { CookieFields } from './model';
import type { LineProblem } from './netscape';

/** One entry as Cookie-Editor imports it (and EditThisCookie, and chrome.cookies.set after a small mapping). */
export interface ExtensionJsonCookie {
  domain: string;
  expirationDate?: number;
  hostOnly: boolean;
  httpOnly: boolean;
  name: string;
  path: string;
  sameSite: 'no_restriction' | 'lax' | 'strict' | 'unspecified';
  secure: boolean;
  session: boolean;
  storeId: null;
  value: string;
}

const SAME_SITE_IN: Record<string, string | null> = {
  no_restriction: 'None', none: 'None', lax: 'Lax', strict: 'Strict', unspecified: null,
};
const SAME_SITE_OUT: Record<string, ExtensionJsonCookie['sameSite']> = { none: 'no_restriction', lax: 'lax', strict: 'strict' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export interface JsonCookies { cookies: CookieFields[]; problems: LineProblem[] }

/**
 * The cookies of a JSON export. Entries that are not cookies are reported by position (as "line"
 * n: the n-th entry), never guessed at. Throws a SyntaxError with the parser's message when the
 * text is not JSON at all.
 */
export function readJsonCookies(text: string): JsonCookies {
  const data: unknown = JSON.parse(text);
  const list: unknown = isRecord(data) && Array.isArray(data['cookies']) ? data['cookies'] : data;
  const result: JsonCookies = { cookies: [], problems: [] };
  if (!Array.isArray(list)) {
    result.problems.push({ line: 1, message: 'is JSON, but neither a list of cookies nor an object with a "cookies" list' });
    return result;
  }
  list.forEach((entry: unknown, index) => {
    const at = index + 1;
    if (!isRecord(entry)) { result.problems.push({ line: at, message: 'is not an object' }); return; }
    const { name, value, domain } = entry;
    if (typeof name !== 'string' || typeof domain !== 'string' || domain === '' || (value !== undefined && value !== null && typeof value !== 'string')) {
      result.problems.push({ line: at, message: 'needs "name" and "domain" strings (and a string "value")' });
      return;
    }
    const path = typeof entry['path'] === 'string' && entry['path'].startsWith('/') ? entry['path'] : '/';
    const dotted = domain.startsWith('.');
    const hostOnly = typeof entry['hostOnly'] === 'boolean' ? entry['hostOnly'] && !dotted : !dotted;
    const when = typeof entry['expirationDate'] === 'number' ? entry['expirationDate'] : entry['expires'];
    const session = entry['session'] === true || typeof when !== 'number' || when < 0 || !Number.isFinite(when);
    const sameSiteRaw = typeof entry['sameSite'] === 'string' ? entry['sameSite'].toLowerCase() : 'unspecified';
    const text = typeof value === 'string' ? value : '';
    // An empty name is a value-less cookie, as in cookies.txt: Python's name `token`, value None.
    result.cookies.push({
      ...(name === '' ? { name: text, value: null } : { name, value: text }), domain: (dotted ? domain.slice(1) : domain).toLowerCase(), hostOnly, path,
      secure: entry['secure'] === true, httpOnly: entry['httpOnly'] === true,
      expires: session ? null : Math.floor(when),
      sameSite: SAME_SITE_IN[sameSiteRaw] ?? null,
    });
  });
  return result;
}

/** One cookie as the extensions' JSON (and chrome.cookies) has it. */
export function toExtensionCookie(c: CookieFields): ExtensionJsonCookie {
  return {
    domain: c.hostOnly ? c.domain : `.${c.domain}`,
    ...(c.expires === null ? {} : { expirationDate: c.expires }),
    hostOnly: c.hostOnly,
    httpOnly: c.httpOnly,
    // A value-less cookie (`Set-Cookie: token`) as browsers keep it: an empty name, `token` the value.
    name: c.value === null ? '' : c.name,
    path: c.path,
    sameSite: SAME_SITE_OUT[(c.sameSite ?? '').toLowerCase()] ?? 'unspecified',
    secure: c.secure,
    session: c.expires === null,
    storeId: null,
    value: c.value ?? c.name,
  };
}

/** The JSON Cookie-Editor imports (an array of chrome.cookies.Cookie-shaped objects), two-space indented. */
export function writeJsonCookies(cookies: readonly CookieFields[]): string {
  return `${JSON.stringify(cookies.map(toExtensionCookie), null, 2)}\n`;
}
