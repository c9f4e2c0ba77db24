/**
 * Date/time conversion, as Python 3.11's http.cookiejar does it: http2time, iso2time, time2isoz,
 * time2netscape.
 *
 * Python parses the loose formats with backtracking regular expressions. Here the same expressions
 * (written below, part by part, beside Python's text) run on a small Pike VM: it explores every
 * alternative in lock step, in the priority order a backtracking engine would, so it picks the same
 * match and the same groups as Python's `re`, in time linear in the input (at most
 * `(input length + 1) × program size` steps). The simple fixed-shape expressions are hand-written
 * scanners. Every parser counts its steps into an optional `StepCounter`, so tests can bound the
 * work on adversarial input without timing it.
 */

import { CookieValueError } from './errors';

/** Counts parsing steps; pass one in `options.counter` to measure the work a parse did. */
export interface StepCounter {
  steps: number;
}

export interface DateParseOptions {
  /**
   * The clock, in seconds since the epoch (default `Date.now() / 1000`). Python resolves a two-digit
   * (or three-digit) year against the current LOCAL year (`time.localtime().tm_year`); so do we,
   * using this clock and the runtime's local time zone.
   */
  now?: number;
  /** Incremented by the work done, for linear-time tests. */
  counter?: StepCounter;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const MONTHS_LOWER = MONTHS.map((month) => month.toLowerCase());
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const EPOCH_YEAR = 1970;
const MAX_YEAR = 9999;
/** CPython refuses to convert longer digit strings with int() (sys.get_int_max_str_digits()). */
export const INT_MAX_STR_DIGITS = 4300;

// ---------------------------------------------------------------------------------------------
// Character classes (all of these expressions are compiled with re.ASCII in Python)

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isAsciiSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);
const isAsciiLetter = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiWord = (c: number): boolean => isAsciiLetter(c) || isDigit(c) || c === 0x5f;
const is = (ch: string) => {
  const code = ch.charCodeAt(0);
  return (c: number): boolean => c === code;
};
const oneOf = (chars: string) => (c: number): boolean => chars.includes(String.fromCharCode(c));

/** Python's `str.isspace()` (the whitespace `str.strip()` and `re`'s Unicode `\s` remove). */
export function isPythonSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f);
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 ||
    c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Python's `str.strip()` with no argument, in linear time (a `\s+$` regex would be quadratic). */
export function pyStrip(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isPythonSpace(text.charCodeAt(start))) start++;
  while (end > start && isPythonSpace(text.charCodeAt(end - 1))) end--;
  return text.slice(start, end);
}

/** Python's `str.lstrip()` with no argument: the index of the first non-space character. */
function lstripIndex(text: string, counter: StepCounter | undefined): number {
  let i = 0;
  while (i < text.length && isPythonSpace(text.charCodeAt(i))) i++;
  if (counter) counter.steps += i + 1;
  return i;
}

// ---------------------------------------------------------------------------------------------
// A Pike VM for the few backtracking expressions: leftmost-first (Perl/Python) priority, anchored
// at the start of the text (each of them starts with `^` and none is MULTILINE).

type Node =
  | { readonly k: 'cls'; readonly test: (c: number) => boolean }
  | { readonly k: 'seq'; readonly items: readonly Node[] }
  | { readonly k: 'alt'; readonly items: readonly Node[] }
  | { readonly k: 'rep'; readonly node: Node; readonly min: number; readonly max: number }
  | { readonly k: 'group'; readonly n: number; readonly node: Node }
  | { readonly k: 'assert'; readonly test: (text: string, pos: number) => boolean };

const cls = (test: (c: number) => boolean): Node => ({ k: 'cls', test });
const seq = (...items: Node[]): Node => ({ k: 'seq', items });
const alt = (...items: Node[]): Node => ({ k: 'alt', items });
const rep = (node: Node, min: number, max: number): Node => ({ k: 'rep', node, min, max });
const star = (node: Node): Node => rep(node, 0, Infinity);
const plus = (node: Node): Node => rep(node, 1, Infinity);
const opt = (node: Node): Node => rep(node, 0, 1);
const group = (n: number, node: Node): Node => ({ k: 'group', n, node });
const assert = (test: (text: string, pos: number) => boolean): Node => ({ k: 'assert', test });
const lit = (chars: string): Node => seq(...Array.from(chars, (ch) => cls(is(ch))));
/** `$` without MULTILINE: the end, or just before a final newline. */
const end = assert((text, pos) => pos === text.length || (pos === text.length - 1 && text.charCodeAt(pos) === 0x0a));
const digit = cls(isDigit);
const space = cls(isAsciiSpace);

