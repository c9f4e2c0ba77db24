/**
 * Python's `http.cookiejar.LWPCookieJar`: "Set-Cookie3" lines, the libwww-perl format, which keeps
 * everything an RFC 2965 cookie has. Saving and loading are byte for byte Python 3.11's, except
 * that loading is atomic (see FileCookieJar) and that a cookie without a `path` attribute is a
 * LoadError (Python loads it with path None, which its own Mozilla save then crashes on; our
 * Cookie always has a path).
 */

import { Cookie } from './cookie';
import { iso2time, pyStrip, time2isoz } from './dates';
import { FileCookieJar, type FileLine, type ParseContext, type SaveOptions } from './fileCookieJar';
import type { LoadError } from './errors';
import { headerValueText, splitHeaderWords } from './headers';
import { parsePythonInt } from './request';

const MAGIC = /^#LWP-Cookies-(\d+\.\d+)/;
const HEADER = 'Set-Cookie3:';
const BOOLEAN_ATTRS = ['port_spec', 'path_spec', 'domain_dot', 'secure', 'discard'] as const;
const VALUE_ATTRS = ['version', 'port', 'path', 'domain', 'expires', 'comment', 'commenturl'] as const;
type BooleanAttr = (typeof BOOLEAN_ATTRS)[number];
type ValueAttr = (typeof VALUE_ATTRS)[number];
const isBooleanAttr = (k: string): k is BooleanAttr => (BOOLEAN_ATTRS as readonly string[]).includes(k);
const isValueAttr = (k: string): k is ValueAttr => (VALUE_ATTRS as readonly string[]).includes(k);

/**
 * Python's `lwp_cookie_str`: one cookie as the attributes of a Set-Cookie3 line (without the
 * "Set-Cookie3: " prefix). Non-standard attributes come sorted by name; a null non-standard value
 * or version is written "None", as Python's str(None). Throws CookieValueError where Python raises
 * (an expiry outside the years 1..9999, which time2isoz cannot write).
 */
export function lwpCookieStr(cookie: Cookie): string {
  const parts: string[] = [];
  pushLwpCookieStr(parts, cookie);
  return parts.join('');
}

/** lwpCookieStr's text, piece by piece onto `parts` (a file joins all its pieces once). */
function pushLwpCookieStr(parts: string[], cookie: Cookie): void {
  // join_header_words([h]): `name=value` (the value quoted unless all word characters) or a lone
  // name, joined by "; ".
  pushAttr(parts, cookie.name, cookie.value);
  pushAttr(parts, '; path', cookie.path);
  pushAttr(parts, '; domain', cookie.domain);
  if (cookie.port !== null) pushAttr(parts, '; port', cookie.port);
  if (cookie.pathSpecified) parts.push('; path_spec');
  if (cookie.portSpecified) parts.push('; port_spec');
  if (cookie.domainInitialDot) parts.push('; domain_dot');
  if (cookie.secure) parts.push('; secure');
  if (cookie.expires) pushAttr(parts, '; expires', time2isoz(cookie.expires));
  if (cookie.discard) parts.push('; discard');
  if (cookie.comment) pushAttr(parts, '; comment', cookie.comment);
  if (cookie.commentUrl) pushAttr(parts, '; commenturl', cookie.commentUrl);
  const attrs = cookie.nonstandardAttrsView();
  if (attrs.size > 0) {
    const rest = [...attrs].sort(([a], [b]) => compareCodePoints(a, b));
    for (const [k, v] of rest) pushAttr(parts, `; ${k}`, v ?? 'None');
  }
  pushAttr(parts, '; version', cookie.version === null ? 'None' : String(cookie.version));
}

function pushAttr(parts: string[], name: string, value: string | null): void {
  if (value === null) parts.push(name);
  else parts.push(name, '=', headerValueText(value));
}

