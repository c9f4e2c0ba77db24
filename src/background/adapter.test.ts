// webRequest details as the jar sees them: which page a request is third party to (Chrome's tab
// record and initiator, Firefox's frameAncestors and documentUrl), redirect chains, and the
// Set-Cookie lines of a response. service.test.ts has the same through the whole worker; these pin
// each fallback and bound alone.
import { describe, expect, it } from 'vitest';
import { RequestAdapter, TAB_LIMIT, headerValue, setCookieLines, type RequestDetails } from './adapter';

let nextId = 1;
const request = (url: string, extra: Partial<RequestDetails> = {}): RequestDetails => ({
  requestId: String(nextId++), url, tabId: 7, type: 'image', timeStamp: 0, ...extra,
});
const page = (url: string, tabId = 7) => request(url, { type: 'main_frame', tabId });
/** The parts of an adapted request a user sees in the Decisions view. */
const seen = (adapter: RequestAdapter, details: RequestDetails) => {
  const { context, request: r } = adapter.adapt(details);
  expect(r.unverifiable).toBe(context.unverifiable);
  expect(r.originReqHost).toBe(context.originReqHost);
  return { topLevelUrl: context.topLevelUrl, originReqHost: context.originReqHost, unverifiable: context.unverifiable, label: context.label, thirdParty: context.thirdParty };
};

describe('the page a request belongs to', () => {
  it('a top-level document is its own page: verifiable, its own host', () => {
    const adapter = new RequestAdapter();
    expect(adapter.adapt(page('https://www.Shop.test/cart'))).toMatchObject({
      context: { url: 'https://www.Shop.test/cart', tabId: 7, resourceType: 'main_frame', topLevelUrl: 'https://www.Shop.test/cart', originReqHost: 'www.shop.test', unverifiable: false, thirdParty: false, label: 'top-level', redirectedFrom: [] },
    });
  });

  it('Chrome: a subresource belongs to the document its tab last showed, third party or not', () => {
    const adapter = new RequestAdapter();
    adapter.noteResponse(page('https://www.shop.test/'));
    expect(seen(adapter, request('https://cdn.shop.test/a.png'))).toEqual({ topLevelUrl: 'https://www.shop.test/', originReqHost: 'www.shop.test', unverifiable: true, label: 'first-party', thirdParty: false });
    expect(seen(adapter, request('https://tracker.test/p.gif'))).toEqual({ topLevelUrl: 'https://www.shop.test/', originReqHost: 'www.shop.test', unverifiable: true, label: 'third-party', thirdParty: true });
    adapter.noteResponse(page('https://tracker.test/'));
    expect(seen(adapter, request('https://tracker.test/p.gif')).label).toBe('first-party');
  });

  it('Chrome: a tab the worker has not seen load falls back on the initiator (not "null"), then documentUrl, then originUrl', () => {
    const adapter = new RequestAdapter();
    expect(seen(adapter, request('https://tracker.test/p.gif', { initiator: 'https://www.shop.test' })).topLevelUrl).toBe('https://www.shop.test');
    expect(seen(adapter, request('https://tracker.test/p.gif', { initiator: 'null', documentUrl: 'https://doc.test/' })).topLevelUrl).toBe('https://doc.test/');
    expect(seen(adapter, request('https://tracker.test/p.gif', { originUrl: 'https://origin.test/' })).topLevelUrl).toBe('https://origin.test/');
    expect(seen(adapter, request('https://tracker.test/p.gif', { initiator: 'null' }))).toEqual({ topLevelUrl: null, originReqHost: 'tracker.test', unverifiable: false, label: 'first-party', thirdParty: false });
  });

  it('Chrome: the tab’s record comes before the initiator (a frame’s initiator is the frame, not the page)', () => {
    const adapter = new RequestAdapter();
    adapter.noteResponse(page('https://www.shop.test/'));
    expect(seen(adapter, request('https://tracker.test/p.gif', { initiator: 'https://frame.test' })).originReqHost).toBe('www.shop.test');
  });

  it('Firefox: the outermost of frameAncestors is the page; with none, documentUrl is, before any tab record', () => {
    const adapter = new RequestAdapter();
    adapter.noteResponse(page('https://recorded.test/'));
    const ancestors = [{ url: 'https://inner.test/', frameId: 2 }, { url: 'https://www.shop.test/', frameId: 0 }];
    expect(seen(adapter, request('https://tracker.test/p.gif', { frameAncestors: ancestors, documentUrl: 'https://inner.test/f' })).topLevelUrl).toBe('https://www.shop.test/');
    expect(seen(adapter, request('https://tracker.test/p.gif', { frameAncestors: [], documentUrl: 'https://www.shop.test/' })).topLevelUrl).toBe('https://www.shop.test/');
    expect(seen(adapter, request('https://tracker.test/p.gif', { frameAncestors: [] })).topLevelUrl).toBe('https://recorded.test/');
  });

  it('a page that is no web page (an extension’s own) has no host to be third party to', () => {
    const adapter = new RequestAdapter();
    adapter.noteResponse(page('chrome-extension://abc/popup.html'));
    expect(seen(adapter, request('https://tracker.test/p.gif'))).toEqual({ topLevelUrl: 'chrome-extension://abc/popup.html', originReqHost: 'tracker.test', unverifiable: false, label: 'first-party', thirdParty: false });
  });

  it('a request of no tab is labelled so, judged against its initiator when there is one', () => {
    const adapter = new RequestAdapter();
    expect(seen(adapter, request('https://tracker.test/p.gif', { tabId: -1 }))).toEqual({ topLevelUrl: null, originReqHost: 'tracker.test', unverifiable: false, label: 'no-tab', thirdParty: false });
    expect(seen(adapter, request('https://tracker.test/p.gif', { tabId: -1, initiator: 'https://www.shop.test' }))).toEqual({ topLevelUrl: 'https://www.shop.test', originReqHost: 'www.shop.test', unverifiable: true, label: 'no-tab', thirdParty: true });
  });
});

