/**
 * Python's `http.cookiejar.LWPCookieJar`: "Set-Cookie3" lines, the libwww-perl format, which keeps
 * everything an RFC 2965 cookie has. Saving and loading are byte for byte Python 3.11's, except
 * that loading is atomic (see FileCookieJar) and that a cookie without a `path` attribute is a
 * LoadError (Python loads it with path None, which its own Mozilla save then crashes on; our
 * Cookie always has a path).
 */

import { Cookie } from './cookie';
import { iso2time, isPythonSpace, time2isoz, type DateParseOptions } from './dates';
import {
  FileCookieJar, LastConversion, LineReader, TextBuilder, type FileLine, type ParseContext, type PreviousFields, type SaveOptions,
} from './fileCookieJar';
import type { LoadError } from './errors';
import { headerValueText, splitHeaderWords, type HeaderPair } from './headers';
import { asciiInteger, parsePythonInt } from './request';

const MAGIC = /^#LWP-Cookies-(\d+\.\d+)/;
const HEADER = 'Set-Cookie3:';
const NO_REST: readonly (readonly [string, string | null])[] = [];

/**
 * Python's `lwp_cookie_str`: one cookie as the attributes of a Set-Cookie3 line (without the
 * "Set-Cookie3: " prefix). Non-standard attributes come sorted by name; a null non-standard value
 * or version is written "None", as Python's str(None). Throws CookieValueError where Python raises
 * (an expiry outside the years 1..9999, which time2isoz cannot write).
 */
export function lwpCookieStr(cookie: Cookie): string {
  const parts: string[] = [];
  pushLwpCookieStr(parts, cookie, new LwpValueTexts());
  return parts.join('');
}

/**
 * The written (quoted) forms of the values that repeat from one cookie to the next in a file, each
 * remembered for the last value.
 */
class LwpValueTexts {
  readonly path = new LastConversion(headerValueText);
  readonly domain = new LastConversion(headerValueText);
  readonly expires = new LastConversion((t: number) => headerValueText(time2isoz(t)));
}

/** lwpCookieStr's text, piece by piece onto `parts` (a file joins all its pieces at the end). */
function pushLwpCookieStr(parts: string[], cookie: Cookie, texts: LwpValueTexts): void {
  // join_header_words([h]): `name=value` (the value quoted unless all word characters) or a lone
  // name, joined by "; ".
  pushAttr(parts, cookie.name, cookie.value);
  parts.push('; path=', texts.path.of(cookie.path), '; domain=', texts.domain.of(cookie.domain));
  if (cookie.port !== null) pushAttr(parts, '; port', cookie.port);
  if (cookie.pathSpecified) parts.push('; path_spec');
  if (cookie.portSpecified) parts.push('; port_spec');
  if (cookie.domainInitialDot) parts.push('; domain_dot');
  if (cookie.secure) parts.push('; secure');
  if (cookie.expires) parts.push('; expires=', texts.expires.of(cookie.expires));
  if (cookie.discard) parts.push('; discard');
  if (cookie.comment) pushAttr(parts, '; comment', cookie.comment);
  if (cookie.commentUrl) pushAttr(parts, '; commenturl', cookie.commentUrl);
  const attrs = cookie.nonstandardAttrsView();
  if (attrs.size > 0) {
    const rest = [...attrs].sort(([a], [b]) => compareCodePoints(a, b));
    for (const [k, v] of rest) pushAttr(parts, `; ${k}`, v ?? 'None');
  }
  if (cookie.version === 0) parts.push('; version=0');
  else pushAttr(parts, '; version', cookie.version === null ? 'None' : String(cookie.version));
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
    const out = new TextBuilder();
    const texts = new LwpValueTexts();
    // The live tree, in the jar's iteration order: saving does not change it, so no snapshot.
    for (const byPath of this.cookieTree().values()) {
      for (const byName of byPath.values()) {
        for (const cookie of byName.values()) {
          if (!ignoreDiscard && cookie.discard) continue;
          if (!ignoreExpires && cookie.isExpired(now)) continue;
          out.pieces.push('Set-Cookie3: ');
          pushLwpCookieStr(out.pieces, cookie, texts);
          out.pieces.push('\n');
          out.endRecord();
        }
      }
    }
    return out.text();
  }

  saveText(options: SaveOptions = {}): string {
    // There really isn't an LWP Cookies 2.0 format, but this indicates that there is extra
    // information in here (domain_dot and port_spec) while still being compatible with libwww-perl.
    return `#LWP-Cookies-2.0\n${this.asLwpStr({ ignoreDiscard: options.ignoreDiscard ?? false, ignoreExpires: options.ignoreExpires ?? false })}`;
  }

  protected parseText(text: string, context: ParseContext): Cookie[] {
    const { filename } = context;
    const reader = new LineReader(text);
    if (!reader.next() || !MAGIC.test(reader.text)) {
      throw FileCookieJar.lineError(`${FileCookieJar.pyRepr(filename)} does not look like a Set-Cookie3 (LWP) format file`, reader.number === 0 ? { text: '', number: 1 } : reader, filename,
        'an LWP cookies file starts with "#LWP-Cookies-2.0"');
    }
    const cookies: Cookie[] = [];
    const previous: PreviousFields = { domain: '', path: '' };
    const dateOptions = { now: context.now };
    // The lines after the first are read in place (no slice per line, as in the Mozilla format).
    const source = reader.source;
    let number = reader.number;
    for (let start = reader.nextStart; start < source.length;) {
      const newline = source.indexOf('\n', start);
      const stop = newline === -1 ? source.length : newline + 1;
      number++;
      if (source.startsWith(HEADER, start)) {
        const lineCookies = parseLine(source, start, stop, number, context, previous, dateOptions);
        for (let i = 0; i < lineCookies.length; i++) {
          const cookie = lineCookies[i] as Cookie;
          if (!context.ignoreDiscard && cookie.discard) continue;
          if (!context.ignoreExpires && cookie.isExpired(context.now)) continue;
          cookies.push(cookie);
        }
      }
      start = stop;
    }
    return cookies;
  }
}

