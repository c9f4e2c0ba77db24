/**
 * When a cookie expires, as Chromium computes it (`CanonicalCookie::ParseExpiration`,
 * `cookie_util::ParseCookieExpirationTime`, `ValidateAndAdjustExpiryDate`) and as Firefox does
 * (`CookieParser::GetExpiry`: its own Max-Age syntax, NSPR's date parser). Times are milliseconds
 * since the epoch; null is a session cookie; -Infinity is "already expired".
 */
import type { StepCounter } from '../jar';
import type { BrowserRules } from './browsers';
import { charCodes } from './domains';
import { parseNsprDate } from './nsprDate';
import type { ParsedSetCookie } from './parse';

/** Both browsers cap every expiry at 400 days after creation (Firefox: `network.cookie.maxageCap`). */
export const MAX_EXPIRY_MS = 400 * 24 * 60 * 60 * 1000;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Every character that separates the fields of an Expires date (not `:`, which holds hh:mm:ss). */
const DELIMITERS = charCodes('\t !"#$%&\'()*+,-./;<=>?@[\\]^_`{|}~');
const INT64_MAX = 9223372036854775807n;
/** A Max-Age that cannot overflow: read at once. */
const SHORT_INTEGER = /^[+-]?\d{1,15}$/;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** The leading digits of `token` as a number (C's `atoi` on a token that starts with a digit). */
function leadingNumber(token: string): number {
  let n = 0;
  for (let i = 0; i < token.length && isDigit(token.charCodeAt(i)); i++) n = n * 10 + token.charCodeAt(i) - 0x30;
  return n;
}

/** `sscanf(token, "%2u:%2u:%2u")` succeeding with all three fields. */
function clockTime(token: string): [number, number, number] | null {
  const fields: number[] = [];
  let i = 0;
  for (let field = 0; field < 3; field++) {
    if (field > 0) {
      if (token.charCodeAt(i) !== 0x3a) return null;
      i++;
    }
    const start = i;
    while (i < token.length && i - start < 2 && isDigit(token.charCodeAt(i))) i++;
    if (i === start) return null;
    fields.push(Number(token.slice(start, i)));
  }
  return [fields[0] ?? 0, fields[1] ?? 0, fields[2] ?? 0];
}

/**
 * An Expires value as a time, or null when Chromium cannot read it (the cookie is then a session
 * cookie). Lenient like Chromium: the fields are found by shape in any order, around any delimiters.
 */
export function parseCookieDate(text: string, counter?: StepCounter): number | null {
  let day: number | null = null;
  let month: number | null = null;
  let year: number | null = null;
  let time: [number, number, number] | null = null;
  let i = 0;
  while (i < text.length) {
    while (i < text.length && DELIMITERS.has(text.charCodeAt(i))) i++;
    const start = i;
    while (i < text.length && !DELIMITERS.has(text.charCodeAt(i))) i++;
    if (counter !== undefined) counter.steps += i - start + 1;
    if (i === start) break;
    const token = text.slice(start, i);
    if (!isDigit(token.charCodeAt(0))) {
      if (month === null) {
        const lower = token.slice(0, 3).toLowerCase();
        const index = MONTHS.indexOf(lower);
        if (index >= 0) month = index + 1;
      }
    } else if (token.includes(':')) {
      if (time === null) time = clockTime(token);
    } else if (day === null && token.length <= 2) {
      day = leadingNumber(token);
    } else if (year === null && token.length <= 5) {
      year = leadingNumber(token);
    }
  }
  if (day === null || month === null || year === null || time === null) return null;
  if (year >= 70 && year <= 99) year += 1900;
  else if (year >= 0 && year <= 69) year += 2000;
  const [hour, minute, second] = time;
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Chromium converts back and refuses a date that does not exist (30 February, second 60).
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || check.getUTCSeconds() !== second) return null;
  return ms;
}

/**
 * `base::StringToInt64` on a Max-Age value: the number of seconds, whether the whole text was one,
 * and whether it overflowed int64 (then Chromium uses the largest or smallest time).
 */