describe('redirect chains', () => {
  it('every hop after the first is unverifiable, judged against where the chain started, with the hosts before it', () => {
    const adapter = new RequestAdapter();
    const first = page('https://www.shop.test/login');
    adapter.noteRedirect({ ...first, redirectUrl: 'https://sso.test/' });
    const second = { ...first, url: 'https://sso.test/' };
    expect(adapter.adapt(second).context).toMatchObject({ topLevelUrl: 'https://www.shop.test/login', originReqHost: 'www.shop.test', unverifiable: true, label: 'redirect', thirdParty: true, redirectedFrom: ['www.shop.test'] });
    adapter.noteRedirect({ ...second, redirectUrl: 'https://account.shop.test/' });
    expect(adapter.adapt({ ...first, url: 'https://account.shop.test/' }).context).toMatchObject({ originReqHost: 'www.shop.test', unverifiable: true, label: 'first-party', thirdParty: false, redirectedFrom: ['www.shop.test', 'sso.test'] });
  });

  it('a chain lasts through redirects and authentication challenges, and ends with any other response', () => {
    const adapter = new RequestAdapter();
    const first = page('https://www.shop.test/');
    for (const statusCode of [301, 302, 303, 307, 308, 401, 407]) {
      adapter.noteRedirect({ ...first, redirectUrl: 'https://sso.test/' });
      adapter.endResponse({ ...first, url: 'https://sso.test/', statusCode });
      expect(adapter.adapt({ ...first, url: 'https://sso.test/' }).context.unverifiable, String(statusCode)).toBe(true);
    }
    for (const statusCode of [200, 304, 404, undefined]) {
      adapter.noteRedirect({ ...first, redirectUrl: 'https://sso.test/' });
      adapter.endResponse({ ...first, url: 'https://sso.test/', ...(statusCode === undefined ? {} : { statusCode }) });
      expect(adapter.adapt({ ...first, url: 'https://sso.test/' }).context, String(statusCode)).toMatchObject({ unverifiable: false, label: 'top-level', redirectedFrom: [] });
    }
  });

  it('keeps at most 1,000 unfinished chains, the oldest forgotten first', () => {
    const adapter = new RequestAdapter();
    const starts = Array.from({ length: 1001 }, (_, i) => page(`https://site${i}.test/`));
    for (const start of starts) adapter.noteRedirect({ ...start, redirectUrl: 'https://sso.test/' });
    expect(adapter.adapt({ ...starts[0], url: 'https://sso.test/' } as RequestDetails).context.redirectedFrom).toEqual([]);
    expect(adapter.adapt({ ...starts[1], url: 'https://sso.test/' } as RequestDetails).context.redirectedFrom).toEqual(['site1.test']);
    expect(adapter.adapt({ ...starts[1000], url: 'https://sso.test/' } as RequestDetails).context.redirectedFrom).toEqual(['site1000.test']);
  });
});