/** A boolean attribute as Python keeps it: True for a bare one, else its string; undefined if absent. */
type Flag = true | string | undefined;
/** Python's truth of a boolean attribute: "secure=0" is the truthy "0", "secure=" the falsy "". */
const isSet = (flag: Flag): boolean => flag === true || (flag !== undefined && flag !== '');

/** The cookies of one Set-Cookie3 line (a line may hold several, separated by ","). */
function parseLine(
  source: string, lineStart: number, lineStop: number, number: number, context: ParseContext, previous: PreviousFields, dateOptions: DateParseOptions,
): Cookie[] {
  // line[len(HEADER):].strip(), sliced once
  let start = lineStart + HEADER.length;
  let end = lineStop;
  while (start < end && isPythonSpace(source.charCodeAt(start))) start++;
  while (end > start && isPythonSpace(source.charCodeAt(end - 1))) end--;
  const line = source.slice(start, end);
  const fileLine: FileLine = new SourceLine(source, lineStart, lineStop, number);
  const cookies: Cookie[] = [];
  for (const data of splitHeaderWords([line])) {
    const first = data[0];
    if (first === undefined) continue;
    const [name, value] = first;
    // The last occurrence of an attribute wins; names of known attributes in any letter case.
    let version: string | null = null;
    let port: string | null = null;
    let path: string | null = null;
    let domain: string | null = null;
    let expiresText: string | null = null;
    let comment: string | null = null;
    let commentUrl: string | null = null;
    let portSpec: Flag;
    let pathSpec: Flag;
    let domainDot: Flag;
    let secure: Flag;
    let discardFlag: Flag;
    let rest: [string, string | null][] | undefined;
    for (let i = 1; i < data.length; i++) {
      const pair = data[i] as HeaderPair;
      const key = pair[0];
      const v = pair[1];
      switch (asciiLowerCase(key)) {
        case 'version': version = v; break;
        case 'port': port = v; break;
        case 'path': path = v; break;
        case 'domain': domain = v; break;
        case 'expires': expiresText = v; break;
        case 'comment': comment = v; break;
        case 'commenturl': commentUrl = v; break;
        case 'port_spec': portSpec = v ?? true; break;
        case 'path_spec': pathSpec = v ?? true; break;
        case 'domain_dot': domainDot = v ?? true; break;
        case 'secure': secure = v ?? true; break;
        case 'discard': discardFlag = v ?? true; break;
        // don't lose case distinction for unknown fields
        default: (rest ??= []).push([key, v]);
      }
    }

    let expires: number | null = null;
    if (expiresText !== null) {
      try {
        expires = iso2time(expiresText, dateOptions);
      } catch (error) {
        throw lineError(fileLine, line, context, `the expiry ${FileCookieJar.pyRepr(expiresText)} is not a valid ISO 8601 time`, error);
      }
    }
    const discard = expires === null ? true : isSet(discardFlag);
    if (domain === null) throw lineError(fileLine, line, context, 'the cookie has no domain');
    if (path === null) throw lineError(fileLine, line, context, 'the cookie has no path');
    // Equal to the last cookie's (a file lists a site's cookies together): keep that one string.
    if (domain === previous.domain) domain = previous.domain;
    else previous.domain = domain;
    if (path === previous.path) path = previous.path;
    else previous.path = path;
    let versionNumber: number | null = null;
    if (version !== null) {
      const parsed = asciiInteger(version, 0, version.length) ?? parsePythonInt(version);
      if (parsed === null) throw lineError(fileLine, line, context, `the version ${FileCookieJar.pyRepr(version)} is not an integer`);
      versionNumber = Number(parsed);
    }
    const portSpecified = isSet(portSpec);
    let cookie: Cookie;
    try {
      cookie = new Cookie({
        version: versionNumber, name, value, port, portSpecified: port === null ? false : portSpecified,
        domain, domainSpecified: domain.startsWith('.'), domainInitialDot: isSet(domainDot),
        path, pathSpecified: isSet(pathSpec), secure: isSet(secure),
        expires, discard, comment, commentUrl, rest: rest ?? NO_REST,
      });
    } catch (error) {
      throw lineError(fileLine, line, context, error instanceof Error ? error.message : String(error), error);
    }
    if (port === null && portSpecified) {
      // Python raises only for `port_specified is True` (a bare port_spec); a port_spec with a
      // value is kept as given, truthy.
      if (portSpec === true) throw lineError(fileLine, line, context, 'if port is None, port_specified must be false');
      cookie.portSpecified = true;
    }
    cookies.push(cookie);
  }
  return cookies;
}

/** `key.toLowerCase()`, without a new string when that would change nothing (an LWP file's attribute names). */
function asciiLowerCase(key: string): string {
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || c >= 0x80) return key.toLowerCase();
  }
  return key;
}

/** A line of the file by its bounds, its text sliced out only if an error message asks for it. */
class SourceLine implements FileLine {
  constructor(private readonly source: string, private readonly start: number, private readonly stop: number, readonly number: number) {}

  get text(): string {
    return this.source.slice(this.start, this.stop);
  }
}

function lineError(fileLine: FileLine, line: string, context: ParseContext, why: string, cause?: unknown): LoadError {
  return FileCookieJar.lineError(
    `invalid Set-Cookie3 format file ${FileCookieJar.pyRepr(context.filename)}: ${FileCookieJar.pyRepr(line)}`,
    fileLine, context.filename, why, cause,
  );
}
