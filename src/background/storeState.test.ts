// What a store's records say when they cannot be written (each failure names its record in words a
// user reads in the status), what the per-tab and counter records hold, and the id counters that
// keep ids unique across a worker restart (storeState.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { DefaultCookiePolicy } from '../jar';
import { BrowserVerdicts } from './browserVerdicts';
import { DEFAULT_LIMITS } from './limits';
import { ID_BLOCK, StoreRecords, StoreState, TAB_URL_LIMIT } from './storeState';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);
const respond = (fake: FakeBrowser, url: string, init: Parameters<typeof chromeRequest>[1], ...lines: string[]) => {
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(url, { timeStamp: fake.clock.now, ...init }), ...lines));
};
const failed = (fake: FakeBrowser) => fake.background.status().failures.map((f) => [f.area, f.key, f.what]);

/** A worker on the fake browser with its stored state read; `persistJar`: persistent cookies go to storage.local. */
async function started(persistJar = false): Promise<FakeBrowser> {
  const fake = startFakeBrowser();
  await fake.background.ready;
  if (persistJar) await fake.background.handlers().setPolicy({ type: 'setPolicy', settings: { ...DEFAULT_SETTINGS, persistJar: true } });
  return fake;
}

beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
afterEach(() => { vi.useRealTimers(); });

describe('a record that cannot be written is named in words', () => {
  it('a site’s cookies, its persistent cookies, a page of its decision log', async () => {
    const fake = await started(true);
    fake.session.failKeys.add('jar/0/example.com');
    fake.session.failKeys.add('log/0/example.com/1');
    fake.local.failKeys.add('jar/0/example.com');
    respond(fake, 'http://www.example.com/', {}, 'session=1', 'kept=1; Max-Age=3600');
    await vi.advanceTimersByTimeAsync(1000);
    expect(failed(fake)).toEqual(expect.arrayContaining([
      ['session', 'jar/0/example.com', 'the cookies of example.com'],
      ['local', 'jar/0/example.com', 'the persistent cookies of example.com'],
      ['session', 'log/0/example.com/1', 'page 1 of the decision log of example.com'],
    ]));
    expect(fake.background.status().errors.join('\n')).toMatch(/^Could not save page 1 of the decision log of example\.com \(\d+ bytes\)/m);
    // Both halves of the site's record are still reported by the next worker.
    await vi.advanceTimersByTimeAsync(1000);
    const woken = startFakeBrowser({ session: fakeStorage(fake.session.data), local: fakeStorage(fake.local.data) });
    await woken.background.ready;
    expect(failed(woken)).toEqual(expect.arrayContaining([
      ['session', 'jar/0/example.com', 'the cookies of example.com'],
      ['local', 'jar/0/example.com', 'the persistent cookies of example.com'],
    ]));
  });

  it('a cookie whose domain has no host at all (an imported "." line) is "(no host)"', async () => {
    const fake = await started(true);
    fake.session.failKeys.add('jar/0/');
    fake.local.failKeys.add('jar/0/');
    const file = '# Netscape HTTP Cookie File\n.\tTRUE\t/\tFALSE\t0\tsession\t1\n.\tTRUE\t/\tFALSE\t2000000000\tkept\t1\n';
    await fake.background.handlers().importJar({ type: 'importJar', format: 'mozilla', text: file });
    await vi.advanceTimersByTimeAsync(1000);
    expect(failed(fake)).toEqual(expect.arrayContaining([
      ['session', 'jar/0/', 'the cookies of (no host)'],
      ['local', 'jar/0/', 'the persistent cookies of (no host)'],
    ]));
  });

  it('the tabs’ top-level pages and the id counters', async () => {
    const fake = await started();
    fake.session.failKeys.add('tabs/0');
    fake.session.failKeys.add('meta/0');
    respond(fake, 'http://www.example.com/', { tabId: 4, type: 'main_frame' }, 'a=1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(failed(fake)).toEqual(expect.arrayContaining([
      ['session', 'tabs/0', 'the tabs’ top-level pages'],
      ['session', 'meta/0', 'the id counters'],
    ]));
  });
});

describe('the records a store writes', () => {
  it('a tab’s top-level URL is kept to its first 2,048 characters; the record goes when the last tab closes', async () => {
    const fake = await started();
    const url = `http://www.example.com/${'p'.repeat(3000)}`;
    respond(fake, url, { tabId: 4, type: 'main_frame' }, 'a=1');
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.session.data['tabs/0']).toEqual({ v: 1, tabs: [[4, url.slice(0, TAB_URL_LIMIT)]] });
    fake.events.tabs.onRemoved.dispatch(4);
    await vi.advanceTimersByTimeAsync(1000);
    expect(fake.session.data['tabs/0']).toBeUndefined();
  });
});

describe('ids never repeat across a restart: the stored counters stay ahead of every id handed out', () => {
  const newStore = () => new StoreState({ storeId: '0', private: false }, new DefaultCookiePolicy(), () => T0 / 1000,
    { mirror: { ...DEFAULT_LIMITS }, log: { decisions: 100, bytes: 1_000_000 }, sent: { entries: 100, bytes: 1_000_000 } },
    new BrowserVerdicts({ browser: 'chromium', now: () => T0 }));
  const meta = (records: StoreRecords) => records.takeChanged().find((w) => w.key === 'meta/0')?.value as { nextResponseId: number; nextDecisionId: number } | undefined;

  it.each([['response', 'takeResponseId', 'nextResponseId'], ['decision', 'takeDecisionId', 'nextDecisionId']] as const)('%s ids, over two and a half blocks', (_kind, take, field) => {
    const store = newStore();
    const records = new StoreRecords(() => store, () => false);
    let stored = 0;
    let writes = 0;
    for (let i = 0; i < 2.5 * ID_BLOCK; i++) {
      const id = store[take]();
      const written = meta(records);
      if (written !== undefined) { stored = written[field]; writes++; }
      // A worker stopped now restarts from `stored`: it must be past this id.
      expect(stored).toBeGreaterThan(id);
    }
    // The counter is written once per half block or so, not per id.
    expect(writes).toBeGreaterThanOrEqual(5);
    expect(writes).toBeLessThanOrEqual(6);
  });

  it('the counters written are the larger of the reserved and the next id (a restored counter ahead of the reservation is kept)', () => {
    const store = newStore();
    const records = new StoreRecords(() => store, () => false);
    store.takeResponseId();
    store.nextResponseId = 5 * ID_BLOCK;
    store.nextDecisionId = 7 * ID_BLOCK;
    store.metaDirty = true;
    expect(meta(records)).toMatchObject({ nextResponseId: 5 * ID_BLOCK, nextDecisionId: 7 * ID_BLOCK });
  });

  it('pending counts every record waiting: dirty sites, sent-header pages, tabs and the counters', () => {
    const store = newStore();
    const records = new StoreRecords(() => store, () => false);
    expect(records.pending()).toBe(0);
    store.takeResponseId(); // reserves: the counters are waiting
    store.mirror.dirty.add('a.test');
    store.mirror.dirty.add('b.test');
    store.sent.append({ time: T0, tabId: 1, url: 'http://a.test/', resourceType: 'main_frame', browser: 'x=1', jar: 'x=1', jarCookie2: null, same: true });
    store.tabsDirty = true;
    const waiting = records.pending();
    expect(waiting).toBe(2 + store.sent.pages.dirty.size + 1 + 1);
    expect(store.sent.pages.dirty.size).toBeGreaterThan(0);
    records.takeChanged();
    expect(records.pending()).toBe(0);
  });
});
