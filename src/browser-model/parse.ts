/**
 * Splitting a Set-Cookie line into its name, value and attributes as Chromium's `ParsedCookie`
 * does, or Firefox's `CookieParser` (its syntax differences are a `CookieSyntax`): one forward pass
 * (with short backward steps over trailing whitespace), so linear in the line. It never throws; a
 * line the browser refuses while parsing comes back as a ParseFailure.
 */
import type { StepCounter } from '../jar';
import { BROWSERS, type BrowserRules } from './browsers';

/** Where the browsers' parsers differ (see browsers.ts). */
export type CookieSyntax = Pick<BrowserRules, 'tokenWithoutEquals' | 'crEndsLine' | 'tabIsDisallowed' | 'pairCheckedFirst' | 'oversizedIgnored'>;

/** Chromium's limits (`net/cookies/cookie_constants.h`), in bytes of UTF-8. */
export const MAX_NAME_VALUE_BYTES = 4096;
export const MAX_ATTRIBUTE_VALUE_BYTES = 1024;

export interface ParsedSetCookie {
  readonly name: string;
  readonly value: string;
  /** Every attribute kept, in order, its name lowercased (unknown ones too). */
  readonly attributes: readonly (readonly [name: string, value: string])[];
  /** The last value of each known attribute (Chromium keeps the last one). */
  readonly domain: string | undefined;
  readonly path: string | undefined;
  readonly expires: string | undefined;
  readonly maxAge: string | undefined;
  readonly sameSite: string | undefined;
  readonly priority: string | undefined;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly partitioned: boolean;
  /** Attributes ignored because their value is over 1,024 bytes (Firefox: Domain, Path, Expires and Max-Age only): name and size. */
  readonly oversizedAttributes: readonly (readonly [name: string, bytes: number])[];
  /** Where the HTTP layer cut the line (a CR or LF ends a header line), or null. */
  readonly cutAt: number | null;
}

export type DisallowedPlace = 'line' | 'name' | 'value' | 'attribute name' | 'attribute value';

export type ParseFailure =
  | { readonly reason: 'NoCookieContent' }
  | { readonly reason: 'NameValuePairExceedsMaxSize'; readonly bytes: number }
  | { readonly reason: 'DisallowedCharacter'; readonly place: DisallowedPlace; readonly char: number; readonly attribute?: string };

export type ParseResult = { readonly ok: true; readonly cookie: ParsedSetCookie } | { readonly ok: false; readonly failure: ParseFailure };

const SPACE = 0x20;
const TAB = 0x09;
const SEMICOLON = 0x3b;
const EQUALS = 0x3d;

const isWhitespace = (c: number): boolean => c === SPACE || c === TAB;
/** `HttpUtil::IsControlChar`: C0 controls and DEL (a tab too, unless the browser allows tabs). */
const isControl = (c: number, tabs: boolean): boolean => (c <= 0x1f && (tabs || c !== TAB)) || c === 0x7f;
/** The attributes whose value Firefox ignores when over 1,024 bytes (`CheckAttributeSize`); Chromium ignores any attribute's. */
const SIZE_CHECKED = new Set(['domain', 'path', 'expires', 'max-age']);

/** The size of a string in UTF-8, which is what Chromium's byte limits count. */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { bytes += 2; i++; }
    else bytes += 2;
  }
  return bytes;
}

function firstDisallowed(text: string, forbidEquals: boolean, tabs: boolean): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isControl(c, tabs) || c === SEMICOLON || (forbidEquals && c === EQUALS)) return c;
  }
  return -1;
}

/**
 * Chromium's `IsValidCookieNameValuePair` (Firefox's `CheckNameAndValueSize`, `CheckName`,
 * `CheckValue`): the first problem of a name and value, or null.
 */
export function nameValueProblem(name: string, value: string, syntax: CookieSyntax = BROWSERS.chromium): ParseFailure | null {
  if (name === '' && value === '') return { reason: 'NoCookieContent' };
  const bytes = utf8Length(name) + utf8Length(value);
  if (bytes > MAX_NAME_VALUE_BYTES) return { reason: 'NameValuePairExceedsMaxSize', bytes };
  const inName = firstDisallowed(name, true, syntax.tabIsDisallowed);
  if (inName >= 0) return { reason: 'DisallowedCharacter', place: 'name', char: inName };
  const inValue = firstDisallowed(value, false, syntax.tabIsDisallowed);
  if (inValue >= 0) return { reason: 'DisallowedCharacter', place: 'value', char: inValue };
  return null;
}