type Inst =
  | { op: 'cls'; test: (c: number) => boolean }
  | { op: 'split'; x: number; y: number } // x has priority
  | { op: 'jmp'; x: number }
  | { op: 'save'; slot: number }
  | { op: 'assert'; test: (text: string, pos: number) => boolean }
  | { op: 'match' };

interface Program {
  readonly insts: readonly Inst[];
  readonly slots: number;
}

function compile(node: Node, groups: number): Program {
  const insts: Inst[] = [];
  const emit = (n: Node): void => {
    switch (n.k) {
      case 'cls': insts.push({ op: 'cls', test: n.test }); break;
      case 'assert': insts.push({ op: 'assert', test: n.test }); break;
      case 'seq': for (const item of n.items) emit(item); break;
      case 'group':
        insts.push({ op: 'save', slot: 2 * n.n });
        emit(n.node);
        insts.push({ op: 'save', slot: 2 * n.n + 1 });
        break;
      case 'alt': {
        const jumps: { op: 'jmp'; x: number }[] = [];
        n.items.forEach((item, i) => {
          if (i < n.items.length - 1) {
            const split: Inst = { op: 'split', x: insts.length + 1, y: -1 };
            insts.push(split);
            emit(item);
            const jump = { op: 'jmp' as const, x: -1 };
            jumps.push(jump);
            insts.push(jump);
            split.y = insts.length;
          } else {
            emit(item);
          }
        });
        for (const jump of jumps) jump.x = insts.length;
        break;
      }
      case 'rep': {
        for (let i = 0; i < n.min; i++) emit(n.node);
        if (n.max === Infinity) {
          const split: Inst = { op: 'split', x: insts.length + 1, y: -1 };
          const loop = insts.length;
          insts.push(split);
          emit(n.node);
          insts.push({ op: 'jmp', x: loop });
          split.y = insts.length;
        } else {
          const splits: { op: 'split'; x: number; y: number }[] = [];
          for (let i = n.min; i < n.max; i++) {
            const split = { op: 'split' as const, x: insts.length + 1, y: -1 };
            splits.push(split);
            insts.push(split);
            emit(n.node);
          }
          for (const split of splits) split.y = insts.length;
        }
        break;
      }
    }
  };
  emit(node);
  insts.push({ op: 'match' });
  return { insts, slots: 2 * (groups + 1) };
}

interface Thread {
  pc: number;
  caps: (number | undefined)[];
}

/**
 * Runs `prog` anchored at the start of `text`; returns the groups (1-based; `undefined` where a
 * group did not take part) of the match a backtracking engine would find, or null.
 */
function pikeMatch(prog: Program, text: string, counter: StepCounter | undefined): (string | undefined)[] | null {
  const { insts } = prog;
  const mark = new Int32Array(insts.length).fill(-1);
  let steps = 0;
  let generation = 0;
  const add = (list: Thread[], pc: number, caps: (number | undefined)[], pos: number): void => {
    steps++;
    if (mark[pc] === generation) return;
    mark[pc] = generation;
    const inst = insts[pc];
    if (inst === undefined) throw new Error('pikeMatch: bad program');
    switch (inst.op) {
      case 'jmp': add(list, inst.x, caps, pos); return;
      case 'split': add(list, inst.x, caps, pos); add(list, inst.y, caps, pos); return;
      case 'save': {
        const copy = caps.slice();
        copy[inst.slot] = pos;
        add(list, pc + 1, copy, pos);
        return;
      }
      case 'assert': if (inst.test(text, pos)) add(list, pc + 1, caps, pos); return;
      default: list.push({ pc, caps });
    }
  };
  let current: Thread[] = [];
  add(current, 0, new Array<number | undefined>(prog.slots).fill(undefined), 0);
  let matched: (number | undefined)[] | null = null;
  for (let pos = 0; current.length > 0; pos++) {
    generation++;
    const next: Thread[] = [];
    const c = pos < text.length ? text.charCodeAt(pos) : -1;
    for (const thread of current) {
      steps++;
      const inst = insts[thread.pc];
      if (inst?.op === 'match') {
        matched = thread.caps;
        break; // threads of lower priority can no longer win
      }
      if (inst?.op === 'cls' && c >= 0 && inst.test(c)) add(next, thread.pc + 1, thread.caps, pos + 1);
    }
    current = next;
  }
  if (counter) counter.steps += steps;
  if (matched === null) return null;
  const caps = matched;
  const groups: (string | undefined)[] = [];
  for (let g = 1; 2 * g < prog.slots; g++) {
    const start = caps[2 * g];
    const stop = caps[2 * g + 1];
    groups.push(start === undefined || stop === undefined ? undefined : text.slice(start, stop));
  }
  return groups;
}

