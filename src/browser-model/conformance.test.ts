// Chromium's own verdicts (recorded over the DevTools Protocol by
// scripts/browser-model/record-conformance.ts from the seeded scenarios of
// e2e/browser-model/scenarios.ts), replayed against the model: every Set-Cookie line must end
// the same in both stores with the same reasons, every request must carry the same cookies.
import { describe, expect, it } from 'vitest';
import { replayBatch, type RecordedBatch } from './conformance';
import vectors from './vectors/chromium-conformance.json';

const batches = vectors.batches as unknown as RecordedBatch[];
const topics = vectors.topics as Record<string, string>;
const comparisons = batches.map((batch) => [batch.id, replayBatch(batch)] as const);

describe(`Chromium ${vectors.chromium}'s recorded verdicts`, () => {
  it('has every scenario', () => {
    expect(comparisons.flatMap(([, c]) => c.lines)).toHaveLength(379);
    expect(comparisons.flatMap(([, c]) => c.requests)).toHaveLength(48);
  });

  it.each(comparisons)('%s: every Set-Cookie line, as Chromium', (_id, comparison) => {
    const disagreements = comparison.lines.filter((l) => !l.storeAgrees || !l.reasonsAgree)
      .map((l) => ({ scenario: `${l.scenario} ${topics[l.scenario] ?? ''}`, line: l.line, model: [l.modelOutcome, ...l.modelReasons], chromium: l.chromiumReasons, store: l.storeDifferences }));
    expect(disagreements).toEqual([]);
    expect(comparison.unattributed).toEqual([]);
    expect(comparison.setupDifferences).toEqual([]);
  });

  it.each(comparisons.filter(([, c]) => c.requests.length > 0))('%s: every request, as Chromium', (_id, comparison) => {
    expect(comparison.requests.filter((r) => !r.agrees).map((r) => ({ scenario: `${r.scenario} ${topics[r.scenario] ?? ''}`, differences: r.differences }))).toEqual([]);
  });
});
