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

import { Cookie, cookieDomainKey, type CookieInit } from './cookie';
import type { LoadedCookies } from './cookieJar';
import { isPythonSpace, pyStrip } from './dates';
import {
  FileCookieJar, LineReader, type FileLine, type ParseContext, type PreviousFields, type SaveOptions,
} from './fileCookieJar';
import type { LoadError } from './errors';
import { asciiInteger, decimalDigitValue } from './request';

const HTTPONLY_ATTR = 'HTTPOnly';
const HTTPONLY_PREFIX = '#HttpOnly_';
const NEWLINE_HTTPONLY_PREFIX = `\n${HTTPONLY_PREFIX}`;
const HTTPONLY_REST: readonly (readonly [string, string])[] = [[HTTPONLY_ATTR, '']];
const NO_REST: readonly (readonly [string, string])[] = [];
const HASH = 0x23;
const DOLLAR = 0x24;
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
          out.line(hasHttpOnly(cookie) ? NEWLINE_HTTPONLY_PREFIX + head.slice(1) : head, value === null ? '' : cookie.name, value ?? cookie.name);
        }
      }
    }
    return out.text();
  }

  protected parseText(text: string, context: ParseContext): Cookie[] {
    return readFile(text, context).buildAll();
  }

  protected override parseLoaded(text: string, context: ParseContext): LoadedCookies | null {
    // A subclass that reads lines its own way is asked through parseText.
    return this.parseText === MozillaCookieJar.prototype.parseText ? readFile(text, context) : null;
  }
}

/** _really_load: every line read and checked, the cookies it would set kept as MozillaCookies. */
function readFile(text: string, context: ParseContext): MozillaCookies {
  const { filename } = context;
  const reader = new LineReader(text);
  if (!reader.next() || !NETSCAPE_MAGIC.test(reader.text)) {
    throw FileCookieJar.lineError(`${FileCookieJar.pyRepr(filename)} does not look like a Netscape format cookies file`, reader.number === 0 ? { text: '', number: 1 } : reader, filename,
      'a cookies.txt file starts with "# Netscape HTTP Cookie File"');
  }
  const source = reader.source;
  const cookies = new MozillaCookies(source);
  const previous: PreviousFields = { domain: '', path: '' };
  // The lines after the first are read in place (no slice per line): readLine finds the line's
  // end and its tabs in one pass, and only an error message slices the line out.
  let number = reader.number;
  for (let start = reader.nextStart; start < source.length;) start = readLine(source, start, ++number, context, previous, cookies);
  return cookies;
}

/** MozillaCookies' bits of a cookie's flags. */
const SECURE = 1;
const DOMAIN_SPECIFIED = 2;
const DISCARD = 4;
const HTTPONLY = 8;
/** The line's name field was empty: its value is the cookie's name, and the cookie has no value. */
const NO_VALUE = 16;

/**
 * The cookies of a file, in the file's order, as what a Cookie is made of: bounds in the text,
 * numbers and flags in typed arrays (no object per cookie until one is built), the domain per run
 * of cookies of one domain and the path per cookie (strings shared with the line before, see
 * PreviousFields).
 */
class MozillaCookies implements LoadedCookies {
  cookies = 0;
  runs = 0;
  /** Per cookie: where its name starts and ends in the text, then its value. */
  private bounds: Int32Array;
  private expiries: Float64Array;
  private flags: Uint8Array;
  /** Per cookie, its path: an index into `paths`, where a path is added when it is not the last one's. */
  private pathIndices: Int32Array;
  private readonly paths: string[] = [];
  private runStarts = new Int32Array(64);
  private readonly runDomains: string[] = [];
  /** The domain field of the last cookie added, as written in the file. */
  private runText: string | undefined;
  /** One CookieInit, refilled for each cookie built (the Cookie copies its fields). */
  private readonly init: CookieInit = {
    version: 0, name: '', value: null, port: null, portSpecified: false, domain: '', domainSpecified: false, domainInitialDot: false,
    path: '', pathSpecified: false, secure: false, expires: null, discard: false, comment: null, commentUrl: null, rest: NO_REST,
  };

  constructor(private readonly source: string) {
    // About one cookie per 48 characters of a file; grown when there are more.
    const capacity = Math.max(16, Math.ceil(source.length / 48));
    this.bounds = new Int32Array(4 * capacity);
    this.expiries = new Float64Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.pathIndices = new Int32Array(capacity);
  }

