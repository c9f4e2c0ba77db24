/**
 * Python's `http.cookiejar.MozillaCookieJar`: the Netscape/Mozilla `cookies.txt` format that curl,
 * wget and yt-dlp read. `saveText` is byte for byte what Python 3.11's `save` writes (this is the
 * `python` export dialect; other dialects are applied by the export layer).
 *
 * Deliberate deviations from Python 3.11, each after a CPython issue:
 * - gh-113775: a cookie with an HttpOnly non-standard attribute in any letter case (`HttpOnly` as a
 *   Set-Cookie header spells it, or `HTTPOnly` as a loaded file gives it) is saved with the
 *   `#HttpOnly_` prefix. Python compares against "HTTPOnly" case-sensitively and drops the flag.
 *   (No fix is merged upstream yet: PR #113795 is open.)
 * - gh-61366: on load, an expiry of `0` means a session cookie (expires null, discard true), the
 *   curl/wget convention, as newer CPython reads it (merged PR #11792: `expires == "0" or ""`).
 *   Python 3.11 reads it as expired in 1970.
 * - Loading is atomic (see FileCookieJar).
 */

import { Cookie, type CookieInit } from './cookie';
import { isPythonSpace, pyStrip } from './dates';
import {
  FileCookieJar, LineReader, type FileLine, type ParseContext, type PreviousFields, type SaveOptions,
} from './fileCookieJar';
import { StringPool } from './strings';
import type { LoadError } from './errors';
import { asciiInteger, decimalDigitValue } from './request';

const HTTPONLY_ATTR = 'HTTPOnly';
const HTTPONLY_PREFIX = '#HttpOnly_';
const HTTPONLY_REST: readonly (readonly [string, string])[] = [[HTTPONLY_ATTR, '']];
const NO_REST: readonly (readonly [string, string])[] = [];
const HASH = 0x23;
const DOLLAR = 0x24;
const NEWLINE = 0x0a;
const NETSCAPE_MAGIC = /^#( Netscape)? HTTP Cookie File/;
const NETSCAPE_HEADER_TEXT = `# Netscape HTTP Cookie File
# http://curl.haxx.se/rfc/cookie_spec.html
# This is a generated file!  Do not edit.

`;

export class MozillaCookieJar extends FileCookieJar {
  saveText(options: SaveOptions = {}): string {
    const ignoreDiscard = options.ignoreDiscard ?? false;
    const ignoreExpires = options.ignoreExpires ?? false;
    const now = this.now();
    const out = new LineWriter(NETSCAPE_HEADER_TEXT);
    const heads = new LineHeads();
    // The live tree, in the jar's iteration order: saving does not change it, so no snapshot.
    for (const byPath of this.cookieTree().values()) {
      prefetchDomain(byPath);
      for (const byName of byPath.values()) {
        for (const cookie of byName.values()) {
          if (!ignoreDiscard && cookie.discard) continue;
          if (!ignoreExpires && cookie.isExpired(now)) continue;
          // cookies.txt regards 'Set-Cookie: foo' as a cookie with no name, whereas http.cookiejar
          // regards it as a cookie with no value.
          const value = cookie.value;
          const head = heads.of(cookie.domain, cookie.path, cookie.secure, cookie.expires);
          // gh-113775: HttpOnly in any letter case
          out.line(hasHttpOnly(cookie) ? HTTPONLY_PREFIX + head : head, value === null ? '' : cookie.name, value ?? cookie.name);
        }
      }
    }
    return out.text();
  }

