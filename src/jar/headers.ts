/**
 * Header parsing, as Python 3.11's http.cookiejar does it: splitHeaderWords, joinHeaderWords,
 * parseNsHeaders, stripQuotes.
 *
 * Python's split_header_words applies small regular expressions to the rest of the text and
 * re-slices it after every token; here one index walks the text once (the quoted-string scan is
 * memoised), so the work is linear in the input. Whitespace is Python's: `re`'s Unicode `\s` and
 * `str.strip()` both mean `str.isspace()` (see isPythonSpace).
 */

import { http2time, isPythonSpace, type DateParseOptions, type StepCounter } from './dates';

/** One `name=value` of a header; the value is null for a lone token. */
export type HeaderPair = [name: string, value: string | null];

export interface HeaderParseOptions {
  /** Incremented by the work done, for linear-time tests. */
  counter?: StepCounter;
}

/** A local binding: tsx's CommonJS output reads an imported name through a getter at every call. */
const isSpace = isPythonSpace;

const EQUALS = 0x3d;
const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * Python's `split_header_words`: parses header values into lists of `[name, value]` pairs. Several
 * values are treated as if joined by ",". Quoted values lose their quotes and backslash escapes;
 * a lone token gets the value null; junk (`=`, `;`, stray space) between tokens is skipped.
 *
 * `splitHeaderWords(['foo="bar"; port="80,81"; discard, bar=baz'])` gives
 * `[[['foo', 'bar'], ['port', '80,81'], ['discard', null]], [['bar', 'baz']]]`.
 */
export function splitHeaderWords(values: readonly string[], options: HeaderParseOptions = {}): HeaderPair[][] {
  const result: HeaderPair[][] = [];
  let steps = 0;
  for (const text of values) {
    const scan = new WordScan(text);
    const n = text.length;
    let pairs: HeaderPair[] = [];
    let pos = 0;
    while (pos < n) {
      // HEADER_TOKEN_RE: ^\s*([^=\s;,]+)
      const tokenStart = scan.skipSpace(pos);
      let tokenEnd = tokenStart;
      while (tokenEnd < n) {
        const c = text.charCodeAt(tokenEnd);
        if (c === EQUALS || c === SEMICOLON || c === COMMA || isSpace(c)) break;
        tokenEnd++;
      }
      scan.steps += tokenEnd - tokenStart;
      if (tokenEnd > tokenStart) {
        const name = text.slice(tokenStart, tokenEnd);
        pos = tokenEnd;
        let value: string | null = null;
        // Both value expressions start with ^\s*=\s*
        const equals = scan.skipSpace(pos);
        if (text.charCodeAt(equals) === EQUALS) {
          const valueStart = scan.skipSpace(equals + 1);
          const close = text.charCodeAt(valueStart) === QUOTE ? scan.closingQuote(valueStart + 1) : -1;
          if (close >= 0) {
            // HEADER_QUOTED_VALUE_RE, then HEADER_ESCAPE_RE.sub(r"\1", value)
            value = scan.backslashFrom(valueStart + 1) > close ? text.slice(valueStart + 1, close) : unescape(text, valueStart + 1, close);
            scan.steps += close - valueStart;
            pos = close + 1;
          } else {
            // HEADER_VALUE_RE: ^\s*=\s*([^\s;,]*)  (its .rstrip() cannot remove anything)
            let valueEnd = valueStart;
            while (valueEnd < n) {
              const c = text.charCodeAt(valueEnd);
              if (c === SEMICOLON || c === COMMA || isSpace(c)) break;
              valueEnd++;
            }
            scan.steps += valueEnd - valueStart + 1;
            value = text.slice(valueStart, valueEnd);
            pos = valueEnd;
          }
        }
        pairs.push([name, value]);
      } else if (text.charCodeAt(tokenStart) === COMMA) {
        // concatenated headers, as per RFC 2616 section 4.2
        pos = tokenStart + 1;
        if (pairs.length > 0) result.push(pairs);
        pairs = [];
      } else {
        // skip junk: ^[=\s;]*  (never empty here: the text starts with space, "=" or ";")
        let i = pos;
        while (i < n) {
          const c = text.charCodeAt(i);
          if (c !== EQUALS && c !== SEMICOLON && !isSpace(c)) break;
          i++;
        }
        scan.steps += i - pos + 1;
        pos = i;
      }
    }
    if (pairs.length > 0) result.push(pairs);
    steps += scan.steps;
  }
  if (options.counter) options.counter.steps += steps;
  return result;
}

/** splitHeaderWords' helpers over one text, counting their steps (a class: no closures per text). */
class WordScan {
  steps = 0;
  private closing: Int32Array | null = null;

  /** The first backslash at or after `asked` (text.length when none), for backslashFrom. */
  private backslash = -1;
  private asked = -1;

  constructor(private readonly text: string) {}