  add(domain: string, nameStart: number, nameEnd: number, valueStart: number, valueEnd: number, path: string, expires: number | null, flags: number): void {
    const index = this.cookies++;
    if (index === this.flags.length) this.grow();
    if (domain !== this.runText) {
      this.runText = domain;
      if (this.runs + 1 >= this.runStarts.length) this.runStarts = grown(this.runStarts, 2 * this.runStarts.length);
      this.runStarts[this.runs++] = index;
      // Python's Cookie lower-cases its domain: the jar's key.
      this.runDomains.push(cookieDomainKey(domain));
    }
    const b = 4 * index;
    this.bounds[b] = nameStart;
    this.bounds[b + 1] = nameEnd;
    this.bounds[b + 2] = valueStart;
    this.bounds[b + 3] = valueEnd;
    this.expiries[index] = expires ?? Number.NaN;
    this.flags[index] = flags;
    const paths = this.paths;
    if (paths.length === 0 || paths[paths.length - 1] !== path) paths.push(path);
    this.pathIndices[index] = paths.length - 1;
  }

  runDomain(run: number): string {
    return this.runDomains[run] as string;
  }

  runStart(run: number): number {
    return run >= this.runs ? this.cookies : this.runStarts[run] as number;
  }

  build(index: number, domain: string): Cookie {
    const { init, bounds, source } = this;
    const flags = this.flags[index] as number;
    const b = 4 * index;
    init.name = source.slice(bounds[b], bounds[b + 1]);
    init.value = (flags & NO_VALUE) === 0 ? source.slice(bounds[b + 2], bounds[b + 3]) : null;
    init.domain = domain;
    init.domainSpecified = init.domainInitialDot = (flags & DOMAIN_SPECIFIED) !== 0;
    init.path = this.paths[this.pathIndices[index] as number] as string;
    init.secure = (flags & SECURE) !== 0;
    const expires = this.expiries[index] as number;
    init.expires = Number.isNaN(expires) ? null : expires;
    init.discard = (flags & DISCARD) !== 0;
    // assume path_specified is false (set once in init, as the other fields not read from a line)
    init.rest = (flags & HTTPONLY) === 0 ? NO_REST : HTTPONLY_REST;
    return new Cookie(init);
  }

  /** Every cookie built, in order: the load of a jar whose setCookie must see each. */
  buildAll(): Cookie[] {
    const all: Cookie[] = [];
    for (let run = 0; run < this.runs; run++) {
      const domain = this.runDomain(run);
      for (let index = this.runStart(run), end = this.runStart(run + 1); index < end; index++) all.push(this.build(index, domain));
    }
    return all;
  }

  private grow(): void {
    const capacity = 2 * this.flags.length;
    this.bounds = grown(this.bounds, 4 * capacity);
    this.expiries = grown(this.expiries, capacity);
    this.flags = grown(this.flags, capacity);
    this.pathIndices = grown(this.pathIndices, capacity);
  }
}

/** A copy of `array` `length` long. */
function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array);
  return copy;
}

/**
 * A line's first five fields (domain, initial dot, path, secure, expires) joined by tabs, after
 * the "\n" that ends the line before, remembered for the last ones asked for: a jar saves a site's
 * cookies together, so most lines reuse the one before's.
 */
class LineHeads {
  private domain = '';
  private path = '';
  private secure = false;
  private expires: number | null = null;
  private head: string | undefined;

