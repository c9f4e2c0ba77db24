// The writer's batching (one write per delay, whatever happens in between), its bookkeeping of what
// is stored (the status the popup shows) and its failures in words (which record, why, how large).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageWriter, formatBytes, itemBytes, type RecordSource, type RecordWrite, type StorageArea, type WriterOptions } from './store';
import { fakeStorage, type FakeStorage } from './testing/fakeBrowser';

/** A source the test feeds: `change()` queues a record and schedules, as the real sources do. */
function feed(writer: StorageWriter) {
  let queue: RecordWrite[] = [];
  writer.addSource({ pending: () => queue.length, takeChanged: () => { const taken = queue; queue = []; return taken; } } satisfies RecordSource);
  return {
    change(key: string, value: unknown = 1, area: 'local' | 'session' = 'session'): void {
      queue.push({ area, key, value, what: `the record ${key}` });
      writer.schedule();
    },
    /** The record is gone: its key is removed from storage. */
    drop(key: string): void {
      queue.push({ area: 'session', key, value: undefined, what: `the record ${key}` });
      writer.schedule();
    },
  };
}

function writerOf(areas: { local?: StorageArea; session?: StorageArea }, options: Partial<WriterOptions> = {}): StorageWriter {
  return new StorageWriter({ local: areas.local ?? fakeStorage(), session: areas.session ?? fakeStorage() },
    { delayMs: 1000, now: () => Date.now(), quota: { local: null, session: null }, ...options });
}

/** A value whose stored item (key plus JSON) takes exactly `bytes` bytes. */
const sized = (key: string, bytes: number) => 'x'.repeat(bytes - key.length - 2);