  protected parseText(text: string, context: ParseContext): Cookie[] {
    const { filename } = context;
    const reader = new LineReader(text);
    if (!reader.next() || !NETSCAPE_MAGIC.test(reader.text)) {
      throw FileCookieJar.lineError(`${FileCookieJar.pyRepr(filename)} does not look like a Netscape format cookies file`, reader.number === 0 ? { text: '', number: 1 } : reader, filename,
        'a cookies.txt file starts with "# Netscape HTTP Cookie File"');
    }
    const cookies: Cookie[] = [];
    const previous: PreviousFields = { domain: '', path: '' };
    const names = new StringPool();
    // One CookieInit, refilled for each line (the Cookie copies its fields): not one object per line.
    const init: CookieInit = {
      version: 0, name: '', value: null, port: null, portSpecified: false, domain: '', domainSpecified: false, domainInitialDot: false,
      path: '', pathSpecified: false, secure: false, expires: null, discard: false, comment: null, commentUrl: null, rest: NO_REST,
    };
    // The lines after the first are read in place (no slice per line): parseLine takes the
    // line's bounds in the text, and only an error message slices the line out.
    const source = reader.source;
    let number = reader.number;
    for (let start = reader.nextStart; start < source.length;) {
      const newline = source.indexOf('\n', start);
      const stop = newline === -1 ? source.length : newline + 1;
      const cookie = parseLine(source, start, stop, ++number, context, previous, names, init);
      start = stop;
      if (cookie === null) continue;
      if (!context.ignoreDiscard && cookie.discard) continue;
      if (!context.ignoreExpires && cookie.isExpired(context.now)) continue;
      cookies.push(cookie);
    }
    return cookies;
  }
}

/**
 * A line's first five fields (domain, initial dot, path, secure, expires) joined by tabs,
 * remembered for the last ones asked for: a jar saves a site's cookies together, so most lines
 * reuse the one before's.
 */
class LineHeads {
  private domain = '';
  private path = '';
  private secure = false;
  private expires: number | null = null;
  private head: string | undefined;

  of(domain: string, path: string, secure: boolean, expires: number | null): string {
    if (this.head === undefined || domain !== this.domain || path !== this.path || secure !== this.secure || expires !== this.expires) {
      this.head = `${domain}${domain.startsWith('.') ? '\tTRUE\t' : '\tFALSE\t'}${path}${secure ? '\tTRUE\t' : '\tFALSE\t'}${expires === null ? '' : pyIntStr(expires)}`;
      this.domain = domain;
      this.path = path;
      this.secure = secure;
      this.expires = expires;
    }
    return this.head;
  }
}

/**
 * The file's lines, joined a few hundred at a time with a tab between the elements: a line's
 * first five fields (one string, most often the line before's), its name, and its value, to which
 * the "\n" that ends the line and the next line's first five fields are joined. Two
 * concatenations per line instead of five, and the join copies the rest.
 */
class LineWriter {
  private elements: string[] = [];
  private readonly chunks: string[];
  /** The last line's value, waiting for the "\n" and what follows it. */
  private value: string | undefined;
  private lines = 0;

  constructor(header: string) {
    this.chunks = [header];
  }

  line(head: string, name: string, value: string): void {
    this.elements.push(this.value === undefined ? head : `${this.value}\n${head}`, name);
    this.value = value;
    if (++this.lines >= LINES_PER_CHUNK) this.endChunk();
  }

  text(): string {
    this.endChunk();
    return this.chunks.join('');
  }

  private endChunk(): void {
    if (this.value === undefined) return;
    this.elements.push(`${this.value}\n`);
    this.chunks.push(this.elements.join('\t'));
    this.elements = [];
    this.value = undefined;
    this.lines = 0;
  }
}

const LINES_PER_CHUNK = 256;

/**
 * One line of _really_load's loop, `source.slice(lineStart, lineStop)` with its "\n": a Cookie,
 * null for a comment or blank line, or LoadError.
 */
