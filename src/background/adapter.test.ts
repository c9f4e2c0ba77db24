// webRequest details as the jar sees them: which page a request is third party to (Chrome's tab
// record and initiator, Firefox's frameAncestors and documentUrl), redirect chains, and the
// Set-Cookie lines of a response. service.test.ts has the same through the whole worker; these pin
// each fallback and bound alone.
import { describe, expect, it } from 'vitest';
import { BrowserCookieStore } from '../browser-model';
import { RequestAdapter, TAB_LIMIT, headerValue, modelContext, setCookieLines, type RequestDetails } from './adapter';

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

describe('tab ids and hostless URLs', () => {
  it('tab 0 is a tab like any other (only -1 is "no tab")', () => {
    const adapter = new RequestAdapter();
    adapter.noteResponse(page('https://www.shop.test/', 0));
    expect(adapter.tabEntries()).toEqual([[0, 'https://www.shop.test/']]);
    expect(seen(adapter, request('https://tracker.test/p.gif', { tabId: 0 }))).toEqual({ topLevelUrl: 'https://www.shop.test/', originReqHost: 'www.shop.test', unverifiable: true, label: 'third-party', thirdParty: true });
  });

  it('a request that names no frames (a worker’s, with only documentUrl) belongs to its tab’s page', () => {
    const adapter = new RequestAdapter();
    adapter.noteResponse(page('https://www.shop.test/'));
    expect(seen(adapter, request('https://tracker.test/p.gif', { documentUrl: 'https://tracker.test/sw.js' })).topLevelUrl).toBe('https://www.shop.test/');
  });

  it('a URL with no web host (file:, an extension’s) is recorded with an empty host, on its own and in a chain', () => {
    const adapter = new RequestAdapter();
    expect(adapter.adapt(page('file:///home/me/page.html')).context).toMatchObject({ originReqHost: '', label: 'top-level' });
    const first = page('chrome-extension://abc/start.html');
    adapter.noteRedirect({ ...first, redirectUrl: 'https://www.shop.test/' });
    expect(adapter.adapt({ ...first, url: 'https://www.shop.test/' }).context.redirectedFrom).toEqual(['']);
  });
});