describe('StorageWriter batching', () => {
  beforeEach(() => { vi.useFakeTimers({ now: 0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('a change made while blocked waits for the unblocking: it is written a delay after that, not a delay after the change', async () => {
    const session = fakeStorage();
    const writer = writerOf({ session });
    const source = feed(writer);
    source.change('a');
    await vi.advanceTimersByTimeAsync(900);
    writer.unblock();
    await vi.advanceTimersByTimeAsync(200);
    expect(session.written).toEqual([]);
    await vi.advanceTimersByTimeAsync(800);
    expect(session.written).toEqual([['a']]);
  });

  it('changes within a delay of the first one are written in one set(); a later change waits its own delay', async () => {
    const session = fakeStorage();
    const writer = writerOf({ session });
    writer.unblock(); // nothing pending yet: nothing is armed
    const source = feed(writer);
    await vi.advanceTimersByTimeAsync(500);
    source.change('a');
    await vi.advanceTimersByTimeAsync(500);
    source.change('b');
    await vi.advanceTimersByTimeAsync(600);
    expect(session.written).toEqual([['a', 'b']]);
    source.change('c');
    await vi.advanceTimersByTimeAsync(500);
    source.change('d');
    await vi.advanceTimersByTimeAsync(400);
    expect(session.written).toEqual([['a', 'b']]);
    await vi.advanceTimersByTimeAsync(100);
    expect(session.written).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('a flush now cancels the pending delay: the next changes get a delay of their own', async () => {
    const session = fakeStorage();
    const writer = writerOf({ session });
    writer.unblock();
    const source = feed(writer);
    source.change('a');
    await vi.advanceTimersByTimeAsync(100);
    await writer.flush();
    await vi.advanceTimersByTimeAsync(100);
    source.change('b');
    await vi.advanceTimersByTimeAsync(900);
    source.change('c');
    await vi.advanceTimersByTimeAsync(200);
    expect(session.written).toEqual([['a'], ['b', 'c']]);
  });

  it('blocking again cancels the pending delay; unblocking starts a new one for what is pending', async () => {
    const session = fakeStorage();
    const writer = writerOf({ session });
    writer.unblock();
    expect(writer.isBlocked).toBe(false);
    const source = feed(writer);
    source.change('a');
    await vi.advanceTimersByTimeAsync(500);
    writer.block();
    expect(writer.isBlocked).toBe(true);
    await vi.advanceTimersByTimeAsync(100);
    writer.unblock();
    await vi.advanceTimersByTimeAsync(900);
    expect(session.written).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(session.written).toEqual([['a']]);
  });

  it('says it is writing while a set() is in flight, and not before or after', async () => {
    const session = fakeStorage();
    let land: () => void = () => undefined;
    const realSet = session.set.bind(session);
    session.set = (items) => new Promise((resolve) => { land = () => { resolve(realSet(items)); }; });
    const writer = writerOf({ session });
    writer.unblock();
    feed(writer).change('a');
    expect(writer.writing).toBe(false);
    const done = writer.flush();
    await Promise.resolve();
    expect(writer.writing).toBe(true);
    land();
    await done;
    expect(writer.writing).toBe(false);
    expect(session.data).toEqual({ a: 1 });
  });

  it('a flush with nothing to write is not counted as a flush', async () => {
    const meter = { flushSpan: () => () => undefined, flushed: vi.fn() };
    const writer = writerOf({}, { meter });
    writer.unblock();
    const source = feed(writer);
    await writer.flush();
    expect(meter.flushed).not.toHaveBeenCalled();
    source.change('a');
    await writer.flush();
    expect(meter.flushed).toHaveBeenCalledTimes(1);
  });
});

describe('StorageWriter bookkeeping', () => {
  beforeEach(() => { vi.useFakeTimers({ now: 7 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('reports each area’s stored bytes, quota, writes and records, and each record’s size, as rewritten', async () => {
    const local = fakeStorage();
    const writer = writerOf({ local }, { quota: { local: 10_000, session: null } });
    writer.unblock();
    const source = feed(writer);
    source.change('jar/0/a.test', 'x'.repeat(100), 'local');
    await writer.flush();
    source.change('jar/0/a.test', 'x'.repeat(10), 'local');
    await writer.flush();
    const bytes = itemBytes('jar/0/a.test', 'x'.repeat(10));
    expect(writer.status('local')).toEqual({ bytes, quotaBytes: 10_000, writes: 2, lastWrite: 7, records: 1 });
    expect(writer.storedBytes('local', 'jar/0/a.test')).toBe(bytes);
    expect(writer.status('session')).toEqual({ bytes: 0, quotaBytes: null, writes: 0, lastWrite: null, records: 0 });
  });

  it('a stored record the load could not measure is still known as stored, and removed when dropped', async () => {
    const session = fakeStorage({ 'log/0/a.test/1': 1 });
    const writer = writerOf({ session });
    writer.noteStored('session', 'log/0/a.test/1', { big: 10n });
    expect(writer.storedKeys('session')).toEqual(['log/0/a.test/1']);
    writer.unblock();
    feed(writer).drop('log/0/a.test/1');
    await writer.flush();
    expect(session.data).toEqual({});
    expect(writer.storedKeys('session')).toEqual([]);
  });

  it('removes keys now, and not at all when there are none; a removal clears the key’s failure', async () => {
    const session = fakeStorage();
    session.failKeys.add('a');
    const writer = writerOf({ session });
    writer.unblock();
    feed(writer).change('a');
    await writer.flush();
    writer.noteStored('session', 'a', 1);
    expect([...writer.failures.values()].map((f) => f.key)).toEqual(['a']);
    await writer.removeNow('session', []);
    expect(session.writes).toBe(0);
    await writer.removeNow('session', ['a']);
    expect(session.writes).toBe(1);
    expect(writer.failures.size).toBe(0);
    expect(writer.status('session')).toMatchObject({ bytes: 0, records: 0 });
  });

  it('a refused removal is a failure of that record, which stays counted as stored', async () => {
    const session = fakeStorage({ a: 1, b: 2 });
    session.remove = () => Promise.reject(new Error('storage is gone'));
    const writer = writerOf({ session });
    writer.noteStored('session', 'a', 1);
    writer.noteStored('session', 'b', 2);
    writer.unblock();
    feed(writer).drop('a');
    await writer.flush();
    await writer.removeNow('session', ['b']);
    expect([...writer.failures.values()].map((f) => [f.key, f.what, f.bytes, f.error.name, f.error.message])).toEqual([
      ['a', 'the record a', null, 'StorageWriteFailed', 'storage is gone'],
      ['b', 'b', null, 'StorageWriteFailed', 'storage is gone'],
    ]);
    expect(writer.storedKeys('session')).toEqual(['a', 'b']);
  });

  it('keeps a newer failure of this worker over the one a previous worker stored', async () => {
    const session = fakeStorage();
    session.failWith = 'refused now';
    const writer = writerOf({ session });
    writer.unblock();
    feed(writer).change('a');
    await writer.flush();
    writer.restoreFailures([
      { area: 'session', key: 'a', what: 'a', bytes: 1, error: { name: 'StorageWriteFailed', message: 'refused before' }, time: 1 },
      { area: 'session', key: 'b', what: 'b', bytes: 1, error: { name: 'StorageWriteFailed', message: 'refused before' }, time: 1 },
    ]);
    expect([...writer.failures.values()].map((f) => `${f.key}: ${f.error.message}`)).toEqual(['a: refused now', 'b: refused before']);
  });

  it('names a failure by the browser’s error name, else StorageWriteFailed, with at most 300 characters of message', async () => {
    const refusals: Record<string, unknown> = {
      quota: Object.assign(new Error('QUOTA_BYTES quota exceeded'), { name: 'QuotaExceededError' }),
      plain: new Error('IO error'),
      text: 'a string, not an Error',
      long: new Error('m'.repeat(1000)),
    };
    // A batch is refused as `plain`; each record alone by its own refusal (one of them not an Error: a rejection can be anything).
    const refusalOf = (items: Record<string, unknown>) => refusals[Object.keys(items).length === 1 ? Object.keys(items)[0] ?? '' : 'plain'];
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the non-Error rejection is what is tested
    const session: StorageArea = { ...fakeStorage(), set: (items) => Promise.reject(refusalOf(items)) };
    const writer = writerOf({ session });
    writer.unblock();
    const source = feed(writer);
    for (const key of Object.keys(refusals)) source.change(key);
    await writer.flush();
    expect(Object.fromEntries([...writer.failures.values()].map((f) => [f.key, [f.error.name, f.error.message.length > 40 ? f.error.message.length : f.error.message]]))).toEqual({
      quota: ['QuotaExceededError', 'QUOTA_BYTES quota exceeded'],
      plain: ['StorageWriteFailed', 'IO error'],
      text: ['StorageWriteFailed', 'a string, not an Error'],
      long: ['StorageWriteFailed', 300],
    });
  });
});

describe('StorageWriter under a quota', () => {
  beforeEach(() => { vi.useFakeTimers({ now: 0 }); });
  afterEach(() => { vi.useRealTimers(); });

  function quotaWriter(quota: number | null): { writer: StorageWriter; session: FakeStorage; source: ReturnType<typeof feed> } {
    const session = fakeStorage({}, { quotaBytes: quota });
    const writer = writerOf({ session }, { quota: { local: null, session: quota } });
    writer.unblock();
    return { writer, session, source: feed(writer) };
  }

  it('when the batch is refused, writes the smallest records first, so that the most fit, and says why the others did not', async () => {
    const { writer, session, source } = quotaWriter(1000);
    source.change('big', sized('big', 500));
    source.change('mid', sized('mid', 300));
    source.change('s1', sized('s1', 250));
    source.change('s2', sized('s2', 250));
    source.change('huge', sized('huge', 2048));
    await writer.flush();
    expect(Object.keys(session.data).sort()).toEqual(['mid', 's1', 's2']);
    expect(writer.status('session')).toMatchObject({ bytes: 800, writes: 3, records: 3 });
    expect([...writer.failures.values()].map((f) => [f.key, f.bytes, f.error.name, f.error.message])).toEqual([
      ['big', 500, 'QuotaExceeded', 'it needs 500 bytes and the storage area has 200 bytes left of its 1000 bytes'],
      ['huge', 2048, 'QuotaExceeded', 'it needs 2.0 KB and the storage area has 200 bytes left of its 1000 bytes'],
    ]);
  });

  it('writes a record that exactly fills the quota, and a rewrite that fits once its old version is counted out', async () => {
    const { writer, session, source } = quotaWriter(1000);
    source.change('k', sized('k', 600));
    await writer.flush();
    source.change('k', sized('k', 700));
    source.change('f', sized('f', 300));
    source.change('huge', sized('huge', 2000));
    await writer.flush();
    expect(Object.keys(session.data).sort()).toEqual(['f', 'k']);
    expect(writer.status('session').bytes).toBe(1000);
    expect([...writer.failures.values()].map((f) => f.key)).toEqual(['huge']);
  });

  it('without a known quota, a refused batch is retried record by record and only the refused one fails', async () => {
    const { writer, session, source } = quotaWriter(null);
    session.failKeys.add('bad');
    source.change('ok');
    source.change('bad');
    await writer.flush();
    expect(Object.keys(session.data)).toEqual(['ok']);
    expect([...writer.failures.values()].map((f) => [f.key, f.error.name, f.error.message])).toEqual([['bad', 'StorageWriteFailed', 'refused bad']]);
  });
});

describe('formatBytes', () => {
  const CASES: [number, string][] = [
    [0, '0 bytes'], [1023, '1023 bytes'], [1024, '1.0 KB'], [1536, '1.5 KB'],
    [1024 * 1024 - 1, '1024.0 KB'], [1024 * 1024, '1.00 MB'], [5.5 * 1024 * 1024, '5.50 MB'],
  ];
  it('has every case', () => { expect(CASES).toHaveLength(7); });
  it.each(CASES)('%d bytes read %s', (bytes, text) => { expect(formatBytes(bytes)).toBe(text); });
});