function parseLine(source: string, lineStart: number, lineStop: number, number: number, context: ParseContext, previous: PreviousFields, names: StringPool, init: CookieInit): Cookie | null {
  let start = lineStart;
  let end = lineStop;
  let httpOnly = false;
  // httponly is a cookie flag as defined in rfc6265; when encoded in a netscape cookie file, the
  // line is prepended with "#HttpOnly_"
  if (source.startsWith(HTTPONLY_PREFIX, start)) {
    httpOnly = true;
    start += HTTPONLY_PREFIX.length;
  }
  // last field may be absent, so keep any trailing tab
  if (end > start && source.charCodeAt(end - 1) === NEWLINE) end--;
  // skip comments and blank lines
  if (isCommentOrBlank(source, start, end)) return null;

  // The seven tab-separated fields, by their tabs: fields are compared in place and only the
  // ones kept are sliced out.
  const t1 = tabIn(source, start, end);
  const t2 = t1 < 0 ? -1 : tabIn(source, t1 + 1, end);
  const t3 = t2 < 0 ? -1 : tabIn(source, t2 + 1, end);
  const t4 = t3 < 0 ? -1 : tabIn(source, t3 + 1, end);
  const t5 = t4 < 0 ? -1 : tabIn(source, t4 + 1, end);
  const t6 = t5 < 0 ? -1 : tabIn(source, t5 + 1, end);
  if (t6 < 0 || tabIn(source, t6 + 1, end) >= 0) {
    throw lineError(source, lineStart, lineStop, start, end, number, context, `expected 7 tab-separated fields, found ${source.slice(start, end).split('\t').length}`);
  }
  const domain = fieldIs(source, start, t1, previous.domain) ? previous.domain : (previous.domain = source.slice(start, t1));
  const domainSpecified = fieldIs(source, t1 + 1, t2, 'TRUE');
  const path = fieldIs(source, t2 + 1, t3, previous.path) ? previous.path : (previous.path = source.slice(t2 + 1, t3));
  const secure = fieldIs(source, t3 + 1, t4, 'TRUE');
  let name = names.of(source.slice(t5 + 1, t6));
  let value: string | null = source.slice(t6 + 1, end);
  if (name === '') {
    // cookies.txt regards 'Set-Cookie: foo' as a cookie with no name
    name = value;
    value = null;
  }
  const initialDot = domain.startsWith('.');
  if (domainSpecified !== initialDot) {
    throw lineError(source, lineStart, lineStop, start, end, number, context, `the second field says ${source.slice(t1 + 1, t2)} but the domain ${initialDot ? 'starts' : 'does not start'} with a dot`);
  }

  let expires: number | null = null;
  let discard = false;
  if (t5 === t4 + 1 || fieldIs(source, t4 + 1, t5, '0')) {
    // gh-61366: "0" (or "") is how curl and wget write a session cookie
    discard = true;
  } else {
    // Python's Cookie(): int(float(expires)); plain digits are read in place
    let seconds = asciiInteger(source, t4 + 1, t5);
    if (seconds === null) {
      const expiresText = source.slice(t4 + 1, t5);
      seconds = pyFloat(expiresText);
      if (seconds === null || Number.isNaN(seconds)) throw lineError(source, lineStart, lineStop, start, end, number, context, `the expiry ${FileCookieJar.pyRepr(expiresText)} is not a number`);
      if (!Number.isFinite(seconds)) throw lineError(source, lineStart, lineStop, start, end, number, context, `the expiry ${FileCookieJar.pyRepr(expiresText)} is infinite`);
    }
    expires = seconds;
  }

  try {
    // assume path_specified is false (the fields not set here are the same for every line)
    init.name = name;
    init.value = value;
    init.domain = domain;
    init.domainSpecified = domainSpecified;
    init.domainInitialDot = initialDot;
    init.path = path;
    init.secure = secure;
    init.expires = expires;
    init.discard = discard;
    init.rest = httpOnly ? HTTPONLY_REST : NO_REST;
    return new Cookie(init);
  } catch (error) {
    throw lineError(source, lineStart, lineStop, start, end, number, context, error instanceof Error ? error.message : String(error), error);
  }
}