export function parseMaxAge(text: string): { seconds: number; exact: boolean; saturated: 'max' | 'min' | null } {
  if (SHORT_INTEGER.test(text)) return { seconds: Number(text), exact: true, saturated: null };
  let i = 0;
  let exact = true;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || (text.charCodeAt(i) >= 0x09 && text.charCodeAt(i) <= 0x0d))) { i++; exact = false; }
  let negative = false;
  if (text.charCodeAt(i) === 0x2d) { negative = true; i++; } else if (text.charCodeAt(i) === 0x2b) i++;
  const start = i;
  let value = 0n;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) return { seconds: Number(negative ? -value : value), exact: false, saturated: null };
    value = value * 10n + BigInt(c - 0x30);
    if (value > INT64_MAX + (negative ? 1n : 0n)) return { seconds: negative ? -Infinity : Infinity, exact: false, saturated: negative ? 'min' : 'max' };
  }
  if (i === start) return { seconds: 0, exact: false, saturated: null };
  return { seconds: Number(negative ? -value : value), exact, saturated: null };
}

/**
 * Firefox's Max-Age (`CookieParser::ParseMaxAgeAttribute`): a leading `-` means already expired
 * whatever follows; otherwise only digits count (`+60`, `1.5`, `abc` are ignored, and Expires
 * decides), saturating. null: ignored.
 */
export function parseFirefoxMaxAge(text: string): number | null {
  if (text === '') return null;
  if (text.charCodeAt(0) === 0x2d) return -Infinity;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return null;
  return SHORT_INTEGER.test(text) ? Number(text) : Infinity;
}

export interface ExpiryInput {
  /** The cookie's creation time (the moment the response is handled). */
  readonly now: number;
  /** The response's Date header as a time: Expires is shifted by the server's clock skew. */
  readonly serverDate?: number | undefined;
}

/** An Expires value read by the browser's date parser, or null when it cannot read it. */
export function parseExpires(text: string, rules: Pick<BrowserRules, 'dateParser'>, counter?: StepCounter): number | null {
  return rules.dateParser === 'nspr' ? parseNsprDate(text, counter) : parseCookieDate(text, counter);
}

/**
 * The expiry a parsed cookie asks for, as the browser reads it: Max-Age first (when the browser
 * reads it as a number), then Expires (shifted by the server's clock skew), else a session cookie
 * (null). Not yet capped at 400 days (capExpiry).
 */
export function cookieExpiry(cookie: ParsedSetCookie, { now, serverDate }: ExpiryInput, rules: Pick<BrowserRules, 'dateParser' | 'maxAgeSyntax'>): number | null {
  if (cookie.maxAge !== undefined) {
    if (rules.maxAgeSyntax === 'firefox') {
      const seconds = parseFirefoxMaxAge(cookie.maxAge);
      if (seconds !== null) return seconds === -Infinity ? -Infinity : now + seconds * 1000;
    } else {
      const { seconds, exact, saturated } = parseMaxAge(cookie.maxAge);
      if (exact) return seconds <= 0 ? -Infinity : now + seconds * 1000;
      if (saturated === 'max') return Infinity;
      if (saturated === 'min') return -Infinity;
    }
  }
  if (cookie.expires !== undefined && cookie.expires !== '') {
    const parsed = parseExpires(cookie.expires, rules);
    if (parsed !== null) return parsed + (serverDate === undefined ? 0 : now - serverDate);
  }
  return null;
}

/** The 400-day cap (`ValidateAndAdjustExpiryDate`). */
export function capExpiry(expiry: number | null, creation: number): number | null {
  if (expiry === null) return null;
  return Math.min(expiry, creation + MAX_EXPIRY_MS);
}

/** Chromium's `IsExpired`: an expiry at or before `now`. */
export function isExpired(expiry: number | null, now: number): boolean {
  return expiry !== null && now >= expiry;
}