  /**
   * The index of the first backslash at or after `from`, or text.length when there is none. The
   * scan goes forward through the text, so the answer is kept while it is still ahead: each
   * character is read once however often the question is asked.
   */
  backslashFrom(from: number): number {
    if (from < this.asked || this.backslash < from) {
      const found = this.text.indexOf('\\', from);
      this.backslash = found < 0 ? this.text.length : found;
      this.steps += this.backslash - from + 1;
    }
    this.asked = from;
    return this.backslash;
  }

  /** The index of the first non-space character at or after `from`. */
  skipSpace(from: number): number {
    const { text } = this;
    let i = from;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    this.steps += i - from + 1;
    return i;
  }

  /**
   * Where the quoted string whose content starts at `from` ends: the index of its closing quote,
   * or -1 when HEADER_QUOTED_VALUE_RE fails (no closing quote; or a backslash before a newline or
   * the end: `\\.` does not match a newline).
   *
   * A scan forward that finds the quote is paid for once: the caller goes on after it. After the
   * first scan that fails, the answer for every position is computed once, right to left, so
   * values that keep failing cannot rescan the rest of the text.
   */
  closingQuote(from: number): number {
    if (this.closing !== null) return this.closing[from] ?? -1;
    const { text } = this;
    // The common case, by native scans: a closing quote with no backslash before it.
    const quote = text.indexOf('"', from);
    if (quote >= 0 && this.backslashFrom(from) > quote) {
      this.steps += quote - from + 1;
      return quote;
    }
    this.steps += (quote < 0 ? text.length : quote) - from + 1; // that scan, before the one below
    for (let i = from; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.steps += i - from + 1;
        return i;
      }
      if (c === BACKSLASH) {
        if (i + 1 >= text.length || text.charCodeAt(i + 1) === NEWLINE) break;
        i++;
      }
    }
    const n = text.length;
    const closing = new Int32Array(n + 1);
    closing[n] = -1;
    for (let p = n - 1; p >= 0; p--) {
      const c = text.charCodeAt(p);
      if (c === QUOTE) closing[p] = p;
      else if (c === BACKSLASH) closing[p] = p + 1 < n && text.charCodeAt(p + 1) !== NEWLINE ? (closing[p + 2] ?? -1) : -1;
      else closing[p] = closing[p + 1] ?? -1;
    }
    this.steps += 2 * (n + 1);
    this.closing = closing;
    return closing[from] ?? -1;
  }
}

/** The content of a quoted string with each `\x` replaced by `x`. */
function unescape(text: string, start: number, end: number): string {
  let out = '';
  let chunk = start;
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) === BACKSLASH) {
      out += text.slice(chunk, i);
      chunk = i + 1; // keep the escaped character
      i++;
    }
  }
  return out + text.slice(chunk, end);
}

/**
 * `re.search(r"^\w+$", v)` with Unicode `\w` (letters, digits, numerics, underscore), where `$` also
 * matches before a final newline. (Our `\w` is the runtime's Unicode database, Python 3.11's is
 * Unicode 14.0: they differ only for characters assigned since.)
 */
const WORD_RUN = /^[\p{L}\p{N}_]+$/u;
function isWordValue(value: string): boolean {
  // The common case without the Unicode expression: ASCII only, no final newline.
  let i = 0;
  while (i < value.length && isAsciiWordChar(value.charCodeAt(i))) i++;
  if (i === value.length) return i > 0;
  if (value.charCodeAt(i) < 0x80 && value.charCodeAt(i) !== NEWLINE) return false;
  return WORD_RUN.test(value.endsWith('\n') ? value.slice(0, -1) : value);
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/**
 * One value as join_header_words writes it: as is if all word characters, else quoted with `"` and
 * `\` escaped.
 */
export function headerValueText(value: string): string {
  if (isWordValue(value)) return value;
  return value.includes('"') || value.includes('\\') ? `"${value.replace(/["\\]/g, '\\$&')}"` : `"${value}"`;
}

/**
 * Python's `join_header_words`: the inverse (almost) of splitHeaderWords. A value that is not all
 * word characters is quoted, with `"` and `\` escaped.
 *
 * `joinHeaderWords([[['text/plain', null], ['charset', 'iso-8859-1']]])` gives
 * `'text/plain; charset="iso-8859-1"'`.
 */
export function joinHeaderWords(lists: readonly (readonly (readonly [string, string | null])[])[]): string {
  const headers: string[] = [];
  for (const pairs of lists) {
    const attrs: string[] = [];
    for (const [name, value] of pairs) attrs.push(value === null ? name : `${name}=${headerValueText(value)}`);
    if (attrs.length > 0) headers.push(attrs.join('; '));
  }
  return headers.join(', ');
}

/** Python's `strip_quotes`: drops one leading and one trailing `"`. */
export function stripQuotes(text: string): string {
  let result = text;
  if (result.startsWith('"')) result = result.slice(1);
  if (result.endsWith('"')) result = result.slice(0, -1);
  return result;
}


/**
 * Python's `parse_ns_headers`: the ad-hoc parser for Netscape (and RFC 2109) Set-Cookie values.
 * Each header gives one list: the cookie's `[name, value]` first, then its attributes; known
 * attribute names are lower-cased, `expires` becomes http2time's number (or null if invalid), a
 * `version` is unquoted, and `['version', '0']` is appended when there was none. An attribute with
 * no `=` has the value null. A header whose first part has no name gives no list.
 *
 * Python splits the header at every ';', strips each part, partitions it at its first '=' and
 * strips the key and the value; here one pass finds the same bounds and slices only the results.
 *
 * Throws CookieValueError where Python raises ValueError (from http2time; see there).
 */
export function parseNsHeaders(
  values: readonly string[], options: DateParseOptions = {},
): [string, string | number | null][][] {
  const result: [string, string | number | null][][] = [];
  for (const header of values) {
    if (options.counter) options.counter.steps += header.length + 1;
    const flat = parseNsHeader(header, options);
    if (flat.length === 0) continue;
    const pairs: [string, string | number | null][] = [];
    for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i] as string, flat[i + 1] ?? null]);
    result.push(pairs);
  }
  return result;
}

