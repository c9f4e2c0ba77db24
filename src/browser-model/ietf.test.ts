// The IETF http-state parser cases, answered by the real browsers (vectors/ietf-<browser>.json,
// recorded by scripts/browser-model/record-ietf.ts): the model must give each browser's answer,
// which for some cases is not the one the suite expects (24 for Chromium, 22 for Firefox).
import { describe, expect, it } from 'vitest';
import { BrowserCookieStore, type BrowserName } from './index';
import chromiumCases from './vectors/ietf-chromium.json';
import chromiumDates from './vectors/ietf-dates-chromium.json';
import firefoxCases from './vectors/ietf-firefox.json';
import firefoxDates from './vectors/ietf-dates-firefox.json';

interface IetfVector {
  test: string;
  received: string[];
  setUrl: string;
  sentTo: string;
  answer: { cookieHeader: string | null };
  matchesSuite: boolean;
}

interface DateVector {
  test: string;
  suiteExpects: string | null;
  serverDate: number;
  at: number;
  answer: 'session' | 'expired' | { expires: number };
}

/** Each file names the browser's answers after it (`chromium`, `firefoxMatchesSuite`). */
function casesOf(browser: BrowserName, file: { cases: Record<string, unknown>[] }): IetfVector[] {
  return file.cases.map((c) => ({ ...c, answer: c[browser], matchesSuite: c[`${browser}MatchesSuite`] }) as unknown as IetfVector);
}

function datesOf(browser: BrowserName, file: { dates: Record<string, unknown>[] }): DateVector[] {
  return file.dates.map((d) => ({ ...d, answer: d[browser] }) as unknown as DateVector);
}

const BROWSERS = [
  { browser: 'chromium', cases: casesOf('chromium', chromiumCases), dates: datesOf('chromium', chromiumDates), matching: 198 },
  { browser: 'firefox', cases: casesOf('firefox', firefoxCases), dates: datesOf('firefox', firefoxDates), matching: 200 },
] as const;
/** Any fixed clock: the cases' dates are long past (2007) or far ahead (9999). */
const NOW = Date.UTC(2026, 11, 1);

describe.each(BROWSERS)('IETF http-state parser cases, as $browser answers them', ({ browser, cases, matching }) => {
  it(`has every case, and ${browser} answers ${matching} as the suite expects`, () => {
    expect(cases).toHaveLength(222);
    expect(cases.filter((c) => c.matchesSuite)).toHaveLength(matching);
  });

  it.each(cases.map((c) => [c.test, c] as const))('%s', (_test, vector) => {
    const store = new BrowserCookieStore({ browser, now: () => NOW });
    store.setFromResponse(vector.received, { url: vector.setUrl });
    expect(store.cookiesFor({ url: vector.sentTo }).cookieHeader).toBe(vector.answer.cookieHeader);
  });
});

describe.each(BROWSERS)('IETF date examples as Expires, as $browser reads them', ({ browser, dates }) => {
  it('has every example', () => {
    expect(dates).toHaveLength(70);
  });

  it.each(dates.map((d) => [d.test, d] as const))('%s', (_test, vector) => {
    const store = new BrowserCookieStore({ browser, now: () => vector.at });
    const verdict = store.setFromHeader(`d=1; Expires=${vector.test}`, { url: 'http://dates.example.org/date', serverDate: vector.serverDate });
    const model = verdict.outcome === 'deleted' ? 'expired' : verdict.cookie?.expirationDate === undefined ? 'session' : { expires: verdict.cookie.expirationDate };
    if (typeof vector.answer === 'string' || typeof model === 'string') {
      expect(model).toEqual(vector.answer);
    } else {
      // The model's clock is when the recording saw the response, the browser's a moment earlier.
      expect(Math.abs(model.expires - vector.answer.expires)).toBeLessThan(2);
    }
  });
});
