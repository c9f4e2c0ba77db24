// The real PopupApi over a stand-in for the service worker and the browser: what each view's request
// becomes on the channel, and how the replies reach the views.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Cookie } from '../jar';
import type { Message } from '../shared/protocol';

const sent: Message[] = [];
const replies = new Map<string, unknown>();
const tabs = { get: vi.fn(), create: vi.fn() };
const downloads = { download: vi.fn() };

vi.mock('../shared/messaging', () => ({
  request: (message: Message) => {
    sent.push(message);
    return Promise.resolve(replies.get(message.type));
  },
}));
vi.mock('../shared/browser', () => ({
  browser: { tabs, downloads, runtime: { getURL: (path: string) => `chrome-extension://id/${path}` } },
}));

const { extensionApi } = await import('./extensionApi');

const cookieJson = new Cookie({
  version: 0, name: 'sid', value: '1', port: null, portSpecified: false, domain: 'www.example.com', domainSpecified: false,
  domainInitialDot: false, path: '/', pathSpecified: true, secure: true, expires: null, discard: true, comment: null, commentUrl: null, rest: { HttpOnly: null },
}).toJSON();

beforeEach(() => {
  sent.length = 0;
  replies.clear();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.clearAllMocks();
});

describe('extensionApi', () => {
  it('asks for the jar’s rows and the browser’s cookies of the site at once, and shows both', async () => {
    replies.set('getCookieRows', [['sid', '1', 'www.example.com', false, '/', true, null, 0, null, true, 'Lax']]);
    replies.set('getCookies', { jar: [], browser: [{ name: 'js', value: '2', domain: 'www.example.com', hostOnly: true, path: '/', secure: false, httpOnly: false, sameSite: 'lax', session: true, storeId: '0' }], comparison: null, warnings: [] });
    const cookies = await extensionApi.getCookies('www.example.com');
    expect(sent).toEqual([{ type: 'getCookieRows', site: 'www.example.com' }, { type: 'getCookies', source: 'browser', site: 'www.example.com' }]);
    expect(cookies.site).toBe('www.example.com');
    expect(cookies.jar.map((c) => [c.name, c.httpOnly, c.sameSite])).toEqual([['sid', true, 'Lax']]);
    expect(cookies.browser.map((c) => [c.name, c.sameSite])).toEqual([['js', 'Lax']]);
    sent.length = 0;
    replies.set('getCookies', { jar: [], browser: null, comparison: null, warnings: [] });
    expect((await extensionApi.getCookies(null)).browser).toEqual([]);
    expect(sent).toEqual([{ type: 'getCookieRows' }, { type: 'getCookies', source: 'browser' }]);
  });

  it('sends each action with exactly its parameters', async () => {
    replies.set('getStatus', { errors: ['The jar could not be saved.'] });
    expect(await extensionApi.problems()).toEqual(['The jar could not be saved.']);
    await extensionApi.deleteCookie({ domain: '.example.com', path: '/', name: 'sid' });
    await extensionApi.clearSite('www.example.com');
    replies.set('getDecisions', []);
    await extensionApi.getDecisions({ tabId: 3 });
    await extensionApi.getDecisions({});
    replies.set('importJar', { imported: 2, jarSize: 9 });
    expect(await extensionApi.importJar('text', 'lwp')).toEqual({ imported: 2 });
    replies.set('exportJar', { text: 't', filename: 'cookies.txt', warnings: [], count: 0 });
    await extensionApi.exportJar({ format: 'mozilla', dialect: 'curl', source: 'jar', site: 'www.example.com', includeSession: true, includeExpired: false });
    await extensionApi.exportJar({ format: 'lwp', dialect: 'curl', source: 'browser', site: null, includeSession: false, includeExpired: true });
    replies.set('getPolicy', { netscape: true });
    expect(await extensionApi.getPolicy()).toEqual({ netscape: true });
    replies.set('setPolicy', { netscape: false });
    expect(await extensionApi.setPolicy({ netscape: false } as never)).toEqual({ netscape: false });
    expect(sent.slice(1)).toStrictEqual([
      { type: 'deleteCookie', domain: '.example.com', path: '/', name: 'sid' },
      { type: 'clearJar', site: 'www.example.com' },
      { type: 'getDecisions', limit: 10_000, tabId: 3 },
      { type: 'getDecisions', limit: 10_000 },
      { type: 'importJar', text: 'text', format: 'lwp' },
      { type: 'exportJar', format: 'mozilla', source: 'jar', includeSession: true, includeExpired: false, dialect: 'curl', site: 'www.example.com' },
      { type: 'exportJar', format: 'lwp', source: 'browser', includeSession: false, includeExpired: true },
      { type: 'getPolicy' },
      { type: 'setPolicy', settings: { netscape: false } },
    ]);
  });

  it('explains a URL with the jar’s header and each cookie’s rule and reason, and the browser’s answer; from a page when one is given', async () => {
    const browser = { cookieHeader: null, cookies: [{ name: 'pref', domain: 'www.example.com', path: '/', sent: false, reasons: ['SameSiteLax'], sentence: 'Lax.', partitionKey: { topLevelSite: 'https://a.test', hasCrossSiteAncestor: false } }] };
    replies.set('explain', { cookieHeader: null, cookie2Header: null, cookies: [{ cookie: cookieJson, sent: false, rule: 'return.secure.protocol', reason: 'Secure.' }], browser });
    const view = await extensionApi.explain('http://www.example.com/');
    await extensionApi.explain('http://www.example.com/', 'https://a.test/page');
    expect(sent).toEqual([{ type: 'explain', url: 'http://www.example.com/' }, { type: 'explain', url: 'http://www.example.com/', topLevelUrl: 'https://a.test/page' }]);
    expect(view).toEqual({
      url: 'http://www.example.com/', topLevelUrl: null, header: null,
      cookies: [{ cookie: expect.objectContaining({ name: 'sid', httpOnly: true, secure: true }) as unknown, sent: false, rule: 'return.secure.protocol', reason: 'Secure.' }],
      browser: { header: null, cookies: [{ name: 'pref', domain: 'www.example.com', path: '/', partitionKey: 'https://a.test', sent: false, reasons: ['SameSiteLax'], sentence: 'Lax.' }] },
    });
  });

  it('asks why cookies are in one store only, for a site or for all', async () => {
    replies.set('explainDifferences', { notes: [{ key: 'host www.example.com\t/\tsid\t', side: 'jar', kind: 'browser-refused', sentence: 'Refused.', reasons: ['SecureOnly'] }] });
    const notes = await extensionApi.cookieNotes('www.example.com');
    await extensionApi.cookieNotes(null);
    expect(sent).toEqual([{ type: 'explainDifferences', site: 'www.example.com' }, { type: 'explainDifferences' }]);
    expect(notes).toEqual([{ key: 'host www.example.com\t/\tsid\t', side: 'jar', kind: 'browser-refused', sentence: 'Refused.', reasons: ['SecureOnly'], rule: null }]);
  });

  it('replays a policy and reports what it would change', async () => {
    const decision = { responseId: 1, requestUrl: 'http://a.test/', line: 'a=1', accepted: false, rule: 'set.domain.blocked', reason: 'Blocked.', cookie: null };
    replies.set('replay', { responses: 1, cookies: [], decisions: [decision, { ...decision, accepted: true }], newlyRefused: [decision], newlyAccepted: [] });
    const view = await extensionApi.replay({ blockedDomains: ['a.test'] } as never);
    expect(view.replayed).toBe(2);
    expect(view.newlyRefused.map((d) => [d.url, d.line, d.rule])).toEqual([['http://a.test/', 'a=1', 'set.domain.blocked']]);
    expect(view.newlyAccepted).toEqual([]);
  });

  it('saves a file through the downloads API and opens the UI in a tab about the same tab', async () => {
    const blobs: Blob[] = [];
    const revokeObjectURL = vi.fn();
    vi.stubGlobal('URL', Object.assign(class extends URL {}, { createObjectURL: (blob: Blob) => { blobs.push(blob); return 'blob:x'; }, revokeObjectURL }));
    vi.useFakeTimers();
    await extensionApi.saveFile('# Netscape HTTP Cookie File\n', 'cookies.txt');
    expect(blobs.map((blob) => blob.type)).toEqual(['text/plain']);
    expect(await blobs[0]?.text()).toBe('# Netscape HTTP Cookie File\n');
    // The object URL is let go once the download has had time to start.
    vi.advanceTimersByTime(59_999);
    expect(revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:x');
    vi.useRealTimers();
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { clipboard: { writeText } });
    await extensionApi.copyText('sid=1');
    expect(writeText).toHaveBeenCalledWith('sid=1');
    expect(downloads.download).toHaveBeenCalledWith({ url: 'blob:x', filename: 'cookies.txt', saveAs: false, conflictAction: 'uniquify' });
    await extensionApi.openInTab({ tabId: 4, url: 'https://www.example.com/' });
    await extensionApi.openInTab({ tabId: null, url: null });
    expect(tabs.create.mock.calls).toEqual([
      [{ url: 'chrome-extension://id/src/popup/index.html?full=1&tab=4&url=https%3A%2F%2Fwww.example.com%2F' }],
      [{ url: 'chrome-extension://id/src/popup/index.html?full=1' }],
    ]);
  });
});