// ---------------------------------------------------------------------------------------------
// The expressions, transcribed from cookiejar.py.

// LOOSE_HTTP_DATE_RE
//   ^ (\d\d?) (?:\s+|[-\/]) (\w+) (?:\s+|[-\/]) (\d+)
//   (?: (?:\s+|:) (\d\d?):(\d\d) (?::(\d\d))? )? \s*
//   (?: ([-+]?\d{2,4}|(?![APap][Mm]\b)[A-Za-z]+) \s* )?
//   (?: \(\w+\) \s* )? $
//
// A plain scan, not the Pike VM: each quantifier of this expression either takes its longest run
// or fails whatever it gives back, so the match a backtracking engine finds is the one a single
// pass finds, trying each optional part once (the reason is given at each part below). The
// transcription with JavaScript's backtracking RegExp in dates.test.ts checks it on random
// date-like strings.

/**
 * Where the groups of LOOSE_HTTP_DATE_RE are after matchLooseHttpDate: group g (1 to 7: day,
 * month, year, hour, minute, second, zone) is text[LOOSE[2g - 2]:LOOSE[2g - 1]], or absent when
 * its start is -1. One array for every call: the groups are read before the next.
 */
const LOOSE = new Int32Array(14);

/**
 * Matches LOOSE_HTTP_DATE_RE against text[start:], leaving the groups' bounds in LOOSE; false when
 * it does not match. Its scans pass over each character a bounded number of times: each starts
 * where an earlier one stopped, except that the end after the zone is looked for at most three times.
 */
function matchLooseHttpDate(text: string, start: number, counter: StepCounter | undefined): boolean {
  if (counter) counter.steps += 4 * (text.length - start) + 8;
  const n = text.length;
  const groups = LOOSE;
  // (\d\d?), then a separator, which is not a digit: a shorter day cannot help.
  let p = start;
  if (!isDigit(text.charCodeAt(p))) return false;
  p++;
  if (isDigit(text.charCodeAt(p))) p++;
  groups[0] = start;
  groups[1] = p;
  p = skipDateSeparator(text, p);
  if (p < 0) return false;
  // (\w+): a run of word characters is followed by a separator only at its end.
  const monthStart = p;
  while (p < n && isAsciiWord(text.charCodeAt(p))) p++;
  if (p === monthStart) return false;
  groups[2] = monthStart;
  groups[3] = p;
  p = skipDateSeparator(text, p);
  if (p < 0) return false;
  // (\d+), greedy: a shorter year leaves digits that only the zone's \d{2,4} could take, and what
  // follows them then follows the whole year (with no zone) just as well.
  const yearStart = p;
  while (p < n && isDigit(text.charCodeAt(p))) p++;
  if (p === yearStart) return false;
  groups[4] = yearStart;
  groups[5] = p;
  // The clock, tried first (a greedy `?`). Once its separator, hour, ':' and minutes are there,
  // leaving it (or its seconds) out leaves a ':' or an "hh:" that nothing after it can take.
  groups[6] = -1;
  groups[8] = -1;
  groups[10] = -1;
  let q = p;
  if (isAsciiSpace(text.charCodeAt(q))) {
    while (q < n && isAsciiSpace(text.charCodeAt(q))) q++;
  } else if (text.charCodeAt(q) === 0x3a) {
    q++;
  }
  if (q > p && isDigit(text.charCodeAt(q))) {
    const hourStart = q;
    q++;
    if (isDigit(text.charCodeAt(q))) q++; // then ':': an hour of one digit of two would leave a digit
    if (text.charCodeAt(q) === 0x3a && isDigit(text.charCodeAt(q + 1)) && isDigit(text.charCodeAt(q + 2))) {
      groups[6] = hourStart;
      groups[7] = q;
      groups[8] = q + 1;
      groups[9] = q + 3;
      q += 3;
      if (text.charCodeAt(q) === 0x3a && isDigit(text.charCodeAt(q + 1)) && isDigit(text.charCodeAt(q + 2))) {
        groups[10] = q + 1;
        groups[11] = q + 3;
        q += 3;
      }
      p = q;
    }
  }
  // \s*, then the zone: first [-+]?\d{2,4}, then letters, then none. What may follow a zone (\s*,
  // a parenthesis, the end) never starts with a digit or a letter, so each alternative takes its
  // longest run or fails.
  while (p < n && isAsciiSpace(text.charCodeAt(p))) p++;
  groups[12] = p;
  let s = p;
  if (text.charCodeAt(s) === 0x2b || text.charCodeAt(s) === 0x2d) s++;
  const digitsStart = s;
  while (s < n && s - digitsStart < 5 && isDigit(text.charCodeAt(s))) s++;
  if (s - digitsStart >= 2 && s - digitsStart <= 4 && matchesZoneEnd(text, s)) {
    groups[13] = s;
    return true;
  }
  if (!isMeridian(text, p)) {
    s = p;
    while (s < n && isAsciiLetter(text.charCodeAt(s))) s++;
    if (s > p && matchesZoneEnd(text, s)) {
      groups[13] = s;
      return true;
    }
  }
  groups[12] = -1;
  return matchesZoneEnd(text, p);
}

