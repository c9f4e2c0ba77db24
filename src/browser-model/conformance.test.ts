// The browsers' own verdicts on the seeded scenarios of e2e/browser-model/scenarios.ts (recorded by
// scripts/browser-model/record-conformance.ts: Chromium's over the DevTools Protocol, Firefox's from
// its store and the Cookie headers its requests carried), replayed against the model: every
// Set-Cookie line must end the same in both stores (with the same reasons, where the browser gives
// them), every request must carry the same cookies.
import { describe, expect, it } from 'vitest';
import { replayBatch, type RecordedBatch } from './conformance';
import chromium from './vectors/chromium-conformance.json';
import firefox from './vectors/firefox-conformance.json';

const RECORDINGS = [
  { browser: 'Chromium', version: chromium.chromium, vectors: chromium, lines: 403, requests: 58 },
  // Every scenario with Total Cookie Protection; the third-party ones again rejecting and accepting third parties.
  { browser: 'Firefox', version: firefox.firefox, vectors: firefox, lines: 455, requests: 58 },
];

describe.each(RECORDINGS)('$browser $version\'s recorded verdicts', ({ vectors, lines, requests }) => {
  const topics = vectors.topics as Record<string, string>;
  const comparisons = (vectors.batches as unknown as RecordedBatch[]).map((batch) => [batch.id, replayBatch(batch)] as const);

  it('has every scenario', () => {
    expect(comparisons.flatMap(([, c]) => c.lines)).toHaveLength(lines);
    expect(comparisons.flatMap(([, c]) => c.requests)).toHaveLength(requests);
  });

  it.each(comparisons)('%s: every Set-Cookie line, as the browser', (_id, comparison) => {
    const disagreements = comparison.lines.filter((l) => !l.storeAgrees || !l.reasonsAgree)
      .map((l) => ({ scenario: `${l.scenario} ${topics[l.scenario] ?? ''}`, line: l.line, model: [l.modelOutcome, ...l.modelReasons], browser: l.chromiumReasons, store: l.storeDifferences }));
    expect(disagreements).toEqual([]);
    expect(comparison.unattributed).toEqual([]);
    expect(comparison.setupDifferences).toEqual([]);
  });

  it.each(comparisons.filter(([, c]) => c.requests.length > 0))('%s: every request, as the browser', (_id, comparison) => {
    expect(comparison.requests.filter((r) => !r.agrees).map((r) => ({ scenario: `${r.scenario} ${topics[r.scenario] ?? ''}`, differences: r.differences }))).toEqual([]);
  });
});
