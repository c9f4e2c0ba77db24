import { describe, expect, it } from 'vitest';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies } from './testing/fakeBrowser';

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
