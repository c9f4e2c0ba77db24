import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Largest } from './largest';

describe('Largest', () => {
  it('names a key of the largest size after any sequence of changes, as a scan would', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 50 })), { maxLength: 400 }), (changes) => {
      const sizes = new Map<number, number>();
      const largest = new Largest<number>((key) => sizes.get(key) ?? 0, () => sizes.keys(), () => sizes.size);
      for (const [key, size] of changes) {
        if (size === 0) sizes.delete(key); else sizes.set(key, size);
        largest.changed(key);
        const max = Math.max(0, ...sizes.values());
        const top = largest.top();
        if (max === 0) expect(top).toBeUndefined();
        else expect(top === undefined ? undefined : sizes.get(top)).toBe(max);
      }
    }), { numRuns: 300 });
  });

  it('stays within a constant factor of the live keys however many changes it sees', () => {
    const sizes = new Map<number, number>([[1, 1], [2, 1]]);
    const largest = new Largest<number>((key) => sizes.get(key) ?? 0, () => sizes.keys(), () => sizes.size);
    for (let i = 0; i < 100_000; i++) { sizes.set(i % 2 + 1, i); largest.changed(i % 2 + 1); }
    expect((largest as unknown as { heap: unknown[] }).heap.length).toBeLessThanOrEqual(2 * 2 + 64 + 1);
    expect(largest.top()).toBe(2);
  });
});