describe('the per-tab record', () => {
  it('is told of each change (so it is stored), not of a reload of the same document or a subresource', () => {
    const adapter = new RequestAdapter();
    let changes = 0;
    adapter.onTabsChanged = () => { changes++; };
    adapter.noteResponse(page('https://a.test/'));
    adapter.noteResponse(page('https://a.test/'));
    adapter.noteResponse(request('https://b.test/x.png'));
    adapter.noteResponse(page('https://b.test/', -1));
    expect(changes).toBe(1);
    adapter.noteResponse(page('https://b.test/'));
    adapter.removeTab(7);
    adapter.removeTab(7);
    adapter.removeTab(8);
    expect(changes).toBe(3);
    expect(adapter.tabEntries()).toEqual([]);
  });

  it('reads back what it stored, and forgets a closed tab', () => {
    const adapter = new RequestAdapter();
    adapter.restoreTabs([[7, 'https://www.shop.test/'], [8, 'https://b.test/']]);
    expect(adapter.tabEntries()).toEqual([[7, 'https://www.shop.test/'], [8, 'https://b.test/']]);
    expect(seen(adapter, request('https://tracker.test/p.gif')).originReqHost).toBe('www.shop.test');
    adapter.removeTab(7);
    expect(seen(adapter, request('https://tracker.test/p.gif')).topLevelUrl).toBeNull();
  });

  it('keeps the 1,000 most recently navigated tabs', () => {
    const adapter = new RequestAdapter();
    for (let tab = 1; tab <= TAB_LIMIT; tab++) adapter.noteResponse(page(`https://t${tab}.test/`, tab));
    adapter.noteResponse(page('https://again.test/', 1)); // tab 1 is now the most recent
    adapter.noteResponse(page('https://new.test/', TAB_LIMIT + 1));
    const tabs = new Map(adapter.tabEntries());
    expect(tabs.size).toBe(TAB_LIMIT);
    expect(tabs.has(2)).toBe(false);
    expect(tabs.get(1)).toBe('https://again.test/');
    expect(tabs.get(TAB_LIMIT + 1)).toBe('https://new.test/');
  });
});

describe('the Set-Cookie lines of a response', () => {
  it('every Set-Cookie and Set-Cookie2 line in order, whatever the case of the name, Firefox’s "\\n"-joined lines split', () => {
    expect(setCookieLines([
      { name: 'set-cookie', value: 'a=1' }, { name: 'Content-Type', value: 'text/html' }, { name: 'SET-COOKIE2', value: 'b=2; Version=1' },
      { name: 'Set-Cookie', value: 'c=3\nd=4\n\ne=5' }, { name: 'Set-Cookie' }, { name: 'Set-Cookie', value: '' },
    ])).toEqual([['Set-Cookie', 'a=1'], ['Set-Cookie2', 'b=2; Version=1'], ['Set-Cookie', 'c=3'], ['Set-Cookie', 'd=4'], ['Set-Cookie', 'e=5']]);
    expect(setCookieLines(undefined)).toEqual([]);
  });

  it('a header’s value by its name in any case, or null', () => {
    const headers = [{ name: 'Cookie', value: 'a=1' }, { name: 'X-Empty' }];
    expect(headerValue(headers, 'cookie')).toBe('a=1');
    expect(headerValue(headers, 'COOKIE')).toBe('a=1');
    expect(headerValue(headers, 'x-empty')).toBeNull();
    expect(headerValue(headers, 'Referer')).toBeNull();
    expect(headerValue(undefined, 'Cookie')).toBeNull();
  });
});
