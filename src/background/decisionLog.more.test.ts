// The Decisions log through the service, as the user clears it: what the next worker reads back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { chromeRequest, fakeStorage, startFakeBrowser, withCookies, type FakeBrowser } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);
const respond = (fake: FakeBrowser, url: string, ...lines: string[]) => {
  fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest(url, { timeStamp: fake.clock.now }), ...lines));
};

beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
afterEach(() => { vi.useRealTimers(); });

describe('clearing the Decisions log', () => {
  it('the cleared decisions stay gone after a restart, even when the site logs again before the write', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    // More than one page (64 KB) of the site's log.
    for (let i = 0; i < 80; i++) respond(fake, 'http://www.example.com/', `old${i}=${'x'.repeat(1000)}`);
    await fake.background.flush();
    expect(Object.keys(fake.session.data).filter((k) => k.startsWith('log/0/example.com/')).length).toBeGreaterThan(1);
    await fake.background.handlers().clearDecisions({ type: 'clearDecisions' });
    respond(fake, 'http://www.example.com/', 'new=1'); // the page keeps loading
    await fake.background.flush();
    const woken = startFakeBrowser({ local: fakeStorage(fake.local.data), session: fakeStorage(fake.session.data) });
    await woken.background.ready;
    expect(woken.background.decisions().map((d) => d.cookie?.name)).toEqual(['new']);
    expect(woken.background.status().decisions).toBe(1);
  });
});
