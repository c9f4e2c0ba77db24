/**
 * Firefox's Expires parser: NSPR's `PR_ParseTimeString` (with "default to GMT"), the lenient
 * date reader Netscape wrote for HTTP dates. It looks at each token's first characters, so it
 * reads nearly anything with a day, a month name and a year; its quirks are kept because Firefox has
 * them: at most 1,001 tokens; a time without seconds takes as seconds the character after the minutes
 * minus '0' ("10:59 GMT" is 10:58:44); `6/16/95` dates; two-digit years 70–99 → 19xx, 0–69 → 20xx;
 * a handful of zone names and `+hhmm` offsets; impossible fields roll over (31 Feb is 3 March).
 * One forward pass: linear in the text.
 */
import type { StepCounter } from '../jar';

type Field = 'month' | 'zone' | 'weekday';
/** What a token's first three letters may name: [second and third letters, field, value]. */
const NAMES: Readonly<Record<string, readonly (readonly [string, Field, string])[]>> = {
  a: [['pr', 'month', 'apr'], ['st', 'zone', 'ast'], ['ug', 'month', 'aug']],
  b: [['st', 'zone', 'bst']],
  c: [['dt', 'zone', 'cdt'], ['st', 'zone', 'cst']],
  d: [['ec', 'month', 'dec']],
  e: [['dt', 'zone', 'edt'], ['et', 'zone', 'eet'], ['st', 'zone', 'est']],
  f: [['eb', 'month', 'feb'], ['ri', 'weekday', 'fri']],
  g: [['mt', 'zone', 'gmt']],
  j: [['an', 'month', 'jan'], ['st', 'zone', 'jst'], ['ul', 'month', 'jul'], ['un', 'month', 'jun']],
  m: [['ar', 'month', 'mar'], ['ay', 'month', 'may'], ['dt', 'zone', 'mdt'], ['et', 'zone', 'met'], ['on', 'weekday', 'mon'], ['st', 'zone', 'mst']],
  n: [['ov', 'month', 'nov'], ['st', 'zone', 'nst']],
  o: [['ct', 'month', 'oct']],
  p: [['dt', 'zone', 'pdt'], ['st', 'zone', 'pst']],
  s: [['at', 'weekday', 'sat'], ['ep', 'month', 'sep'], ['un', 'weekday', 'sun']],
  t: [['hu', 'weekday', 'thu'], ['ue', 'weekday', 'tue']],
  w: [['ed', 'weekday', 'wed']],
};
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** Each zone's offset from GMT and its daylight-saving hour, in minutes. */
const ZONES: Readonly<Record<string, readonly [offset: number, dst: number]>> = {
  pst: [-480, 0], pdt: [-480, 60], mst: [-420, 0], mdt: [-420, 60], cst: [-360, 0], cdt: [-360, 60], est: [-300, 0], edt: [-300, 60],
  ast: [-240, 0], nst: [-210, 0], gmt: [0, 0], bst: [0, 60], met: [60, 0], eet: [120, 0], jst: [540, 0],
};
/** A token ends at these (not at `:` or `.`). */
const TOKEN_END = new Set([0x20, 0x09, 0x2c, 0x3b, 0x2d, 0x2b, 0x2f, 0x28, 0x29, 0x5b, 0x5d]);
/** Skipped between tokens. */
const SEPARATOR = new Set([0x20, 0x09, 0x2c, 0x3b, 0x2f, 0x28, 0x29, 0x5b, 0x5d]);
const MAX_TOKENS = 1000;
const YEAR_LIMIT = 32767;

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const lower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c + 0x20 : c);

