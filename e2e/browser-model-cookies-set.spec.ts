// The "edit a browser cookie" pre-check (BrowserCookieStore.checkCookie) against the real
// cookies.set of the extension API: for every case of e2e/browser-model/cookiesSet.ts, the model
// (seeded with the case's cookies) must predict whether cookies.set succeeds and what the store
// then holds. cookies.set gives no reasons, so only the outcome and the store are compared.
import { replayCookiesSet } from '../src/browser-model/conformance';
import { cookiesSetCases, runCookiesSet } from './browser-model/cookiesSet';
import { expect, test } from './fixtures';

test('the pre-check predicts what cookies.set does', async ({ serviceWorker }) => {
  const cases = cookiesSetCases();
  const recorded = await runCookiesSet(serviceWorker, cases);
  const comparisons = recorded.map(replayCookiesSet);
  const topics = new Map(cases.map((c) => [c.id, c.topic]));
  for (const c of comparisons.filter((x) => !x.agrees)) console.log(`${c.id} (${topics.get(c.id) ?? '?'}): model ${c.model}, Chromium ${c.chromium}\n  ${c.differences.join('\n  ')}`);
  expect(recorded).toHaveLength(cases.length);
  expect(recorded.filter((r) => !r.ok).length).toBeGreaterThan(10);
  expect(comparisons.filter((c) => !c.agrees).map((c) => `${c.id} ${topics.get(c.id) ?? ''}`)).toEqual([]);
});
