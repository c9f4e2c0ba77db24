import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Largest } from './largest';

describe('Largest', () => {
  it('names a key of the largest size after any sequence of changes, as a scan would', () => {
    // Many keys and sizes, and few (where every key is often at 0, so nothing is the largest). A key
    // brought to 0 is gone when even (a site whose cookies are all gone) and stays live when odd
    // (a site with responses but no decisions left).
    for (const [keys, most] of [[20, 50], [3, 3]] as const) {
      fc.assert(fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: keys }), fc.integer({ min: 0, max: most })), { maxLength: 400 }), (changes) => {
        const sizes = new Map<number, number>();
        const largest = new Largest<number>((key) => sizes.get(key) ?? 0, () => sizes.keys(), () => sizes.size);
        for (const [key, size] of changes) {
          if (size === 0 && key % 2 === 0) sizes.delete(key); else sizes.set(key, size);
          largest.changed(key);
          const max = Math.max(0, ...sizes.values());
          const top = largest.top();
          if (max === 0) expect(top).toBeUndefined();
          else expect(top === undefined ? undefined : sizes.get(top)).toBe(max);
        }
      }), { numRuns: 300 });
    }
  });

  it('stays within a constant factor of the live keys however many changes it sees', () => {
    const sizes = new Map<number, number>([[1, 1], [2, 1]]);
    const largest = new Largest<number>((key) => sizes.get(key) ?? 0, () => sizes.keys(), () => sizes.size);
    for (let i = 0; i < 100_000; i++) { sizes.set(i % 2 + 1, i); largest.changed(i % 2 + 1); }
    expect((largest as unknown as { heap: unknown[] }).heap.length).toBeLessThanOrEqual(2 * 2 + 64 + 1);
    expect(largest.top()).toBe(2);
  });

  it('follows the largest as it is taken from until nothing is left, as the mirror evicts from the largest site', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (start, take) => {
      const sizes = new Map(start.map((size, key) => [key, size]));
      const largest = new Largest<number>((key) => sizes.get(key) ?? 0, () => sizes.keys(), () => sizes.size);
      for (const key of sizes.keys()) largest.changed(key);
      for (let top = largest.top(); top !== undefined; top = largest.top()) {
        expect(sizes.get(top)).toBe(Math.max(...sizes.values()));
        expect(sizes.get(top)).toBeGreaterThan(0);
        // A key of size 0 stays a live key (a site with responses but no decisions left).
        sizes.set(top, Math.max(0, (sizes.get(top) ?? 0) - take));
        largest.changed(top);
      }
      expect(Math.max(...sizes.values())).toBe(0);
    }), { numRuns: 300 });
  });

  it('never names a key of size 0, however many changes came before (a site with responses but no decisions left is not asked for decisions)', () => {
    const sizes = new Map([[0, 0], [1, 100], [2, 1]]);
    const largest = new Largest<number>((key) => sizes.get(key) ?? 0, () => sizes.keys(), () => sizes.size);
    for (const key of sizes.keys()) largest.changed(key);
    for (let i = 0; i < 1000; i++) { sizes.set(2, 1 + (i % 50)); largest.changed(2); }
    expect(largest.top()).toBe(1);
    for (const key of [1, 2]) { sizes.set(key, 0); largest.changed(key); }
    expect(largest.top()).toBeUndefined();
  });

  it('names no key when empty, nor after clear() until a key changes again (the mirror clears it with its jar)', () => {
    interface Site { name: string; cookies: number }
    const sites = [{ name: 'a.test', cookies: 3 }, { name: 'b.test', cookies: 5 }];
    const largest = new Largest<Site>((site) => site.cookies, () => sites, () => sites.length);
    expect(largest.top()).toBeUndefined();
    for (const site of sites) largest.changed(site);
    expect(largest.top()?.name).toBe('b.test');
    largest.clear();
    expect(largest.top()).toBeUndefined();
    const fresh = { name: 'c.test', cookies: 1 };
    largest.changed(fresh);
    expect(largest.top()).toBe(fresh);
  });

  it('costs a few size lookups per change, not a look at every key (a site setting cookie after cookie stays cheap)', () => {
    for (const keys of [20, 10_000]) {
      const sizes = new Map(Array.from({ length: keys }, (_, key) => [key, 1]));
      let lookups = 0;
      const largest = new Largest<number>((key) => { lookups++; return sizes.get(key) ?? 0; }, () => sizes.keys(), () => sizes.size);
      for (const key of sizes.keys()) largest.changed(key);
      lookups = 0;
      for (let i = 0; i < 20_000; i++) {
        const key = i % keys;
        sizes.set(key, (sizes.get(key) ?? 0) + 1);
        largest.changed(key);
      }
      expect(lookups).toBeLessThan(3 * 20_000);
    }
  });
});
