import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OBSERVED_LIMIT, ObservedStore, type HeadersReceivedDetails, type StorageArea } from './observed';

/** A storage area like browser.storage.session, whose reads can be held back to mimic a slow wake-up. */
function fakeStorage(initial: Record<string, unknown> = {}) {
  const data = { ...initial };
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => { release = resolve; });
  const area: StorageArea & { writes: number } = {
    writes: 0,
    get: async (key) => { await gate; return key in data ? { [key]: structuredClone(data[key]) } : {}; },
    set: (items) => { area.writes++; Object.assign(data, structuredClone(items)); return Promise.resolve(); },
  };
  return { area, data, release };
}

const response = (url: string, ...lines: string[]): HeadersReceivedDetails => ({
  url, tabId: 7, timeStamp: 1000, responseHeaders: [{ name: 'Content-Type', value: 'text/html' }, ...lines.map((value) => ({ name: 'Set-Cookie', value }))],
});

describe('ObservedStore', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('keeps events that arrive while the stored list is still loading, after the stored ones', async () => {
    const stored = [{ time: 1, url: 'http://a.test/', tabId: 1, header: 'Set-Cookie', line: 'old=1' }];
    const storage = fakeStorage({ observedSetCookies: stored });
    const store = new ObservedStore(storage.area);
    store.record(response('http://b.test/', 'new=2', 'newer=3'));
    storage.release();
    expect((await store.all()).map((entry) => entry.line)).toEqual(['old=1', 'new=2', 'newer=3']);
  });

  it('splits Firefox-style joined Set-Cookie values and ignores other headers', async () => {
    const storage = fakeStorage();
    storage.release();
    const store = new ObservedStore(storage.area);
    store.record({ url: 'http://c.test/', tabId: -1, timeStamp: 5, responseHeaders: [{ name: 'set-cookie', value: 'a=1\nb=2' }, { name: 'Set-Cookie2', value: 'c=3; Version=1' }] });
    expect(await store.all()).toEqual([
      { time: 5, url: 'http://c.test/', tabId: -1, header: 'Set-Cookie', line: 'a=1' },
      { time: 5, url: 'http://c.test/', tabId: -1, header: 'Set-Cookie', line: 'b=2' },
      { time: 5, url: 'http://c.test/', tabId: -1, header: 'Set-Cookie2', line: 'c=3; Version=1' },
    ]);
  });

  it('batches a burst of responses into one write, at most the delay behind', async () => {
    const storage = fakeStorage();
    storage.release();
    const store = new ObservedStore(storage.area, 500);
    for (let i = 0; i < 100; i++) store.record(response(`http://s${i}.test/`, `n${i}=v`));
    expect(storage.area.writes).toBe(0);
    await vi.advanceTimersByTimeAsync(500);
    expect(storage.area.writes).toBe(1);
    expect((storage.data['observedSetCookies'] as unknown[]).length).toBe(100);
  });

  it('keeps only the newest lines past the limit', async () => {
    const storage = fakeStorage();
    storage.release();
    const store = new ObservedStore(storage.area);
    for (let i = 0; i < OBSERVED_LIMIT + 5; i++) store.record(response('http://d.test/', `n${i}=v`));
    const all = await store.all();
    expect(all.length).toBe(OBSERVED_LIMIT);
    expect(all[0]?.line).toBe('n5=v');
  });
});