/** An Expires value as ms since the epoch, or null when Firefox cannot read it (a session cookie). */
export function parseNsprDate(text: string, counter?: StepCounter): number | null {
  // C reads a NUL past the end; so does `at`.
  const at = (index: number): number => (index < text.length ? text.charCodeAt(index) : 0);
  const digit = (index: number): number => at(index) - 0x30;
  const known: Record<Field, string | null> = { month: null, zone: null, weekday: null };
  let month: number | null = null;
  let zoneOffset: number | null = null;
  let date = -1;
  let year = -1;
  let hour = -1;
  let minute = -1;
  let second = -1;
  let i = 0;
  let tokens = 0;
  while (i < text.length) {
    if (tokens++ > MAX_TOKENS) return null;
    const c = at(i);
    if (isLetter(c)) {
      const second2 = String.fromCharCode(lower(at(i + 1)), lower(at(i + 2)));
      if (lower(c) === 0x75 && known.zone === null && lower(at(i + 1)) === 0x74 && !isLetter(at(i + 2))) {
        known.zone = 'gmt'; // "UT" is GMT, "UTx" is not
      } else {
        const match = (NAMES[String.fromCharCode(lower(c))] ?? []).find(([letters, field]) => known[field] === null && letters === second2);
        if (match !== undefined) {
          known[match[1]] = match[2];
          if (match[1] === 'month') month = MONTHS.indexOf(match[2]);
        }
      }
    } else if (c === 0x2b || c === 0x2d) {
      i++;
      if (zoneOffset === null && (known.zone === null || known.zone === 'gmt')) {
        let end = i;
        while (isDigit(at(end))) end++;
        const length = end - i;
        const minutes = length === 4 ? (digit(i) * 10 + digit(i + 1)) * 60 + digit(i + 2) * 10 + digit(i + 3)
          : length === 2 ? (digit(i) * 10 + digit(i + 1)) * 60
          : length === 1 ? digit(i) * 60 : null;
        if (minutes !== null) {
          zoneOffset = c === 0x2b ? minutes : -minutes;
          known.zone = 'gmt';
        }
      }
    } else if (isDigit(c)) {
      let end = i + 1;
      while (isDigit(at(end))) end++;
      if (at(end) === 0x3a) {
        const time = readTime(i, end);
        if (time !== null) {
          [hour, minute, second] = time.fields;
          i = time.next;
        }
      } else if ((at(end) === 0x2f || at(end) === 0x2d) && isDigit(at(end + 1))) {
        if (month === null) {
          const numeric = readNumericDate(i);
          if (numeric !== null) {
            i = numeric.next;
            if (numeric.fields !== null) [year, month, date] = numeric.fields;
          }
        }
      } else if (!isLetter(at(end))) {
        const length = end - i;
        const value = Number(text.slice(i, end));
        if (length === 5 || length === 4) {
          if (year < 0) year = value;
        } else if (length === 2) {
          if (date < 0 && value < 32) date = value;
          else if (year < 0) year = value < 70 ? 2000 + value : value < 100 ? 1900 + value : value;
        } else if (length === 1 && date < 0) {
          date = value;
        }
      }
    }
    // The rest of the token, then separators; a `-` is skipped too after a word when no year is known yet, or before a non-digit.
    while (i < text.length && !TOKEN_END.has(at(i))) i++;
    for (;;) {
      while (i < text.length && SEPARATOR.has(at(i))) i++;
      if (at(i) === 0x2d && ((i > 0 && isLetter(at(i - 1)) && year < 0) || !isDigit(at(i + 1)))) { i++; continue; }
      break;
    }
    if (counter !== undefined) counter.steps++;
  }
  if (counter !== undefined) counter.steps += text.length;

  if (month === null || date === -1 || year === -1 || year > YEAR_LIMIT) return null;
  const [offset, dst] = zoneOffset !== null ? [zoneOffset, 0] : ZONES[known.zone ?? 'gmt'] ?? [0, 0];
  const time = new Date(0);
  time.setUTCFullYear(year, month, date);
  time.setUTCHours(Math.max(hour, 0), Math.max(minute, 0), second === -1 ? 0 : second, 0);
  return time.getTime() - (offset + dst) * 60_000;

  /** `H[H]:M[M][:S[S]]` from `start` (its first colon at `colon`), with am/pm: the fields and where the token goes on. */
  function readTime(start: number, colon: number): { fields: [number, number, number]; next: number } | null {
    if ((hour >= 0 && minute >= 0) || colon - start > 2) return null;
    let h = colon - start === 2 ? digit(start) * 10 + digit(start + 1) : digit(start);
    let rest = colon + 1;
    let end = rest;
    while (isDigit(at(end))) end++;
    if (end === rest || end - rest > 2) return null;
    const m = end - rest === 2 ? digit(rest) * 10 + digit(rest + 1) : digit(rest);
    rest = at(end) === 0x3a ? end + 1 : end;
    end = rest;
    while (isDigit(at(end))) end++;
    if (end - rest > 2) return null;
    // NSPR reads one "digit" even when there is none: the next character minus '0'.
    const s = end - rest === 2 ? digit(rest) * 10 + digit(rest + 1) : digit(rest);
    if (h <= 12) {
      let k = end;
      while (at(k) === 0x20 || at(k) === 0x09) k++;
      if (lower(at(k)) === 0x70 && lower(at(k + 1)) === 0x6d) h = h === 12 ? 12 : h + 12;
      else if (h === 12 && lower(at(k)) === 0x61 && lower(at(k + 1)) === 0x6d) h = 0;
    }
    return { fields: [h, m, s], next: end };
  }

  /** `n1/n2/n3` (or with `-`): YY/MM/DD, DD/MM/YY or MM/DD/YY; fields null when it is not a date but the token was read. */
  function readNumericDate(start: number): { fields: [number, number, number] | null; next: number } | null {
    let s = start;
    const number = (maxDigits: number): number => {
      let n = digit(s++);
      for (let k = 1; k < maxDigits && isDigit(at(s)); k++) n = n * 10 + digit(s++);
      return n;
    };
    const n1 = number(2);
    if (at(s) !== 0x2f && at(s) !== 0x2d) return null;
    s++;
    if (!isDigit(at(s))) return null;
    const n2 = number(2);
    if (at(s) !== 0x2f && at(s) !== 0x2d) return null;
    s++;
    if (!isDigit(at(s))) return null;
    let n3 = number(2);
    if (isDigit(at(s))) {
      // Digits three and four must both be there; a fifth may follow.
      n3 = n3 * 10 + digit(s++);
      if (!isDigit(at(s))) return null;
      n3 = n3 * 10 + digit(s++);
      if (isDigit(at(s))) n3 = n3 * 10 + digit(s++);
    }
    if (isDigit(at(s)) || isLetter(at(s))) return null;
    const fullYear = (n: number): number => (n < 70 ? n + 2000 : n < 100 ? n + 1900 : n);
    if (n1 > 31 || n1 === 0) {
      if (n2 > 12 || n3 > 31) return null;
      return { fields: [fullYear(n1), n2 - 1, n3], next: s };
    }
    if (n1 > 12 && n2 > 12) return { fields: null, next: s };
    return { fields: n1 > 12 ? [fullYear(n3), n2 - 1, n1] : [fullYear(n3), n1 - 1, n2], next: s };
  }
}