/** `line.slice(start, end) === text`, without the slice. */
function fieldIs(line: string, start: number, end: number, text: string): boolean {
  return end - start === text.length && line.startsWith(text, start);
}

/** The index of the first tab in `source.slice(from, end)`, or -1. */
function tabIn(source: string, from: number, end: number): number {
  const tab = source.indexOf('\t', from);
  return tab < end ? tab : -1;
}

/** The LoadError for the line `source.slice(lineStart, lineStop)`, quoting it as Python does (`start`..`end`). */
function lineError(source: string, lineStart: number, lineStop: number, start: number, end: number, number: number, context: ParseContext, why: string, cause?: unknown): LoadError {
  const fileLine: FileLine = { text: source.slice(lineStart, lineStop), number };
  return FileCookieJar.lineError(
    `invalid Netscape format cookies file ${FileCookieJar.pyRepr(context.filename)}: ${FileCookieJar.pyRepr(source.slice(start, end))}`,
    fileLine, context.filename, why, cause,
  );
}

/** Python's `line.strip().startswith(("#", "$")) or line.strip() == ""` for `line = source.slice(start, end)`. */
function isCommentOrBlank(source: string, start: number, end: number): boolean {
  // The common case: a line that starts with neither space nor a comment mark is neither.
  if (start < end) {
    const first = source.charCodeAt(start);
    if (!isPythonSpace(first)) return first === HASH || first === DOLLAR;
  }
  const stripped = pyStrip(source.slice(start, end));
  return stripped.startsWith('#') || stripped.startsWith('$') || stripped === '';
}

/** Written only so that prefetchDomain's reads are not optimised away. */
let _prefetched = 0;

/**
 * Reads each cookie of a domain and its value's length in a loop short enough for the CPU to fetch
 * them all at once, before the lines are built: in a large jar each cookie and each value is a
 * cache miss, and met one line at a time they do not overlap.
 */
function prefetchDomain(byPath: ReadonlyMap<string, ReadonlyMap<string, Cookie>>): void {
  let sum = 0;
  for (const byName of byPath.values()) for (const cookie of byName.values()) sum += cookie.value?.length ?? 0;
  _prefetched = sum;
}

/**
 * Whether the cookie is HttpOnly: a non-standard attribute of that name in any letter case
 * (gh-113775: Python checks `has_nonstandard_attr("HTTPOnly")` only). The Mozilla save and the
 * popup's rows (src/shared/cookieRows.ts) ask here.
 */
export function hasHttpOnly(cookie: Cookie): boolean {
  const attrs = cookie.nonstandardAttrsView();
  if (attrs.size === 0) return false; // most cookies: no iterator
  for (const attr of attrs.keys()) if (attr.toLowerCase() === 'httponly') return true;
  return false;
}

/** Python's `str(int)`: every digit, also beyond 2**53 (an int made from a float is exact). */
function pyIntStr(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : BigInt(n).toString();
}


const DIGITS = '\\p{Nd}(?:_?\\p{Nd})*';
const FLOAT_LITERAL = new RegExp(`^[+-]?(?:(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?|inf|infinity|nan)$`, 'iu');
const DECIMAL_DIGIT = /^\p{Nd}$/u;

/**
 * Python's `float(text)`: surrounding whitespace, a sign, `_` between digits, any Unicode decimal
 * digit, "inf"/"infinity"/"nan" in any case. Null where Python raises ValueError.
 */
function pyFloat(text: string): number | null {
  const literal = pyStrip(text);
  if (!FLOAT_LITERAL.test(literal)) return null;
  let ascii = '';
  for (const ch of literal) {
    if (ch === '_') continue;
    ascii += DECIMAL_DIGIT.test(ch) ? String(decimalDigitValue(ch)) : ch;
  }
  const lower = ascii.toLowerCase().replace(/^\+/, '');
  if (lower === 'inf' || lower === 'infinity') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  if (lower === 'nan' || lower === '-nan') return NaN;
  return Number(ascii);
}
