// The "edit a browser cookie" pre-check against what the extension API's cookies.set did in
// Chromium (vectors/chromium-cookies-set.json, recorded by scripts/browser-model/record-cookies-set.ts).
import { describe, expect, it } from 'vitest';
import { replayCookiesSet, type RecordedCookiesSet } from './conformance';
import vectors from './vectors/chromium-cookies-set.json';

const cases = vectors.cases as RecordedCookiesSet[];
const topics = vectors.topics as Record<string, string>;

describe(`cookies.set in Chromium ${vectors.chromium}`, () => {
  it('has every case, failures included', () => {
    expect(cases).toHaveLength(46);
    expect(cases.filter((c) => !c.ok)).toHaveLength(30);
  });

  it.each(cases.map((c) => [`${c.id} ${topics[c.id] ?? ''}`, c] as const))('%s', (_name, recorded) => {
    expect(replayCookiesSet(recorded).differences).toEqual([]);
  });
});