/**
 * _str2time for the groups matchLooseHttpDate left in LOOSE, read in place: the digits are ASCII
 * (re.ASCII's \d), so their values are summed from character codes; a year of more than 15
 * digits goes through pyIntDigits (Python's int(), which refuses over 4300 digits).
 */
function looseStr2time(text: string, options: DateParseOptions): number | null {
  const g = LOOSE;
  const yearStart = g[4] ?? 0;
  const yearEnd = g[5] ?? 0;
  let yr = yearEnd - yearStart <= 15 ? digitsAt(text, yearStart, yearEnd) : pyIntDigits(text.slice(yearStart, yearEnd));
  if (yr > MAX_YEAR) return null;

  const monthStart = g[2] ?? 0;
  const monthEnd = g[3] ?? 0;
  let month = monthEnd - monthStart === 3 ? monthNumberAt(text, monthStart) : 0;
  if (month === 0) {
    const imon = pyIntToken(text.slice(monthStart, monthEnd));
    if (imon === null || imon < 1 || imon > 12) return null;
    month = imon;
  }

  const hour = g[6] === -1 ? 0 : digitsAt(text, g[6] ?? 0, g[7] ?? 0);
  const minute = g[8] === -1 ? 0 : digitsAt(text, g[8] ?? 0, g[9] ?? 0);
  const second = g[10] === -1 ? 0 : digitsAt(text, g[10] ?? 0, g[11] ?? 0);
  if (yr < 1000) yr = obviousYear(yr, options);

  let t = timegm(yr, month, digitsAt(text, g[0] ?? 0, g[1] ?? 0), hour, minute, second);
  if (t !== null) {
    const offset = g[12] === -1 ? 0 : zoneOffsetAt(text, g[12] ?? 0, g[13] ?? 0, options.counter);
    if (offset === null) return null;
    t = t - offset;
  }
  return t;
}

/** offset_from_tz_string(tz.upper()) for the zone text[start:end]: GMT and UTC, in any case, without a new string. */
function zoneOffsetAt(text: string, start: number, end: number, counter: StepCounter | undefined): number | null {
  if (end - start === 3) {
    const a = asciiUpper(text.charCodeAt(start));
    const b = asciiUpper(text.charCodeAt(start + 1));
    const c = asciiUpper(text.charCodeAt(start + 2));
    if ((a === 0x47 && b === 0x4d && c === 0x54) || (a === 0x55 && b === 0x54 && c === 0x43)) return 0; // GMT, UTC
  }
  return offsetFromTzString(text.slice(start, end).toUpperCase(), counter);
}

const asciiUpper = (c: number): number => (c >= 0x61 && c <= 0x7a ? c - 0x20 : c);

/** (?:\s+|[-\/]) at `p`: the index after it, or -1. (\s+ takes every space: a word follows it.) */
function skipDateSeparator(text: string, p: number): number {
  const c = text.charCodeAt(p);
  if (c === 0x2d || c === 0x2f) return p + 1;
  if (!isAsciiSpace(c)) return -1;
  let i = p + 1;
  while (i < text.length && isAsciiSpace(text.charCodeAt(i))) i++;
  return i;
}

/** (?![APap][Mm]\b) fails at `pos`: "AM" or "pm" as a word of its own ("AMT" is a zone). */
function isMeridian(text: string, pos: number): boolean {
  const a = text.charCodeAt(pos);
  const m = text.charCodeAt(pos + 1);
  return (a === 0x41 || a === 0x50 || a === 0x61 || a === 0x70) && (m === 0x4d || m === 0x6d) && !isAsciiWord(text.charCodeAt(pos + 2));
}

/** `\s* (?: \(\w+\) \s* )? $` matches at `p`. */
function matchesZoneEnd(text: string, p: number): boolean {
  const n = text.length;
  let i = p;
  while (i < n && isAsciiSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x28) {
    let j = i + 1;
    while (j < n && isAsciiWord(text.charCodeAt(j))) j++;
    if (j > i + 1 && text.charCodeAt(j) === 0x29) {
      j++;
      while (j < n && isAsciiSpace(text.charCodeAt(j))) j++;
      if (j === n) return true;
    }
  }
  // $: the end, or just before a final newline (which \s* has taken already).
  return i === n;
}

