import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { http2time, iso2time, time2isoz, time2netscape, type StepCounter } from './dates';
import vectors from './text-vectors/dates.json';

// Expected values: recorded from python3.11's http.cookiejar by text-vectors/generate_dates_headers.py.
type Outcome = { value: number | string | null } | { error: string };
interface ParseCase { text: string; now: number; http2time: Outcome; iso2time: Outcome }
interface FormatCase { t: number; time2isoz: Outcome; time2netscape: Outcome }
const parseCases = vectors.parse as ParseCase[];
const formatCases = vectors.format as FormatCase[];

/** Python raises ValueError; we throw CookieValueError. */
function outcome(run: () => number | string | null): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof Error && error.name === 'CookieValueError') return { error: 'ValueError' };
    throw error;
  }
}

const label = (c: { text: string }) => JSON.stringify(c.text.length > 60 ? `${c.text.slice(0, 60)}…(${c.text.length})` : c.text);

describe('http2time and iso2time agree with Python', () => {
  it('has the vectors recorded from python3 (an empty or cut file fails)', () => {
    expect([parseCases.length, formatCases.length]).toEqual([2152, 533]);
  });
  it.each(parseCases.map((c) => [label(c), c] as const))('http2time(%s)', (_, c) => {
    expect(outcome(() => http2time(c.text, { now: c.now }))).toEqual(c.http2time);
  });
  it.each(parseCases.map((c) => [label(c), c] as const))('iso2time(%s)', (_, c) => {
    expect(outcome(() => iso2time(c.text, { now: c.now }))).toEqual(c.iso2time);
  });
});

