// Chromium's "Lax-allowing-unsafe" window, recorded (vectors/chromium-lax-unsafe.json, by
// scripts/browser-model/record-lax-unsafe.ts): a cookie without SameSite goes with a cross-site
// top-level POST in its first 2 minutes, not after; SameSite=Lax never does, None always.
import { describe, expect, it } from 'vitest';
import { replayBatch, type RecordedBatch, type RecordedRequest } from './conformance';
import vectors from './vectors/chromium-lax-unsafe.json';

const batch = vectors.batch as unknown as RecordedBatch;
const requests = batch.steps.filter((s): s is RecordedRequest => s.kind === 'request');

describe(`Lax-allowing-unsafe in Chromium ${vectors.chromium}`, () => {
  it('shows the window closing: the young cookie goes after 5 s and 110 s, not after 125 s', () => {
    expect(requests.map((r) => r.cookieHeader)).toEqual(['young=1; none=1', 'young=1; none=1', 'none=1']);
  });

  it('the model sends what Chromium sent, for the reasons it gave', () => {
    const comparison = replayBatch(batch);
    expect(comparison.requests).toHaveLength(3);
    expect(comparison.requests.flatMap((r) => r.differences)).toEqual([]);
  });
});