// ISO_DATE_RE
//   ^ (\d{4}) [-\/]? (\d\d?) [-\/]? (\d\d?)
//   (?: (?:\s+|[-:Tt]) (\d\d?):?(\d\d) (?::?(\d\d(?:\.\d*)?))? )? \s*
//   (?: ([-+]?\d\d?:?(:?\d\d)? |Z|z) \s* )? $
const ISO_DATE = compile(seq(
  group(1, rep(digit, 4, 4)),
  opt(cls(oneOf('-/'))),
  group(2, rep(digit, 1, 2)),
  opt(cls(oneOf('-/'))),
  group(3, rep(digit, 1, 2)),
  opt(seq(alt(plus(space), cls(oneOf('-:Tt'))), group(4, rep(digit, 1, 2)), opt(lit(':')), group(5, rep(digit, 2, 2)),
    opt(seq(opt(lit(':')), group(6, seq(rep(digit, 2, 2), opt(seq(lit('.'), star(digit))))))))),
  star(space),
  opt(seq(group(7, alt(
    seq(opt(cls(oneOf('-+'))), rep(digit, 1, 2), opt(lit(':')), opt(group(8, seq(opt(lit(':')), rep(digit, 2, 2))))),
    lit('Z'),
    lit('z'),
  )), star(space))),
  end,
), 8);

// TIMEZONE_RE: ^([-+])?(\d\d?):?(\d\d)?$
const TIMEZONE = compile(seq(
  opt(group(1, cls(oneOf('-+')))),
  group(2, rep(digit, 1, 2)),
  opt(lit(':')),
  opt(group(3, rep(digit, 2, 2))),
  end,
), 3);

// ---------------------------------------------------------------------------------------------
// Python's int(), for the digit strings these expressions capture.

/** `int(s)` for an ASCII string of digits: throws where CPython does (over 4300 digits). */
function pyIntDigits(digits: string): number {
  if (digits.length > INT_MAX_STR_DIGITS) {
    throw new CookieValueError(`Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits`);
  }
  // Up to 15 digits a double holds exactly, leading zeros and all (summed here: Number() of a
  // string is a slower, general parse).
  if (digits.length <= 15) {
    let n = 0;
    for (let i = 0; i < digits.length; i++) n = n * 10 + digits.charCodeAt(i) - 0x30;
    return n;
  }
  const significant = digits.replace(/^0+(?=.)/, '');
  // Only compared against small bounds afterwards: anything this long is out of every range.
  return significant.length > 15 ? Infinity : Number(significant);
}

/**
 * `int(s)` for a month token (`\w+`, ASCII): digits with single underscores between them are a
 * valid Python integer literal ("1_2" is 12). Returns null where int() raises ValueError.
 */
function pyIntToken(token: string): number | null {
  if (isAsciiDigits(token, 0, token.length)) return token.length > INT_MAX_STR_DIGITS ? null : pyIntDigits(token);
  if (!/^[0-9]+(?:_[0-9]+)*$/.test(token)) return null;
  const digits = token.replaceAll('_', '');
  if (digits.length > INT_MAX_STR_DIGITS) return null; // ValueError, caught by _str2time
  return pyIntDigits(digits);
}

// ---------------------------------------------------------------------------------------------

/** calendar.timegm, guarded as cookiejar's _timegm; null where the fields are out of range. */
function timegm(year: number, month: number, mday: number, hour: number, min: number, sec: number): number | null {
  if (year >= EPOCH_YEAR && month >= 1 && month <= 12 && mday >= 1 && mday <= 31 &&
    hour >= 0 && hour <= 24 && min >= 0 && min <= 59 && sec >= 0 && sec <= 61) {
    // Day overflow rolls into the next month, as date(year, month, 1).toordinal() + mday - 1 does.
    const days = daysFromCivil(year, month, 1) + mday - 1;
    return ((days * 24 + hour) * 60 + min) * 60 + sec;
  }
  return null;
}

