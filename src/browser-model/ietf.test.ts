// The IETF http-state parser cases, answered by the real Chromium (vectors/ietf-chromium.json,
// recorded by scripts/browser-model/record-ietf.ts): the model must give Chromium's answer, which
// for 24 of the 222 cases is not the one the suite expects.
import { describe, expect, it } from 'vitest';
import { BrowserCookieStore } from './index';
import vectors from './vectors/ietf-chromium.json';
import datesVectors from './vectors/ietf-dates-chromium.json';

interface IetfVector {
  test: string;
  received: string[];
  setUrl: string;
  sentTo: string;
  chromium: { cookieHeader: string | null };
  chromiumMatchesSuite: boolean;
}

const cases = vectors.cases as IetfVector[];
/** Any fixed clock: the cases' dates are long past (2007) or far ahead (9999). */
const NOW = Date.UTC(2026, 11, 1);

describe('IETF http-state parser cases, as Chromium answers them', () => {
  it('has every case, and Chromium differs from the suite on 24', () => {
    expect(cases).toHaveLength(222);
    expect(cases.filter((c) => c.chromiumMatchesSuite)).toHaveLength(198);
  });

  it.each(cases.map((c) => [c.test, c] as const))('%s', (_test, vector) => {
    const store = new BrowserCookieStore({ now: () => NOW });
    store.setFromResponse(vector.received, { url: vector.setUrl });
    expect(store.cookiesFor({ url: vector.sentTo }).cookieHeader).toBe(vector.chromium.cookieHeader);
  });
});

interface DateVector {
  test: string;
  suiteExpects: string | null;
  serverDate: number;
  at: number;
  chromium: 'session' | 'expired' | { expires: number };
}

const dates = datesVectors.dates as DateVector[];

describe('IETF date examples as Expires, as Chromium reads them', () => {
  it('has every example', () => {
    expect(dates).toHaveLength(70);
  });

  it.each(dates.map((d) => [d.test, d] as const))('%s', (_test, vector) => {
    const store = new BrowserCookieStore({ now: () => vector.at });
    const verdict = store.setFromHeader(`d=1; Expires=${vector.test}`, { url: 'http://dates.example.org/date', serverDate: vector.serverDate });
    const model = verdict.outcome === 'deleted' ? 'expired' : verdict.cookie?.expirationDate === undefined ? 'session' : { expires: verdict.cookie.expirationDate };
    if (typeof vector.chromium === 'string' || typeof model === 'string') {
      expect(model).toEqual(vector.chromium);
    } else {
      // The model's clock is when the recording saw the response, Chromium's a moment earlier.
      expect(Math.abs(model.expires - vector.chromium.expires)).toBeLessThan(2);
    }
  });
});
