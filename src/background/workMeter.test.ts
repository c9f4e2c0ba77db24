import { afterEach, describe, expect, it, vi } from 'vitest';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies } from './testing/fakeBrowser';
import { WorkMeter } from './workMeter';

describe('the worker’s own time in the status', () => {
  it('counts every event by kind, the ones queued while loading included, and every flush', async () => {
    const session = fakeStorage({}, { held: true });
    const fake = startFakeBrowser({ session });
    const { webRequest } = fake.events;
    webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/'), 'a=1'));
    session.release();
    await fake.background.ready;
    webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('http://www.example.com/b'), 'b=1'));
    webRequest.onHeadersReceived.dispatch({ ...chromeRequest('http://www.example.com/c'), statusCode: 200, responseHeaders: [] });
    webRequest.onBeforeRedirect.dispatch({ ...chromeRequest('http://www.example.com/d'), redirectUrl: 'http://www.example.com/e' });
    fake.events.tabs.onRemoved.dispatch(1);
    await fake.background.flush();
    const { events, flushes } = fake.background.status().work;
    expect(Object.fromEntries(Object.entries(events).map(([kind, { count }]) => [kind, count]))).toEqual({ response: 3, redirect: 1, tab: 1 });
    expect(Object.values(events).every(({ ms }) => ms >= 0 && Number.isFinite(ms))).toBe(true);
    expect(flushes.count).toBe(1);
    expect(flushes.ms).toBeGreaterThan(0);
  });
});

describe('the time it counts', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('is the time each event and each flush took, summed per kind', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const meter = new WorkMeter();
    meter.time('response', () => { vi.advanceTimersByTime(5); });
    meter.time('response', () => { vi.advanceTimersByTime(7); });
    meter.time('tab', () => { vi.advanceTimersByTime(2); });
    vi.advanceTimersByTime(1000);
    const end = meter.flushSpan();
    vi.advanceTimersByTime(3);
    end();
    meter.flushed();
    expect(meter.status()).toEqual({ events: { response: { count: 2, ms: 12 }, tab: { count: 1, ms: 2 } }, flushes: { count: 1, ms: 3 } });
  });

  it('counts an event whose work throws', () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const meter = new WorkMeter();
    expect(() => { meter.time('redirect', () => { vi.advanceTimersByTime(4); throw new Error('bad'); }); }).toThrow('bad');
    expect(meter.status().events).toEqual({ redirect: { count: 1, ms: 4 } });
  });
});