/**
 * Days from 1970-01-01 to the given date of the proleptic Gregorian calendar (H. Hinnant's
 * days_from_civil): what Date.UTC(year, month - 1, day) / 86,400,000 gives, in integer arithmetic.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function offsetFromTzString(tz: string, counter: StepCounter | undefined): number | null {
  if (tz === 'GMT' || tz === 'UTC' || tz === 'UT' || tz === 'Z') return 0;
  const m = pikeMatch(TIMEZONE, tz, counter);
  if (m === null) return null;
  const [sign, hours, minutes] = m;
  let offset = 3600 * pyIntDigits(hours ?? '0');
  if (minutes !== undefined) offset += 60 * pyIntDigits(minutes);
  return sign === '-' ? -offset : offset;
}

function localYear(now: number | undefined): number {
  if (now === undefined) return new Date().getFullYear();
  // Cookies of one response (and of many) are read at the same clock: one Date for them all.
  if (now !== lastYearAt) {
    lastYear = new Date(now * 1000).getFullYear();
    lastYearAt = now;
  }
  return lastYear;
}

let lastYearAt = Number.NaN;
let lastYear = 0;

function str2time(
  day: string, mon: string, yrText: string, hr: string | undefined, min: string | undefined, sec: string | undefined,
  tz: string | undefined, options: DateParseOptions,
): number | null {
  let yr = pyIntDigits(yrText);
  if (yr > MAX_YEAR) return null;

  let month = monthNumber(mon);
  if (month === 0) {
    const imon = pyIntToken(mon);
    if (imon === null || imon < 1 || imon > 12) return null;
    month = imon;
  }

  const hour = hr === undefined ? 0 : pyIntDigits(hr);
  const minute = min === undefined ? 0 : pyIntDigits(min);
  // The ISO seconds may have a fraction ("29.5"): Python's int() raises on it, which
  // iso2time's caller sees as a ValueError; we mirror that below.
  const second = sec === undefined ? 0 : pyIntSeconds(sec);

  if (yr < 1000) yr = obviousYear(yr, options);

  let t = timegm(yr, month, pyIntDigits(day), hour, minute, second);
  if (t !== null) {
    // (tz.upper(), unless it is already one of the names of UTC, as it most often is)
    const offset = tz === undefined || tz === 'GMT' || tz === 'UTC' ? 0 : offsetFromTzString(tz.toUpperCase(), options.counter);
    if (offset === null) return null;
    t = t - offset;
  }
  return t;
}

/**
 * `MONTHS_LOWER.index(mon.lower()) + 1`, or 0 when it is not a month's name. (The month group is
 * ASCII word characters: lower-casing them is ASCII's.)
 */
function monthNumber(mon: string): number {
  return mon.length === 3 ? monthNumberAt(mon, 0) : 0;
}

/** monthNumber of the three characters at text[start:]. */
function monthNumberAt(text: string, start: number): number {
  return MONTH_BY_CODES.get((asciiLower(text.charCodeAt(start)) << 16) | (asciiLower(text.charCodeAt(start + 1)) << 8) | asciiLower(text.charCodeAt(start + 2))) ?? 0;
}

const asciiLower = (c: number): number => (c >= 0x41 && c <= 0x5a ? c | 0x20 : c);

/** Each month's lower-case name as the three character codes monthNumber packs into one number. */
const MONTH_BY_CODES = new Map(MONTHS_LOWER.map((name, i) => [(name.charCodeAt(0) << 16) | (name.charCodeAt(1) << 8) | name.charCodeAt(2), i + 1]));

/** _str2time's "obvious" year for a year of fewer than four digits, against the local year of the clock. */
function obviousYear(year: number, options: DateParseOptions): number {
  const curYr = localYear(options.now);
  let m = curYr % 100;
  let yr = year + curYr - m;
  m = m - year;
  if (Math.abs(m) > 50) yr = m > 0 ? yr + 100 : yr - 100;
  return yr;
}

function pyIntSeconds(sec: string): number {
  if (sec.includes('.')) throw new CookieValueError(`invalid literal for int() with base 10: '${sec}'`);
  return pyIntDigits(sec);
}

/**
 * Whether the text has the fixed RFC 1123 shape
 * `^[SMTWF][a-z][a-z], (\d\d) ([JFMASOND][a-z][a-z]) (\d\d\d\d) (\d\d):(\d\d):(\d\d) GMT$`
 * (STRICT_DATE_RE); its groups are then fixed slices: 5-7, 8-11, 12-16, 17-19, 20-22, 23-25.
 */