// docs/browser-model.md, "From a webRequest event": the context the browser model judges a response's
// Set-Cookie lines in, which decides the verdict (and its reasons) the Decisions view shows.
describe('the browser model’s context of a response', () => {
  const at = (url: string, extra: Partial<RequestDetails> = {}): RequestDetails => request(url, { timeStamp: 1_000, ...extra });

  it('a navigation of the tab is the top level, with its method and the initiator as given; a Date header is kept', () => {
    expect(modelContext(at('https://www.shop.test/', { type: 'main_frame', method: 'POST', initiator: 'https://pay.test' }), 'https://www.shop.test/', 500))
      .toEqual({ url: 'https://www.shop.test/', method: 'POST', now: 1_000, kind: 'top-level', initiator: 'https://pay.test', serverDate: 500 });
    expect(modelContext(at('https://www.shop.test/', { type: 'main_frame' }), 'https://www.shop.test/', undefined))
      .toEqual({ url: 'https://www.shop.test/', method: 'GET', now: 1_000, kind: 'top-level', initiator: null });
  });

  it('a request with no known page is judged as a top level with no initiator (nothing to be cross-site to)', () => {
    expect(modelContext(at('https://tracker.test/p.gif', { initiator: 'https://www.shop.test' }), null, 500))
      .toEqual({ url: 'https://tracker.test/p.gif', method: 'GET', now: 1_000, kind: 'top-level', initiator: null, serverDate: 500 });
  });

  it('Chrome: a subresource of the page itself names no frames; one made by a cross-site frame names that frame', () => {
    const top = 'https://www.shop.test:8443/cart';
    expect(modelContext(at('https://cdn.test/a.js', { initiator: 'https://www.shop.test:8443' }), top, 500))
      .toEqual({ url: 'https://cdn.test/a.js', method: 'GET', now: 1_000, kind: 'subresource', topLevelUrl: top, frameUrls: [], initiator: 'https://www.shop.test:8443', serverDate: 500 });
    expect(modelContext(at('https://cdn.test/a.js', { initiator: 'https://ads.test' }), top, undefined))
      .toEqual({ url: 'https://cdn.test/a.js', method: 'GET', now: 1_000, kind: 'subresource', topLevelUrl: top, frameUrls: ['https://ads.test'], initiator: 'https://ads.test' });
    // With no tab record the page is the initiator itself: an origin, no path.
    expect(modelContext(at('https://cdn.test/a.js', { initiator: 'https://www.shop.test' }), 'https://www.shop.test', undefined).frameUrls).toEqual([]);
  });

  it('Chrome: an iframe navigation is a frame; an opaque ("null") or empty initiator is none', () => {
    for (const initiator of ['null', '', undefined]) {
      expect(modelContext(at('https://ads.test/frame', { type: 'sub_frame', ...(initiator === undefined ? {} : { initiator }) }), 'https://www.shop.test/', undefined), String(initiator))
        .toEqual({ url: 'https://ads.test/frame', method: 'GET', now: 1_000, kind: 'frame', topLevelUrl: 'https://www.shop.test/', frameUrls: [], initiator: null });
    }
  });

  it('Firefox: the frames between the page and the request, outermost first, from frameAncestors and documentUrl; originUrl is the initiator', () => {
    const top = 'https://www.shop.test/';
    const ancestors = [{ url: 'https://inner.test/f', frameId: 3 }, { url: 'https://middle.test/f', frameId: 2 }, { url: top, frameId: 0 }];
    // A subresource of the innermost frame: that frame is the document.
    expect(modelContext(at('https://cdn.test/a.js', { frameAncestors: ancestors.slice(1), documentUrl: 'https://inner.test/f', originUrl: 'https://inner.test/f' }), top, 500))
      .toEqual({ url: 'https://cdn.test/a.js', method: 'GET', now: 1_000, kind: 'subresource', topLevelUrl: top, frameUrls: ['https://middle.test/f', 'https://inner.test/f'], initiator: 'https://inner.test/f', serverDate: 500 });
    // The innermost frame's own navigation: its ancestors below the top, not the document that asked for it.
    expect(modelContext(at('https://inner.test/f', { type: 'sub_frame', frameAncestors: ancestors.slice(1), documentUrl: 'https://middle.test/f', originUrl: 'https://middle.test/f' }), top, undefined))
      .toEqual({ url: 'https://inner.test/f', method: 'GET', now: 1_000, kind: 'frame', topLevelUrl: top, frameUrls: ['https://middle.test/f'], initiator: 'https://middle.test/f' });
    // A subresource of the page itself: no frames (the page is not a frame below itself).
    expect(modelContext(at('https://cdn.test/a.js', { frameAncestors: [], documentUrl: top, originUrl: 'https://ads.test/x' }), top, undefined).frameUrls).toEqual([]);
    // Ancestors but no document named: only the ancestors.
    expect(modelContext(at('https://cdn.test/a.js', { frameAncestors: ancestors }), top, undefined).frameUrls).toEqual(['https://middle.test/f', 'https://inner.test/f']);
  });

  it('decides the verdict: a SameSite=Strict cookie of a cross-site frame’s request is refused, of the page’s own stored', () => {
    const line = 'pref=1; SameSite=Strict; Secure; Path=/';
    const verdict = (details: RequestDetails, top: string) => new BrowserCookieStore({ browser: 'chromium', now: () => 1_000 }).setFromHeader(line, modelContext(details, top, undefined));
    expect(verdict(at('https://www.shop.test/api', { initiator: 'https://www.shop.test' }), 'https://www.shop.test/').outcome).toBe('stored');
    expect(verdict(at('https://www.shop.test/api', { initiator: 'https://ads.test' }), 'https://www.shop.test/').outcome).toBe('refused');
    expect(verdict(at('https://www.shop.test/api', { frameAncestors: [{ url: 'https://www.shop.test/', frameId: 0 }], documentUrl: 'https://ads.test/f' }), 'https://www.shop.test/').outcome).toBe('refused');
  });
});