  of(domain: string, path: string, secure: boolean, expires: number | null): string {
    if (this.head === undefined || domain !== this.domain || path !== this.path || secure !== this.secure || expires !== this.expires) {
      this.head = `\n${domain}${domain.startsWith('.') ? '\tTRUE\t' : '\tFALSE\t'}${path}${secure ? '\tTRUE\t' : '\tFALSE\t'}${expires === null ? '' : pyIntStr(expires)}`;
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
 * first five fields after the "\n" that ends the line before (one string, most often the line
 * before's), its name, and its value, to which the next line's "\n" and first five fields are
 * joined. One concatenation per line instead of five, and the join copies the rest.
 */
class LineWriter {
  private elements: string[] = [];
  /** The header without its last "\n" (the first line's head starts with it; text() ends the file with one), then the chunks. */
  private readonly chunks: string[];
  /** The last line's value, waiting for what follows it. */
  private value: string | undefined;
  private lines = 0;

  constructor(header: string) {
    this.chunks = [header.slice(0, -1)];
  }

  /** A line: `head` starts with the "\n" that ends the line before. */
  line(head: string, name: string, value: string): void {
    this.elements.push(this.value === undefined ? head : this.value + head, name);
    this.value = value;
    if (++this.lines >= LINES_PER_CHUNK) this.endChunk();
  }

  text(): string {
    this.endChunk();
    this.chunks.push('\n');
    return this.chunks.join('');
  }

  private endChunk(): void {
    if (this.value === undefined) return;
    this.elements.push(this.value);
    this.chunks.push(this.elements.join('\t'));
    this.elements = [];
    this.value = undefined;
    this.lines = 0;
  }
}

const LINES_PER_CHUNK = 256;

/**
 * One line of _really_load's loop, the line that starts at `lineStart` (to its "\n" or the end of
 * the text): the cookie it sets is added to `cookies` (none for a comment or blank line, or a
 * cookie the load leaves out: a session cookie without ignoreDiscard, an expired one without
 * ignoreExpires), or LoadError. Returns where the next line starts.
 */
function readLine(source: string, lineStart: number, number: number, context: ParseContext, previous: PreviousFields, cookies: MozillaCookies): number {
  // The line's end: indexOf is a native scan, faster than a loop over the line's characters.
  let end = source.indexOf('\n', lineStart);
  if (end < 0) end = source.length;
  const lineStop = end < source.length ? end + 1 : end;
  let start = lineStart;
  let flags = 0;
  // httponly is a cookie flag as defined in rfc6265; when encoded in a netscape cookie file, the
  // line is prepended with "#HttpOnly_"
  if (source.startsWith(HTTPONLY_PREFIX, start)) {
    flags = HTTPONLY;
    start += HTTPONLY_PREFIX.length;
  }
  // (`end` is before the "\n": the last field may be absent, so any trailing tab is kept)
  // skip comments and blank lines
  if (isCommentOrBlank(source, start, end)) return lineStop;

  // The seven tab-separated fields, by their six tabs (the prefix has none): fields are compared
  // in place and only the domain and path are sliced out (once per run of lines that share them).
  // Each search stops at the next tab, and the line has its six when the sixth is before its end
  // and the next tab after it past its end (a search that ran past the end found a later line's
  // tab). So a well-formed line is scanned once, and the text up to the next cookie line's first
  // tab once more (the lines between, comments or blank, are not searched otherwise); a line with
  // too few tabs is the load's last.
  const t1 = source.indexOf('\t', start);
  const t2 = t1 < 0 ? -1 : source.indexOf('\t', t1 + 1);
  const t3 = t2 < 0 ? -1 : source.indexOf('\t', t2 + 1);
  const t4 = t3 < 0 ? -1 : source.indexOf('\t', t3 + 1);
  const t5 = t4 < 0 ? -1 : source.indexOf('\t', t4 + 1);
  const t6 = t5 < 0 ? -1 : source.indexOf('\t', t5 + 1);
  if (t6 < 0 || t6 > end || !noTabBefore(source, t6 + 1, end)) {
    throw lineError(source, lineStart, lineStop, start, end, number, context, `expected 7 tab-separated fields, found ${source.slice(start, end).split('\t').length}`);
  }
  const domain = fieldIs(source, start, t1, previous.domain) ? previous.domain : (previous.domain = source.slice(start, t1));
  const domainSpecified = fieldIs(source, t1 + 1, t2, 'TRUE');
  const path = fieldIs(source, t2 + 1, t3, previous.path) ? previous.path : (previous.path = source.slice(t2 + 1, t3));
  if (fieldIs(source, t3 + 1, t4, 'TRUE')) flags |= SECURE;
  const initialDot = domain.startsWith('.');
  if (domainSpecified !== initialDot) {
    throw lineError(source, lineStart, lineStop, start, end, number, context, `the second field says ${source.slice(t1 + 1, t2)} but the domain ${initialDot ? 'starts' : 'does not start'} with a dot`);
  }
  if (domainSpecified) flags |= DOMAIN_SPECIFIED;

  let expires: number | null = null;
  if (t5 === t4 + 1 || fieldIs(source, t4 + 1, t5, '0')) {
    // gh-61366: "0" (or "") is how curl and wget write a session cookie
    flags |= DISCARD;
    if (!context.ignoreDiscard) return lineStop;
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
    // The Cookie's expires is int(float(expires)): Math.trunc of the number.
    if (!context.ignoreExpires && Math.trunc(seconds) <= context.now) return lineStop;
  }
  // cookies.txt regards 'Set-Cookie: foo' as a cookie with no name (the value is the name)
  if (t6 === t5 + 1) cookies.add(domain, t6 + 1, end, t6 + 1, end, path, expires, flags | NO_VALUE);
  else cookies.add(domain, t5 + 1, t6, t6 + 1, end, path, expires, flags);
  return lineStop;
}

/**
 * No tab in `source` from `start` to `end`: the next tab is past `end` (lastIndexOf is a call into
 * the runtime, several times slower than indexOf's native scan, which stops at the next line's
 * first tab).
 */
function noTabBefore(source: string, start: number, end: number): boolean {
  const tab = source.indexOf('\t', start);
  return tab < 0 || tab > end;
}

/** `line.slice(start, end) === text`, without the slice. */
function fieldIs(line: string, start: number, end: number, text: string): boolean {
  return end - start === text.length && line.startsWith(text, start);
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
