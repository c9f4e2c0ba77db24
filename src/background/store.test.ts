import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StorageWriter, type RecordSource, type RecordWrite } from './store';
import { fakeStorage } from './testing/fakeBrowser';

/** A source that hands over the given records once. */
function once(records: RecordWrite[]): RecordSource {
  let left = records;
  return { pending: () => left.length, takeChanged: () => { const taken = left; left = []; return taken; } };
}

describe('StorageWriter', () => {
  beforeEach(() => { vi.useFakeTimers({ now: 0 }); });
  afterEach(() => { vi.useRealTimers(); });

  it('a record whose serialisation throws (a 10 MB header once made JSON.stringify throw RangeError) fails alone, reported, never thrown', async () => {
    const session = fakeStorage();
    const writer = new StorageWriter({ local: fakeStorage(), session }, { delayMs: 1000, now: () => 5, quota: { local: null, session: null } });
    const unserialisable = { toJSON: () => { throw new RangeError('Invalid string length'); } };
    writer.addSource(once([
      { area: 'session', key: 'jar/0/a.test', value: { v: 1 }, what: 'the cookies of a.test' },
      { area: 'session', key: 'log/0/b.test/1', value: unserialisable, what: 'page 1 of the decision log of b.test' },
    ]));
    writer.unblock();
    await writer.flush();
    expect(Object.keys(session.data)).toEqual(['jar/0/a.test']);
    expect([...writer.failures.values()]).toEqual([{
      area: 'session', key: 'log/0/b.test/1', what: 'page 1 of the decision log of b.test', bytes: null,
      error: { name: 'SerialiseFailed', message: 'Invalid string length' }, time: 5,
    }]);
  });

  it('writes nothing while blocked (before the load, after a failed one), then everything that changed in one set()', async () => {
    const session = fakeStorage();
    const writer = new StorageWriter({ local: fakeStorage(), session }, { delayMs: 1000, now: () => 0, quota: { local: null, session: null } });
    writer.addSource(once([{ area: 'session', key: 'a', value: 1, what: 'a' }, { area: 'session', key: 'b', value: 2, what: 'b' }]));
    writer.schedule();
    await vi.advanceTimersByTimeAsync(5000);
    await writer.flush();
    expect(session.writes).toBe(0);
    writer.unblock();
    await vi.advanceTimersByTimeAsync(1000);
    expect(session.written).toEqual([['a', 'b']]);
    expect(writer.status('session')).toMatchObject({ records: 2, bytes: 'a1'.length + 'b2'.length, writes: 1 });
  });

  it('removes a record dropped while the write that stored it was still in flight (a page evicted under a slow set())', async () => {
    const session = fakeStorage();
    let landed: () => void = () => undefined;
    const realSet = session.set.bind(session);
    session.set = (items) => new Promise((resolve, reject) => { landed = () => { realSet(items).then(resolve, reject); }; });
    const writer = new StorageWriter({ local: fakeStorage(), session }, { delayMs: 1000, now: () => 0, quota: { local: null, session: null } });
    const queue: RecordWrite[][] = [[{ area: 'session', key: 'log/0/a.test/5', value: { v: 1, items: [] }, what: 'page 5' }], [{ area: 'session', key: 'log/0/a.test/5', value: undefined, what: 'page 5' }]];
    writer.addSource({ pending: () => queue[0]?.length ?? 0, takeChanged: () => queue.shift() ?? [] });
    writer.unblock();
    const first = writer.flush();
    const second = writer.flush(); // the page was dropped before the first write landed
    await Promise.resolve();
    session.set = realSet;
    landed();
    await Promise.all([first, second]);
    expect(session.data).toEqual({});
    expect(writer.status('session').records).toBe(0);
  });
});