/** Python's str ordering: by code point (JavaScript's default compares UTF-16 units). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]?.codePointAt(0) ?? 0) - (y[i]?.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

export class LWPCookieJar extends FileCookieJar {
  /**
   * Python's `as_lwp_str`: the Set-Cookie3 lines, each ending in "\n", without the file's header.
   * Unlike saveText, it keeps discardable and expired cookies unless told otherwise (Python's defaults).
   */
  asLwpStr(options: SaveOptions = {}): string {
    const ignoreDiscard = options.ignoreDiscard ?? true;
    const ignoreExpires = options.ignoreExpires ?? true;
    const now = this.now();
    // One array of pieces joined once (see MozillaCookieJar.saveText); the live tree in the
    // jar's iteration order, as saving does not change it.
    const parts: string[] = [];
    for (const byPath of this.cookieTree().values()) {
      for (const byName of byPath.values()) {
        for (const cookie of byName.values()) {
          if (!ignoreDiscard && cookie.discard) continue;
          if (!ignoreExpires && cookie.isExpired(now)) continue;
          parts.push('Set-Cookie3: ');
          pushLwpCookieStr(parts, cookie);
          parts.push('\n');
        }
      }
    }
    return parts.join('');
  }

  saveText(options: SaveOptions = {}): string {
    // There really isn't an LWP Cookies 2.0 format, but this indicates that there is extra
    // information in here (domain_dot and port_spec) while still being compatible with libwww-perl.
    return `#LWP-Cookies-2.0\n${this.asLwpStr({ ignoreDiscard: options.ignoreDiscard ?? false, ignoreExpires: options.ignoreExpires ?? false })}`;
  }

  protected parseText(text: string, context: ParseContext): Cookie[] {
    const { filename } = context;
    const lines = FileCookieJar.lines(text);
    const magic = lines[0];
    if (magic === undefined || !MAGIC.test(magic.text)) {
      throw FileCookieJar.lineError(`${FileCookieJar.pyRepr(filename)} does not look like a Set-Cookie3 (LWP) format file`, magic ?? { text: '', number: 1 }, filename,
        'an LWP cookies file starts with "#LWP-Cookies-2.0"');
    }
    const cookies: Cookie[] = [];
    for (const fileLine of lines.slice(1)) {
      if (!fileLine.text.startsWith(HEADER)) continue;
      for (const cookie of parseLine(fileLine, context)) {
        if (!context.ignoreDiscard && cookie.discard) continue;
        if (!context.ignoreExpires && cookie.isExpired(context.now)) continue;
        cookies.push(cookie);
      }
    }
    return cookies;
  }
}

/** The cookies of one Set-Cookie3 line (a line may hold several, separated by ","). */
function parseLine(fileLine: FileLine, context: ParseContext): Cookie[] {
  const line = pyStrip(fileLine.text.slice(HEADER.length));
  const fail = (why: string, cause?: unknown): LoadError => FileCookieJar.lineError(
    `invalid Set-Cookie3 format file ${FileCookieJar.pyRepr(context.filename)}: ${FileCookieJar.pyRepr(line)}`,
    fileLine, context.filename, why, cause,
  );
  const cookies: Cookie[] = [];
  for (const data of splitHeaderWords([line])) {
    const [first, ...attrs] = data;
    if (first === undefined) continue;
    const [name, value] = first;
    // Python keeps a boolean attribute's value as given: True for a bare one, else its string
    // ("secure=0" is the truthy "0", "secure=" the falsy ""). The last occurrence wins.
    const flags = new Map<BooleanAttr, true | string>();
    const standard = new Map<ValueAttr, string | null>();
    const rest: [string, string | null][] = [];
    for (const [key, v] of attrs) {
      // don't lose case distinction for unknown fields
      const lc = key.toLowerCase();
      const k = isValueAttr(lc) || isBooleanAttr(lc) ? lc : key;
      if (isBooleanAttr(k)) flags.set(k, v ?? true);
      else if (isValueAttr(k)) standard.set(k, v);
      else rest.push([k, v]);
    }
    const flag = (k: BooleanAttr): boolean => {
      const v = flags.get(k);
      return v === true || (v !== undefined && v !== '');
    };
    const h = (k: ValueAttr): string | null => standard.get(k) ?? null;

    let expires: number | null = null;
    const expiresText = h('expires');
    if (expiresText !== null) {
      try {
        expires = iso2time(expiresText, { now: context.now });
      } catch (error) {
        throw fail(`the expiry ${FileCookieJar.pyRepr(expiresText)} is not a valid ISO 8601 time`, error);
      }
    }
    const discard = expires === null ? true : flag('discard');
    const domain = h('domain');
    if (domain === null) throw fail('the cookie has no domain');
    const path = h('path');
    if (path === null) throw fail('the cookie has no path');
    let version: number | null = null;
    const versionText = h('version');
    if (versionText !== null) {
      const parsed = parsePythonInt(versionText);
      if (parsed === null) throw fail(`the version ${FileCookieJar.pyRepr(versionText)} is not an integer`);
      version = Number(parsed);
    }
    const port = h('port');
    const portSpecified = flag('port_spec');
    let cookie: Cookie;
    try {
      cookie = new Cookie({
        version, name, value, port, portSpecified: port === null ? false : portSpecified,
        domain, domainSpecified: domain.startsWith('.'), domainInitialDot: flag('domain_dot'),
        path, pathSpecified: flag('path_spec'), secure: flag('secure'),
        expires, discard, comment: h('comment'), commentUrl: h('commenturl'), rest,
      });
    } catch (error) {
      throw fail(error instanceof Error ? error.message : String(error), error);
    }
    if (port === null && portSpecified) {
      // Python raises only for `port_specified is True` (a bare port_spec); a port_spec with a
      // value is kept as given, truthy.
      if (flags.get('port_spec') === true) throw fail('if port is None, port_specified must be false');
      cookie.portSpecified = true;
    }
    cookies.push(cookie);
  }
  return cookies;
}