/**
 * parse_ns_headers for one header, as the jar reads it: the pairs flat (name, value, name,
 * value...: no array per pair), empty when the header gives none.
 */
export function parseNsHeader(header: string, options: DateParseOptions): (string | number | null)[] {
  const pairs: (string | number | null)[] = [];
  let versionSet = false;
  const n = header.length;
  // The next '=' at or after the part being read (-1: none left). Found again only once a part
  // starts after it, so the text is searched once, not once per part.
  let nextEquals = header.indexOf('=');
  for (let partStart = 0, ii = 0; partStart <= n; ii++) {
    let partEnd = header.indexOf(';', partStart);
    if (partEnd === -1) partEnd = n;
    const next = partEnd + 1;
    // param.strip(), then key, sep, val = param.partition('='); key.strip(); val.strip() if sep.
    let start = partStart;
    let end = partEnd;
    while (start < end && isSpace(header.charCodeAt(start))) start++;
    while (end > start && isSpace(header.charCodeAt(end - 1))) end--;
    if (nextEquals !== -1 && nextEquals < start) nextEquals = header.indexOf('=', start);
    const sepAt = nextEquals !== -1 && nextEquals < end ? nextEquals : -1;
    let keyEnd = sepAt === -1 ? end : sepAt;
    while (keyEnd > start && isSpace(header.charCodeAt(keyEnd - 1))) keyEnd--;
    partStart = next;
    if (keyEnd === start) {
      if (ii === 0) break;
      continue;
    }
    // allow for a distinction between present and empty and missing altogether
    let value: string | number | null = null;
    if (sepAt !== -1) {
      let valueStart = sepAt + 1;
      while (valueStart < end && isSpace(header.charCodeAt(valueStart))) valueStart++;
      value = header.slice(valueStart, end);
    }
    let key: string;
    const known = ii === 0 ? null : knownAttr(header, start, keyEnd);
    if (known === null) {
      key = header.slice(start, keyEnd);
    } else {
      key = known;
      if (known === 'version') {
        // This is an RFC 2109 cookie.
        if (value !== null) value = stripQuotes(value);
        versionSet = true;
      } else if (known === 'expires') {
        // convert expires date to seconds since epoch
        if (value !== null) value = http2time(stripQuotes(value), options); // null if invalid
      }
    }
    pairs.push(key, value);
  }
  if (pairs.length > 0 && !versionSet) pairs.push('version', '0');
  return pairs;
}

/**
 * The attribute name header[start:end] lower-cased, if it is one of parse_ns_headers' known
 * attributes (Python's `key.lower() in known_attrs`), else null. Compared in ASCII: no other
 * character lower-cases to a letter of these names.
 */
function knownAttr(header: string, start: number, end: number): string | null {
  let candidate: string;
  switch ((header.charCodeAt(start) | 0x20)) {
    case 0x65: candidate = 'expires'; break; // e
    case 0x64: candidate = 'domain'; break; // d
    case 0x70: candidate = (header.charCodeAt(start + 1) | 0x20) === 0x61 ? 'path' : 'port'; break; // p
    case 0x73: candidate = 'secure'; break; // s
    case 0x76: candidate = 'version'; break; // v
    case 0x6d: candidate = 'max-age'; break; // m
    default: return null;
  }
  if (end - start !== candidate.length) return null;
  for (let i = 1; i < candidate.length; i++) {
    const c = header.charCodeAt(start + i);
    // Letters compare case-blind; '-' (0x2d) only as itself (0x2d | 0x20 is 0x2d as well).
    const lower = c >= 0x41 && c <= 0x5a ? c | 0x20 : c;
    if (lower !== candidate.charCodeAt(i)) return null;
  }
  return candidate;
}
