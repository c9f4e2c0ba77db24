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
});