function isStrictDate(text: string): boolean {
  const n = text.length;
  if (!(n === 29 || (n === 30 && text.charCodeAt(29) === 0x0a))) return false;
  const first = text.charCodeAt(0);
  const month = text.charCodeAt(8);
  return (first === 0x53 || first === 0x4d || first === 0x54 || first === 0x57 || first === 0x46) && // S M T W F
    isLowerAscii(text.charCodeAt(1)) && isLowerAscii(text.charCodeAt(2)) && text.charCodeAt(3) === 0x2c && text.charCodeAt(4) === 0x20 &&
    isDigit(text.charCodeAt(5)) && isDigit(text.charCodeAt(6)) && text.charCodeAt(7) === 0x20 &&
    (month === 0x4a || month === 0x46 || month === 0x4d || month === 0x41 || month === 0x53 || month === 0x4f || month === 0x4e || month === 0x44) && // J F M A S O N D
    isLowerAscii(text.charCodeAt(9)) && isLowerAscii(text.charCodeAt(10)) && text.charCodeAt(11) === 0x20 &&
    isDigit(text.charCodeAt(12)) && isDigit(text.charCodeAt(13)) && isDigit(text.charCodeAt(14)) && isDigit(text.charCodeAt(15)) &&
    text.charCodeAt(16) === 0x20 && isDigit(text.charCodeAt(17)) && isDigit(text.charCodeAt(18)) && text.charCodeAt(19) === 0x3a &&
    isDigit(text.charCodeAt(20)) && isDigit(text.charCodeAt(21)) && text.charCodeAt(22) === 0x3a &&
    isDigit(text.charCodeAt(23)) && isDigit(text.charCodeAt(24)) && text.charCodeAt(25) === 0x20 &&
    text.charCodeAt(26) === 0x47 && text.charCodeAt(27) === 0x4d && text.charCodeAt(28) === 0x54; // GMT
}

const isLowerAscii = (c: number): boolean => c >= 0x61 && c <= 0x7a;

/** The value of the ASCII digits text[start:end]. */
function digitsAt(text: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + text.charCodeAt(i) - 0x30;
  return n;
}

const WEEKDAYS = new Set(['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat']);

/**
 * WEEKDAY_RE (re.I): `^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*,?\s*`; returns the index after it.
 * (The day's letters compare as ASCII letters without regard to case.)
 */
function skipWeekday(text: string, start: number, counter: StepCounter | undefined): number {
  const a = text.charCodeAt(start);
  const b = text.charCodeAt(start + 1);
  const c = text.charCodeAt(start + 2);
  if (!isAsciiLetter(a) || !isAsciiLetter(b) || !isAsciiLetter(c) || !WEEKDAYS.has(String.fromCharCode(a | 0x20, b | 0x20, c | 0x20))) return start;
  let i = start + 3;
  while (i < text.length && isAsciiLetter(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) === 0x2c) i++;
  while (i < text.length && isAsciiSpace(text.charCodeAt(i))) i++;
  if (counter) counter.steps += i - start + 1;
  return i;
}

/**
 * Python's `http2time`: seconds since the epoch of an HTTP date (RFC 1123, RFC 850, asctime-less
 * loose forms), or null if the format is not recognised, the date is out of range, or the time zone
 * is not understood. A time zone other than UTC/GMT/UT/Z must be numeric ("+0100").
 *
 * Throws CookieValueError exactly where Python raises ValueError: a strict-format date whose month
 * is not a month name ("Wed, 09 Jux 1994 22:23:32 GMT"), or a year of more than 4300 digits.
 * (Python's CookieJar.make_cookies catches that and drops the response's Netscape cookies.)
 */
export function http2time(text: string, options: DateParseOptions = {}): number | null {
  const { counter } = options;
  if (counter) counter.steps += 1;
  // fast exit for strictly conforming string
  if (isStrictDate(text)) {
    const month = monthNumberAt(text, 8);
    if (month === 0) throw new CookieValueError(`'${text.slice(8, 11).toLowerCase()}' is not in list`);
    return timegm(digitsAt(text, 12, 16), month, digitsAt(text, 5, 7), digitsAt(text, 17, 19), digitsAt(text, 20, 22), digitsAt(text, 23, 25));
  }

  // No, we need some messy parsing...
  let start = lstripIndex(text, counter);
  start = skipWeekday(text, start, counter); // Useless weekday
  if (!matchLooseHttpDate(text, start, counter)) return null; // bad format
  return looseStr2time(text, options);
}

/**
 * Python's `iso2time`: as http2time, for the ISO 8601 forms ("1994-02-03 14:15:29 -0100",
 * "19940203T141529Z", "1994-02-03"...).
 *
 * Throws CookieValueError where Python raises ValueError: seconds with a fraction ("14:15:29.5"),
 * which Python's int() refuses.
 */