describe('time2isoz and time2netscape agree with Python', () => {
  it.each(formatCases.map((c) => [c.t, c] as const))('t = %s', (_, c) => {
    expect(outcome(() => time2isoz(c.t))).toEqual(c.time2isoz);
    expect(outcome(() => time2netscape(c.t))).toEqual(c.time2netscape);
  });
  it('formats the current time when t is omitted or null', () => {
    const before = Math.floor(Date.now() / 1000);
    const parsed = iso2time(time2isoz());
    expect(parsed).not.toBeNull();
    expect(parsed).toBeGreaterThanOrEqual(before);
    expect(http2time(time2netscape(null))).toBeGreaterThanOrEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// An independent reference: Python's algorithm transcribed with JavaScript's backtracking RegExp
// (same priority rules as Python's `re`). Python's `$` (end, or before a final newline) is
// `(?=\n?$)`; re.ASCII's \s is [ \t\n\r\f\v]. Only run on short inputs: it backtracks.

const S = '[ \\t\\n\\r\\f\\v]';
const LOOSE_RE = new RegExp(
  `^(\\d\\d?)(?:${S}+|[-/])(\\w+)(?:${S}+|[-/])(\\d+)(?:(?:${S}+|:)(\\d\\d?):(\\d\\d)(?::(\\d\\d))?)?${S}*` +
  `(?:([-+]?\\d{2,4}|(?![APap][Mm]\\b)[A-Za-z]+)${S}*)?(?:\\(\\w+\\)${S}*)?(?=\\n?$)`,
);
const ISO_RE = new RegExp(
  `^(\\d{4})[-/]?(\\d\\d?)[-/]?(\\d\\d?)(?:(?:${S}+|[-:Tt])(\\d\\d?):?(\\d\\d)(?::?(\\d\\d(?:\\.\\d*)?))?)?${S}*` +
  `(?:([-+]?\\d\\d?:?(:?\\d\\d)?|Z|z)${S}*)?(?=\\n?$)`,
);
const STRICT_RE = /^[SMTWF][a-z][a-z], (\d\d) ([JFMASOND][a-z][a-z]) (\d\d\d\d) (\d\d):(\d\d):(\d\d) GMT(?=\n?$)/;
const WEEKDAY_RE = new RegExp(`^(?:Sun|Mon|Tue|Wed|Thu|Fri|Sat)[a-z]*,?${S}*`, 'i');
const TIMEZONE_RE = /^([-+])?(\d\d?):?(\d\d)?(?=\n?$)/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// eslint-disable-next-line no-control-regex -- Python's whitespace includes \x1c-\x1f
const PY_SPACE = /^[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

class ValueError extends Error {}
function pyInt(s: string): number {
  if (!/^\d+(?:_\d+)*$/.test(s)) throw new ValueError(s);
  if (s.replaceAll('_', '').length > 4300) throw new ValueError('limit');
  return Number(s.replaceAll('_', ''));
}
function refTimegm(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  if (!(y >= 1970 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h >= 0 && h <= 24 && mi >= 0 && mi <= 59 && s >= 0 && s <= 61)) return null;
  return Date.UTC(y, mo - 1, 1) / 1000 + (d - 1) * 86400 + h * 3600 + mi * 60 + s;
}
function refStr2time(g: (string | undefined)[], now: number): number | null {
  const [day = '', mon = '', yrText = '', hr, min, sec, tz] = g;
  let yr = pyInt(yrText);
  if (yr > 9999) return null;
  let month = MONTHS.indexOf(mon.toLowerCase()) + 1;
  if (month === 0) {
    let imon: number;
    try { imon = pyInt(mon); } catch { return null; }
    if (imon < 1 || imon > 12) return null;
    month = imon;
  }
  const h = pyInt(hr ?? '0');
  const mi = pyInt(min ?? '0');
  const s = pyInt(sec ?? '0');
  if (yr < 1000) {
    const cur = new Date(now * 1000).getFullYear();
    let m = cur % 100;
    const tmp = yr;
    yr = yr + cur - m;
    m = m - tmp;
    if (Math.abs(m) > 50) yr += m > 0 ? 100 : -100;
  }
  const t = refTimegm(yr, month, pyInt(day), h, mi, s);
  if (t === null) return null;
  const zone = (tz ?? 'UTC').toUpperCase();
  let offset: number | null = null;
  if (['GMT', 'UTC', 'UT', 'Z'].includes(zone)) offset = 0;
  else {
    const m = TIMEZONE_RE.exec(zone);
    if (m) {
      offset = 3600 * Number(m[2]) + (m[3] ? 60 * Number(m[3]) : 0);
      if (m[1] === '-') offset = -offset;
    }
  }
  return offset === null ? null : t - offset;
}
function refHttp2time(text: string, now: number): number | null {
  const strict = STRICT_RE.exec(text);
  if (strict) {
    const mon = MONTHS.indexOf((strict[2] ?? '').toLowerCase()) + 1;
    if (mon === 0) throw new ValueError('month');
    return refTimegm(Number(strict[3]), mon, Number(strict[1]), Number(strict[4]), Number(strict[5]), Number(strict[6]));
  }
  const rest = text.replace(PY_SPACE, '').replace(WEEKDAY_RE, '');
  const m = LOOSE_RE.exec(rest);
  return m ? refStr2time(m.slice(1), now) : null;
}
function refIso2time(text: string, now: number): number | null {
  const m = ISO_RE.exec(text.replace(PY_SPACE, ''));
  if (!m) return null;
  const [yr, mon, day, ...clockAndZone] = m.slice(1, 8);
  return refStr2time([day, mon, yr, ...clockAndZone], now);
}
function refOutcome(run: () => number | null): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof ValueError) return { error: 'ValueError' };
    throw error;
  }
}

/** Strings made of the pieces dates are made of, so that many of them nearly parse. */
const dateish = fc.array(fc.constantFrom(
  ' ', '  ', '\t', '\n', '\u00a0', ',', '-', '/', ':', '.', '+', '(', ')', '_', 'T', 'Z', 'z', 'GMT', 'UTC', 'AM', 'pm',
  'Wed', 'Tuesday', 'Feb', 'jan', 'Jux', '0', '1', '9', '09', '12', '24', '31', '61', '94', '1994', '2000', '19940203',
  '14:15', '14:15:29', '+0100', '-08:00', 'x', 'é',
), { maxLength: 14 }).map((parts) => parts.join(''));
const clock = fc.constantFrom(1688169600, 962409600, 2508969600);
// Any string of code points, lone surrogates included. Built at load, not in a test: fast-check
// builds its table of every code point on the first binary-string arbitrary of a process (2.5 s
// on a loaded machine), which counted against the timeout of the one test that asked first.
const binaryText = fc.string({ unit: 'binary', maxLength: 200 });

describe('http2time and iso2time match a backtracking transcription of Python', () => {
  it('on date-like strings', () => {
    fc.assert(fc.property(dateish, clock, (text, now) => {
      expect(outcome(() => http2time(text, { now }))).toEqual(refOutcome(() => refHttp2time(text, now)));
      expect(outcome(() => iso2time(text, { now }))).toEqual(refOutcome(() => refIso2time(text, now)));
    }), { numRuns: 3000 });
  });
  it('on arbitrary strings', () => {
    fc.assert(fc.property(binaryText, clock, (text, now) => {
      expect(outcome(() => http2time(text, { now }))).toEqual(refOutcome(() => refHttp2time(text, now)));
      expect(outcome(() => iso2time(text, { now }))).toEqual(refOutcome(() => refIso2time(text, now)));
    }), { numRuns: 1000 });
  });
});

// ---------------------------------------------------------------------------------------------
// Linear time: the work (counted steps, not wall time) stays under a fixed multiple of the length.

/** Generous: the worst inputs measured take about 45 steps a character (a year of 100 KB of digits). */
const STEPS_PER_CHAR = 200;

function stepsOf(parse: (text: string, counter: StepCounter) => unknown, text: string): number {
  const counter = { steps: 0 };
  try {
    parse(text, counter);
  } catch {
    // a ValueError (as Python) still counts its steps
  }
  return counter.steps;
}

const ADVERSARIAL: [string, (n: number) => string][] = [
  ['digits', (n) => '1'.repeat(n)],
  ['spaces then junk', (n) => `${' '.repeat(n)}x`],
  ['unicode spaces', (n) => `${'\u00a0\u2003'.repeat(n / 2)}1`],
  ['long year', (n) => `09 Feb ${'1'.repeat(n)} x`],
  ['long month', (n) => `09 ${'a'.repeat(n)} 1994`],
  ['spaces before the zone', (n) => `09 Feb 1994 14:15${' '.repeat(n)}GMT x`],
  ['spaces in separators', (n) => `09${' '.repeat(n / 2)}Feb${' '.repeat(n / 2)}`],
  ['long zone', (n) => `09 Feb 1994 ${'A'.repeat(n)}1`],
  ['long parenthesis', (n) => `09 Feb 1994 (${'a'.repeat(n)}`],
  ['weekday letters', (n) => `Wed${'a'.repeat(n)}`],
  ['iso digits', (n) => `1994${'1'.repeat(n)}`],
  ['iso fraction', (n) => `1994-02-03 14:15:29.${'5'.repeat(n)}x`],
  ['iso spaces', (n) => `1994-02-03${' '.repeat(n)}14:15${' '.repeat(n)}x`],
  ['separators', (n) => '-/:T '.repeat(n / 5)],
  ['colons and digits', (n) => '1:'.repeat(n / 2)],
  ['newlines', (n) => `09 Feb 1994${'\n'.repeat(n)}`],
];

describe('parsing is linear in the input', () => {
  it.each(ADVERSARIAL)('%s (100 KB)', (_, make) => {
    for (const n of [1_000, 100_000]) {
      const text = make(n);
      const http = stepsOf((s, counter) => http2time(s, { counter }), text);
      const iso = stepsOf((s, counter) => iso2time(s, { counter }), text);
      expect(http).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
      expect(iso).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
    }
  });

  it('on random repetitions of date pieces up to 100 KB', () => {
    const piece = fc.constantFrom(' ', '1', '12', ':', '-', 'a', 'A', 'Feb', '(', ')', '+', '.', 'T', 'Z', '\n', '09 Feb 1994 ', '14:15:29');
    const adversarial = fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 100_000 }), fc.array(piece, { maxLength: 3 }))
      .map(([unit, length, tail]) => {
        const body = unit.join('');
        return `${body.repeat(Math.ceil(length / body.length)).slice(0, length)}${tail.join('')}`;
      });
    fc.assert(fc.property(adversarial, (text) => {
      expect(stepsOf((s, counter) => http2time(s, { counter }), text)).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
      expect(stepsOf((s, counter) => iso2time(s, { counter }), text)).toBeLessThanOrEqual(STEPS_PER_CHAR * (text.length + 1));
    }), { numRuns: 40 });
  });
});