/** Parses one Set-Cookie header value as the browser does (default: Chromium). */
export function parseSetCookie(line: string, counter?: StepCounter, syntax: CookieSyntax = BROWSERS.chromium): ParseResult {
  const tabs = syntax.tabIsDisallowed;
  let steps = 0;
  try {
    // The HTTP layer ends a header line at LF, and in Chromium at a bare CR too (it stores what
    // comes before); in Firefox a CR stays, a control character that refuses the cookie.
    let end = line.length;
    let cutAt: number | null = null;
    for (let i = 0; i < line.length; i++) {
      steps++;
      const c = line.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && syntax.crEndsLine)) { end = i; cutAt = i; break; }
      if (c === 0) return { ok: false, failure: { reason: 'DisallowedCharacter', place: 'line', char: 0 } };
    }
    if (end === 0) return { ok: false, failure: { reason: 'NoCookieContent' } };

    let name = '';
    let value = '';
    const attributes: (readonly [string, string])[] = [];
    const oversized: (readonly [string, number])[] = [];
    let it = 0;
    for (let pair = 0; it !== end; pair++) {
      // The token (name): skip whitespace, run to `;` or `=`, trim whitespace before it.
      let tokenStart = it;
      let tokenEnd = it;
      while (it !== end && isWhitespace(line.charCodeAt(it))) { it++; steps++; }
      if (it === end) {
        if (pair !== 0) break;
        tokenStart = 0; // an unparsable first token is read again as a value
      } else {
        tokenStart = it;
        while (it !== end) {
          const c = line.charCodeAt(it);
          if (c === SEMICOLON || c === EQUALS) break;
          it++; steps++;
        }
        tokenEnd = it;
        while (tokenEnd > tokenStart && isWhitespace(line.charCodeAt(tokenEnd - 1))) { tokenEnd--; steps++; }
      }
      let token: string;
      if (it === end || line.charCodeAt(it) !== EQUALS) {
        if (pair === 0 && syntax.tokenWithoutEquals === 'name') {
          token = line.slice(tokenStart, tokenEnd); // Firefox: `foo` is a cookie named foo with an empty value
        } else if (pair === 0) {
          token = ''; // Chromium: `foo` is a cookie with an empty name and the value `foo`
          it = tokenStart;
        } else {
          token = line.slice(tokenStart, tokenEnd);
        }
      } else {
        token = line.slice(tokenStart, tokenEnd);
        it++;
      }
      // The value: skip whitespace, run to `;`, trim whitespace before it.
      while (it !== end && isWhitespace(line.charCodeAt(it))) { it++; steps++; }
      const valueStart = it;
      while (it !== end && line.charCodeAt(it) !== SEMICOLON) { it++; steps++; }
      let valueEnd = it;
      while (valueEnd > valueStart && isWhitespace(line.charCodeAt(valueEnd - 1))) { valueEnd--; steps++; }
      const text = line.slice(valueStart, valueEnd);

      if (pair === 0) {
        steps += token.length + text.length;
        name = token;
        value = text;
        // Chromium checks the pair at once; Firefox only after the attributes (whose control characters it finds first).
        if (syntax.pairCheckedFirst) {
          const problem = nameValueProblem(token, text, syntax);
          if (problem !== null) return { ok: false, failure: problem };
        }
      } else {
        steps += token.length + text.length;
        const attribute = asciiLower(token);
        const inName = firstDisallowed(attribute, true, tabs);
        if (inName >= 0) return { ok: false, failure: { reason: 'DisallowedCharacter', place: 'attribute name', char: inName, attribute } };
        const inValue = firstDisallowed(text, false, tabs);
        if (inValue >= 0) return { ok: false, failure: { reason: 'DisallowedCharacter', place: 'attribute value', char: inValue, attribute } };
        const bytes = utf8Length(text);
        if (bytes > MAX_ATTRIBUTE_VALUE_BYTES && (syntax.oversizedIgnored === 'any' || SIZE_CHECKED.has(attribute))) oversized.push([attribute, bytes]);
        else attributes.push([attribute, text]);
      }
      if (it !== end) it++;
    }
    if (!syntax.pairCheckedFirst) {
      const problem = nameValueProblem(name, value, syntax);
      if (problem !== null) return { ok: false, failure: problem };
    }
    return { ok: true, cookie: withAttributes(name, value, attributes, oversized, cutAt) };
  } finally {
    if (counter !== undefined) counter.steps += steps;
  }
}

/** ASCII lowercase, as Chromium's `ToLowerASCII` (other letters stay as they are). */
function asciiLower(text: string): string {
  let upper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
    if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  return upper ? text.toLowerCase() : text;
}

function withAttributes(
  name: string, value: string, attributes: readonly (readonly [string, string])[],
  oversizedAttributes: readonly (readonly [string, number])[], cutAt: number | null,
): ParsedSetCookie {
  let domain: string | undefined;
  let path: string | undefined;
  let expires: string | undefined;
  let maxAge: string | undefined;
  let sameSite: string | undefined;
  let priority: string | undefined;
  let secure = false;
  let httpOnly = false;
  let partitioned = false;
  for (const [attribute, text] of attributes) {
    switch (attribute) {
      case 'domain': domain = text; break;
      case 'path': path = text; break;
      case 'expires': expires = text; break;
      case 'max-age': maxAge = text; break;
      case 'samesite': sameSite = text; break;
      case 'priority': priority = text; break;
      case 'secure': secure = true; break;
      case 'httponly': httpOnly = true; break;
      case 'partitioned': partitioned = true; break;
      default: break;
    }
  }
  return { name, value, attributes, domain, path, expires, maxAge, sameSite, priority, secure, httpOnly, partitioned, oversizedAttributes, cutAt };
}