export function iso2time(text: string, options: DateParseOptions = {}): number | null {
  const { counter } = options;
  if (counter) counter.steps += 1;
  if (isIsozShape(text)) {
    // What time2isoz writes (and LWP files hold): ISO_DATE_RE's groups are fixed slices of ASCII
    // digits, read in place. _str2time: the month is no month's name, so int(mon) in 1..12; a year
    // under 1000 ("0999") is made "obvious"; the zone is "Z".
    if (counter) counter.steps += text.length;
    const month = digitsAt(text, 5, 7);
    if (month < 1 || month > 12) return null;
    let yr = digitsAt(text, 0, 4);
    if (yr < 1000) yr = obviousYear(yr, options);
    return timegm(yr, month, digitsAt(text, 8, 10), digitsAt(text, 11, 13), digitsAt(text, 14, 16), digitsAt(text, 17, 19));
  }
  const start = lstripIndex(text, counter);
  const m = pikeMatch(ISO_DATE, start === 0 ? text : text.slice(start), counter);
  if (m === null) return null; // bad format
  const [yr, mon, day, hr, min, sec, tz] = m;
  if (day === undefined || mon === undefined || yr === undefined) return null;
  return str2time(day, mon, yr, hr, min, sec, tz, options);
}

/**
 * Exactly "YYYY-MM-DD hh:mm:ssZ" in ASCII digits. ISO_DATE_RE's greedy first choices all succeed
 * on it, so the groups a backtracking engine gives are: 4 digits, 2, 2, then 2, 2, 2 and "Z".
 */
function isIsozShape(text: string): boolean {
  return text.length === 20 && isAsciiDigits(text, 0, 4) && text.charCodeAt(4) === 0x2d && isAsciiDigits(text, 5, 7) &&
    text.charCodeAt(7) === 0x2d && isAsciiDigits(text, 8, 10) && text.charCodeAt(10) === 0x20 && isAsciiDigits(text, 11, 13) &&
    text.charCodeAt(13) === 0x3a && isAsciiDigits(text, 14, 16) && text.charCodeAt(16) === 0x3a && isAsciiDigits(text, 17, 19) &&
    text.charCodeAt(19) === 0x5a;
}

/** `text[start:end]` is non-empty and all ASCII digits. */
function isAsciiDigits(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** Python's round() of a float: half to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** datetime.utcfromtimestamp(t), to whole-second fields; throws where Python does (out of range). */
function utcFields(t: number | null | undefined): Date {
  const seconds = t ?? Date.now() / 1000;
  if (Number.isNaN(seconds)) throw new CookieValueError('Invalid value NaN (not a number)');
  // Python: frac, t = modf(t); us = round(frac * 1e6), carried into the seconds.
  let whole = Math.trunc(seconds);
  const us = roundHalfEven((seconds - whole) * 1e6);
  if (us >= 1_000_000) whole += 1;
  else if (us < 0) whole -= 1;
  const date = new Date(whole * 1000);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(date.getTime()) || year < 1 || year > MAX_YEAR) {
    throw new CookieValueError(`year ${Number.isFinite(date.getTime()) ? year : seconds} is out of range`);
  }
  return date;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** 10000-01-01T00:00:00Z in seconds since the epoch. */
const END_OF_9999 = 253_402_300_800;
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => pad(n, 2));

/** time2isoz for whole seconds in [0, END_OF_9999): the civil date from the day number (H. Hinnant's days_from_civil, inverted). */
function isozOfWholeSeconds(t: number): string {
  const days = Math.floor(t / 86_400);
  const secondOfDay = t - days * 86_400;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hour = Math.floor(secondOfDay / 3600);
  const minute = Math.floor((secondOfDay % 3600) / 60);
  const second = secondOfDay % 60;
  return `${String(year)}-${TWO_DIGITS[month] ?? ''}-${TWO_DIGITS[day] ?? ''} ${TWO_DIGITS[hour] ?? ''}:${TWO_DIGITS[minute] ?? ''}:${TWO_DIGITS[second] ?? ''}Z`;
}

/**
 * Python's `time2isoz`: "YYYY-MM-DD hh:mm:ssZ" (UTC) for `t` seconds since the epoch, or for now.
 * Throws CookieValueError where Python does: a time outside the years 1..9999.
 */
export function time2isoz(t?: number | null): string {
  // The common case, a whole number of seconds from 1970 to 9999 (every cookie expiry is whole),
  // by arithmetic instead of a Date.
  if (typeof t === 'number' && Number.isInteger(t) && t >= 0 && t < END_OF_9999) return isozOfWholeSeconds(t);
  const d = utcFields(t);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}Z`;
}

/**
 * Python's `time2netscape`: "Wed, DD-Mon-YYYY HH:MM:SS GMT" for `t` seconds since the epoch, or for
 * now. Throws CookieValueError where Python does: a time outside the years 1..9999.
 */
export function time2netscape(t?: number | null): string {
  const d = utcFields(t);
  const weekday = DAYS[(d.getUTCDay() + 6) % 7] ?? '';
  const month = MONTHS[d.getUTCMonth()] ?? '';
  return `${weekday}, ${pad(d.getUTCDate(), 2)}-${month}-${pad(d.getUTCFullYear(), 4)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)} GMT`;
}
