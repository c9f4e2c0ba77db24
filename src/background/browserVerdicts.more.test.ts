// The browser's verdict, correlated by BrowserVerdicts itself (the worker's part is in
// browserVerdicts.test.ts): which change of cookies.onChanged is a line's, for how long a line and a
// change wait for each other, what a line whose cookie the model cannot tell is matched by, what is
// remembered about changes no line explains, the bounds that keep a flood from growing memory, and
// what a stored verdict must look like to be read back.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { RequestContext } from '../browser-model';
import type { BrowserVerdict } from '../shared/protocol';
import {
  BrowserVerdicts, HISTORY_LIMIT, LATE_MS, SETTLE_MS, identityOf, storeChange, verdictOf, type LoggedVerdict,
} from './browserVerdicts';
import { readLogPage } from './records';
import { chromeRequest, startFakeBrowser, withCookies } from './testing/fakeBrowser';

const T0 = Date.UTC(2025, 0, 1);
const BIG = 'x'.repeat(4200);

/** A cookie as the cookies API reports it. */
function apiCookie(name: string, value: string, domain: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name, value, domain, hostOnly: !domain.startsWith('.'), path: '/', secure: false, httpOnly: false, sameSite: 'unspecified',
    session: true, storeId: '0', ...extra,
  };
}

/** One store's verdicts on a clock the test moves (ms after T0). */
function harness(seed: Record<string, unknown>[] = []) {
  let clock = T0;
  const verdicts = new BrowserVerdicts({ browser: 'chromium', now: () => clock });
  verdicts.seed(seed);
  let settled = 0;
  const change = (removed: boolean, cause: string, cookie: Record<string, unknown>) => {
    const observed = storeChange({ removed, cause, cookie });
    if (observed === null) throw new Error('not a cookie');
    verdicts.observe(observed);
  };
  return {
    verdicts,
    /** How many times a verdict changed after it was given. */
    get settled() { return settled; },
    /** Moves the clock to `ms` after T0 and settles what is due then, as the worker's timer does. */
    at(ms: number): number | null { clock = T0 + ms; return verdicts.settleDue(); },
    /** A response's lines: a function giving each line's verdict as the extension shows it now. */
    respond(url: string, lines: string[], context: Partial<RequestContext> = {}): { shown: (i?: number) => BrowserVerdict; sentences: string[]; logged: LoggedVerdict[] } {
      const judged = verdicts.judge(lines, { url, ...context }, () => { settled++; });
      if (judged === null) throw new Error('no verdicts');
      return { shown: (i = 0) => verdictOf(judged.verdicts[i] as LoggedVerdict, judged.sentences), sentences: judged.sentences, logged: judged.verdicts };
    },
    added: (cookie: Record<string, unknown>) => { change(false, 'explicit', cookie); },
    removed: (cookie: Record<string, unknown>, cause: string) => { change(true, cause, cookie); },
  };
}

const STORED = { stored: true, predicted: 'stored', reasons: [] };

describe('a line and its change', () => {
  it('two responses that set the same cookie in quick succession are each matched by their own change', () => {
    const h = harness();
    const first = h.respond('https://www.example.com/', ['a=1']);
    h.at(100);
    const second = h.respond('https://www.example.com/', ['a=2']);
    h.added(apiCookie('a', '1', 'www.example.com'));
    expect(first.shown()).toEqual(STORED);
    expect(second.shown().pending).toBe(true);
    h.added(apiCookie('a', '2', 'www.example.com'));
    expect(second.shown()).toEqual(STORED);
    expect(h.verdicts.pending).toBe(0);
  });

  it('the cookie deleted meanwhile by a page’s script is not the line’s doing: after the wait it was not stored', () => {
    const h = harness([apiCookie('a', '0', 'www.example.com')]);
    const line = h.respond('https://www.example.com/', ['a=1']);
    h.removed(apiCookie('a', '0', 'www.example.com'), 'expired_overwrite');
    expect(line.shown().pending).toBe(true);
    h.at(SETTLE_MS);
    expect(line.shown()).toEqual({ stored: false, predicted: 'stored', reasons: [], flagged: true });
    expect(h.verdicts.disagreements).toBe(1);
  });

  it('…nor does a deletion that came before the line count as its storing', () => {
    const h = harness([apiCookie('a', '0', 'www.example.com')]);
    h.removed(apiCookie('a', '0', 'www.example.com'), 'expired_overwrite');
    const line = h.respond('https://www.example.com/', ['a=1']);
    expect(line.shown().pending).toBe(true);
  });

  it('a line whose change came first is settled at once and no longer counted as waiting', () => {
    const h = harness();
    h.added(apiCookie('early', '1', 'www.example.com'));
    const response = h.respond('https://www.example.com/', ['early=1', 'slow=1']);
    expect(response.shown(0)).toEqual(STORED);
    expect(response.shown(1).pending).toBe(true);
    expect(h.verdicts.pending).toBe(1);
  });

  it('a line waits exactly SETTLE_MS: at that moment, nothing having come, it was not stored', () => {
    const h = harness();
    const line = h.respond('https://www.example.com/', ['w=1']);
    expect(h.at(SETTLE_MS - 1)).toBe(T0 + SETTLE_MS);
    expect(line.shown().pending).toBe(true);
    h.at(SETTLE_MS);
    expect(line.shown()).toMatchObject({ stored: false, flagged: true });
    expect(h.settled).toBe(1);
  });

  it('a change waits SETTLE_MS for its response: younger it is claimed, at SETTLE_MS it is forgotten', () => {
    const h = harness();
    h.added(apiCookie('young', '1', 'www.example.com'));
    h.at(1000);
    h.added(apiCookie('old', '1', 'www.example.com'));
    h.at(1500);
    expect(h.respond('https://www.example.com/', ['young=1']).shown()).toEqual(STORED);
    h.at(1000 + SETTLE_MS);
    expect(h.respond('https://www.example.com/', ['old=1']).shown().pending).toBe(true);
  });

  it('two changes of one cookie wait each for their own time, whichever goes first', () => {
    const h = harness();
    h.added(apiCookie('a', '1', 'www.example.com'));
    h.at(1500);
    h.added(apiCookie('a', '2', 'www.example.com'));
    h.at(SETTLE_MS);
    // The first change is forgotten; the second is still there for its response.
    expect(h.respond('https://www.example.com/', ['a=2']).shown()).toEqual(STORED);

    const g = harness();
    g.added(apiCookie('b', '1', 'www.example.com'));
    g.at(500);
    expect(g.respond('https://www.example.com/', ['b=1']).shown()).toEqual(STORED);
    g.at(1000);
    g.added(apiCookie('b', '2', 'www.example.com'));
    // The first change, claimed, runs out: the second is still there.
    g.at(SETTLE_MS);
    expect(g.respond('https://www.example.com/', ['b=2']).shown()).toEqual(STORED);
  });

  it('a change matches its own partition only: the same cookie in another top-level site’s jar is not it', () => {
    const h = harness();
    const line = h.respond('https://embed.example.net/w', ['chip=1; Secure; SameSite=None; Partitioned'], { kind: 'subresource', topLevelUrl: 'https://news.example.com/' });
    expect(line.shown()).toMatchObject({ predicted: 'stored', pending: true });
    const chip = (site: string) => apiCookie('chip', '1', 'embed.example.net', { secure: true, sameSite: 'no_restriction', partitionKey: { topLevelSite: site, hasCrossSiteAncestor: true } });
    h.added(chip('https://other.test'));
    expect(line.shown().pending).toBe(true);
    h.added(chip('https://example.com'));
    expect(line.shown()).toEqual(STORED);
  });

  it('a stored line with an expiry waits for its cookie to be added, and shows what the browser changed in it', () => {
    const h = harness();
    const line = h.respond('https://www.example.com/', ['n=1; Max-Age=999999999; Domain=']);
    expect(line.shown().sentence).toBe('The empty Domain attribute makes it a host-only cookie. Its expiry is capped at 400 days from now.');
    h.added(apiCookie('n', '1', 'www.example.com', { session: false, expirationDate: T0 / 1000 + 400 * 86400 }));
    expect(line.shown()).toMatchObject(STORED);
  });

  it('a response keeps each sentence once: lines refused for the same reason share it, a line with nothing to say has none', () => {
    const h = harness();
    const response = h.respond('http://www.example.com/', ['s=1; Secure', 'ok=1', 's=1; Secure']);
    expect(response.sentences).toHaveLength(1);
    expect(response.sentences[0]).toContain('Secure');
    expect(response.shown(0).sentence).toBe(response.sentences[0]);
    expect(response.shown(2).sentence).toBe(response.sentences[0]);
    expect(response.shown(1)).toStrictEqual({ stored: null, predicted: 'stored', reasons: [], pending: true });
  });
});

describe('deletions', () => {
  it('a deletion of a cookie the store held that never came: it was not deleted, flagged', () => {
    const h = harness([apiCookie('gone', 'x', 'www.example.com')]);
    const line = h.respond('https://www.example.com/', ['gone=; Max-Age=0']);
    h.at(SETTLE_MS);
    expect(line.shown()).toMatchObject({ stored: false, predicted: 'stored', flagged: true });
  });

  it('a deletion of a cookie the store did not hold stays unknown, whatever comes later', () => {
    const h = harness();
    const line = h.respond('https://www.example.com/', ['never=; Max-Age=0']);
    h.at(SETTLE_MS);
    expect(line.shown()).toStrictEqual({ stored: null, predicted: 'stored', reasons: [], sentence: line.sentences[0] });
    h.at(SETTLE_MS + 1000);
    h.removed(apiCookie('never', 'x', 'www.example.com'), 'expired_overwrite');
    expect(line.shown().stored).toBeNull();
  });

  it('a refused line that would have deleted waits for the removal: none came, so it was not stored, as predicted', () => {
    const h = harness([apiCookie('a', '0', 'www.example.com')]);
    const line = h.respond('http://www.example.com/', ['a=1; Expires=Tue, 31 Dec 2024 00:00:00 GMT; SameSite=None']);
    h.at(SETTLE_MS);
    expect(line.shown()).toMatchObject({ stored: false, predicted: 'refused', reasons: ['SameSiteNoneInsecure'] });
    expect(line.shown().flagged).toBeUndefined();
  });

  it('…and when the store did remove the cookie after all, that is shown (flagged), also for an expiry of this very moment', () => {
    for (const expires of ['Tue, 31 Dec 2024 00:00:00 GMT', 'Wed, 01 Jan 2025 00:00:00 GMT']) {
      const h = harness([apiCookie('a', '0', 'www.example.com')]);
      const line = h.respond('http://www.example.com/', [`a=1; Expires=${expires}; SameSite=None`]);
      h.removed(apiCookie('a', '0', 'www.example.com'), 'expired_overwrite');
      expect(line.shown()).toMatchObject({ stored: true, predicted: 'refused', flagged: true });
    }
  });

  it('whether a refused line would have deleted is decided at the response’s time, not when it is judged', () => {
    const h = harness([apiCookie('a', '0', 'www.example.com')]);
    const line = h.respond('http://www.example.com/', ['a=1; Expires=Wed, 01 Jan 2025 00:00:10 GMT; SameSite=None'], { now: T0 + 20_000 });
    h.removed(apiCookie('a', '0', 'www.example.com'), 'expired_overwrite');
    expect(line.shown()).toMatchObject({ stored: true, predicted: 'refused' });
  });
});

describe('a change that comes late', () => {
  it('a late change corrects "not stored" until LATE_MS after the line settled, not at LATE_MS', () => {
    const h = harness();
    const refused = h.respond('http://www.example.com/', ['r=1; Secure']);
    const lost = h.respond('https://www.example.com/', ['lost=1']);
    h.at(SETTLE_MS);
    expect(refused.shown()).toMatchObject({ stored: false, predicted: 'refused' });
    expect(refused.shown().flagged).toBeUndefined();
    expect(h.verdicts.disagreements).toBe(1);
    // The refused line was stored after all: now a disagreement.
    h.at(SETTLE_MS + 1000);
    h.added(apiCookie('r', '1', 'www.example.com', { secure: true }));
    expect(refused.shown()).toMatchObject({ stored: true, predicted: 'refused', flagged: true });
    expect(h.verdicts.disagreements).toBe(2);
    h.at(SETTLE_MS + LATE_MS);
    h.added(apiCookie('lost', '1', 'www.example.com'));
    expect(lost.shown()).toMatchObject({ stored: false, flagged: true });
    expect(h.verdicts.history.get(identityOf({ name: 'lost', domain: 'www.example.com', path: '/' }))).toEqual({ what: 'set', cause: 'explicit', time: T0 + SETTLE_MS + LATE_MS });
  });
});

describe('a line whose cookie the model cannot tell (over 4,096 bytes) is matched by its name on its site', () => {
  it('a change of another name on the same site is not it', () => {
    const h = harness();
    const line = h.respond('https://www.example.com/', [`big=${BIG}`]);
    h.added(apiCookie('other', 'x', '.example.com'));
    expect(line.shown().pending).toBe(true);
    h.added(apiCookie('big', BIG, '.example.com'));
    expect(line.shown()).toMatchObject({ stored: true, predicted: 'refused', flagged: true });
  });

  it.each([
    ['a name with spaces around it', 'https://www.example.com/', ` big = ${BIG}`, 'big', 'www.example.com'],
    ['a line without "=" (a nameless cookie)', 'https://www.example.com/', BIG, '', 'www.example.com'],
    ['a site of its own and a port', 'https://example.com:8443/', `big=${BIG}`, 'big', '.example.com'],
    ['an IP address, with credentials and a port', 'http://user:pw@127.0.0.1:8080/x', `big=${BIG}`, 'big', '127.0.0.1'],
    ['an IPv6 address with a port', 'http://[::1]:8080/', `big=${BIG}`, 'big', '[::1]'],
  ])('%s', (_, url, text, name, domain) => {
    const h = harness();
    const line = h.respond(url, [text]);
    expect(line.shown()).toMatchObject({ predicted: 'refused', reasons: ['NameValuePairExceedsMaxSize'], pending: true });
    h.added(apiCookie(name, BIG, domain));
    expect(line.shown()).toMatchObject({ stored: true, flagged: true });
  });

  it('a change that came first is claimed by its name on its site, and only once', () => {
    const h = harness();
    h.added(apiCookie('big', BIG, 'other.test'));
    h.added(apiCookie('other', BIG, '.example.com'));
    expect(h.respond('https://www.example.com/', [`big=${BIG}`]).shown().pending).toBe(true);
    const g = harness();
    g.added(apiCookie('big', BIG, '.example.com'));
    const response = g.respond('https://www.example.com/', [`big=${BIG}`, `big=${BIG}`]);
    expect(response.shown(0)).toMatchObject({ stored: true, flagged: true });
    expect(response.shown(1).pending).toBe(true);
    expect(g.verdicts.pending).toBe(1);
  });

  it('a late change still corrects it', () => {
    const h = harness();
    const line = h.respond('https://www.example.com/', [`big=${BIG}`]);
    h.at(SETTLE_MS);
    expect(line.shown()).toMatchObject({ stored: false, predicted: 'refused' });
    expect(h.verdicts.disagreements).toBe(0);
    h.at(SETTLE_MS + 1000);
    h.added(apiCookie('big', BIG, 'www.example.com'));
    expect(line.shown()).toMatchObject({ stored: true, predicted: 'refused', flagged: true });
    expect(h.verdicts.disagreements).toBe(1);
  });

  it('is still found while other lines settle, are corrected late or run out of time', () => {
    const h = harness();
    // Settled by its change.
    h.respond('https://www.example.com/', ['a=1']);
    const big1 = h.respond('https://www.example.com/', [`big=${BIG}`]);
    h.added(apiCookie('a', '1', 'www.example.com'));
    h.added(apiCookie('big', BIG, 'www.example.com'));
    expect(big1.shown().stored).toBe(true);
    // Corrected late.
    h.respond('https://www.example.com/', ['b=1']);
    h.at(SETTLE_MS);
    const big2 = h.respond('https://www.example.com/', [`big=${BIG}`]);
    h.added(apiCookie('b', '1', 'www.example.com'));
    h.added(apiCookie('big', BIG, 'www.example.com'));
    expect(big2.shown().stored).toBe(true);
    // Run out of time: `c` is no longer correctable from SETTLE_MS * 2 + LATE_MS.
    h.respond('https://www.example.com/', ['c=1']);
    h.at(2 * SETTLE_MS);
    h.at(2 * SETTLE_MS + LATE_MS - 100);
    const big3 = h.respond('https://www.example.com/', [`big=${BIG}`]);
    h.at(2 * SETTLE_MS + LATE_MS);
    h.added(apiCookie('big', BIG, 'www.example.com'));
    expect(big3.shown().stored).toBe(true);
  });

  it('one corrected late, then run out of time, leaves the next one findable', () => {
    const h = harness();
    const first = h.respond('https://www.example.com/', [`big=${BIG}`]);
    h.at(SETTLE_MS);
    h.added(apiCookie('big', BIG, 'www.example.com'));
    expect(first.shown().stored).toBe(true);
    h.at(SETTLE_MS + LATE_MS);
    const next = h.respond('https://www.example.com/', [`big=${BIG}`]);
    h.added(apiCookie('big', BIG, 'www.example.com'));
    expect(next.shown().stored).toBe(true);
  });
});

describe('what the Site view is told about changes no line explains', () => {
  const key = (name: string) => identityOf({ name, domain: 'www.example.com', path: '/' });

  it('a cookie overwritten by a line has no history; one set or deleted by a script, evicted or expired has, with its cause and time', () => {
    const h = harness([apiCookie('theme', 'light', 'www.example.com'), apiCookie('old', '1', 'www.example.com'), apiCookie('gone', '1', 'www.example.com')]);
    h.respond('https://www.example.com/', ['theme=dark']);
    h.removed(apiCookie('theme', 'light', 'www.example.com'), 'overwrite');
    h.added(apiCookie('theme', 'dark', 'www.example.com'));
    h.at(10);
    h.added(apiCookie('script', '1', 'www.example.com'));
    h.removed(apiCookie('gone', '1', 'www.example.com'), 'expired_overwrite');
    h.removed(apiCookie('old', '1', 'www.example.com'), 'evicted');
    expect(h.verdicts.history.has(key('theme'))).toBe(false);
    expect(h.verdicts.history.get(key('script'))).toEqual({ what: 'set', cause: 'explicit', time: T0 + 10 });
    expect(h.verdicts.history.get(key('gone'))).toEqual({ what: 'removed', cause: 'expired_overwrite', time: T0 + 10 });
    expect(h.verdicts.history.get(key('old'))).toEqual({ what: 'removed', cause: 'evicted', time: T0 + 10 });
  });

  it('an eviction is not a line’s deletion: the line waits on, and is not deleted', () => {
    const h = harness([apiCookie('gone', 'x', 'www.example.com')]);
    const line = h.respond('https://www.example.com/', ['gone=; Max-Age=0']);
    h.removed(apiCookie('gone', 'x', 'www.example.com'), 'evicted');
    expect(line.shown().pending).toBe(true);
  });

  it(`keeps the ${HISTORY_LIMIT} most recent cookies’ histories`, () => {
    const h = harness();
    for (let i = 0; i < HISTORY_LIMIT; i++) h.removed(apiCookie(`c${i}`, '1', 'www.example.com'), 'evicted');
    expect(h.verdicts.history.size).toBe(HISTORY_LIMIT);
    expect(h.verdicts.history.has(key('c0'))).toBe(true);
    h.removed(apiCookie('last', '1', 'www.example.com'), 'evicted');
    expect(h.verdicts.history.size).toBe(HISTORY_LIMIT);
    expect(h.verdicts.history.has(key('c0'))).toBe(false);
    expect(h.verdicts.history.has(key('c1'))).toBe(true);
    expect(h.verdicts.history.has(key('last'))).toBe(true);
  });
});

describe('a flood cannot grow memory', () => {
  it('1,000 changes no line explains are kept for their response; past that the oldest is forgotten', () => {
    const h = harness();
    for (let i = 0; i < 1000; i++) h.added(apiCookie(`u${i}`, '1', 'www.example.com'));
    expect(h.respond('https://www.example.com/', ['u0=1']).shown()).toEqual(STORED);
    h.added(apiCookie('u1000', '1', 'www.example.com'));
    h.added(apiCookie('u1001', '1', 'www.example.com'));
    expect(h.respond('https://www.example.com/', ['u1=1']).shown().pending).toBe(true);
    expect(h.respond('https://www.example.com/', ['u2=1']).shown()).toEqual(STORED);
  });

  it('past 5,000 lines waiting, the oldest still waiting is settled as unknown; one already settled keeps its verdict', () => {
    const h = harness();
    const first = h.respond('https://www.example.com/', ['first=1']);
    h.added(apiCookie('first', '1', 'www.example.com'));
    const flood = h.respond('https://www.example.com/', Array.from({ length: 5001 }, (_, i) => `f${i}=1`));
    expect(first.shown()).toEqual(STORED);
    expect(flood.shown(0)).toStrictEqual({ stored: null, predicted: 'stored', reasons: [] });
    expect(flood.shown(1).pending).toBe(true);
    expect(h.verdicts.pending).toBe(5000);
  });
});

describe('the third-party cookie setting, learned from the store', () => {
  const tracker = { kind: 'subresource', topLevelUrl: 'https://news.example.com/', initiator: 'https://news.example.com' } as const;
  const trackerCookie = (name: string) => apiCookie(name, '1', 'ads.tracker.test', { secure: true, sameSite: 'no_restriction' });

  it('confirmed blocked: the line keeps the model’s own sentence, and nothing it predicted is added to the model’s copy', () => {
    const h = harness();
    const line = h.respond('https://ads.tracker.test/p.gif', ['t=1; SameSite=None; Secure'], tracker);
    const before = line.shown().sentence;
    h.at(SETTLE_MS);
    expect(h.verdicts.thirdPartyKnown).toBe(true);
    expect(line.shown()).toEqual({ stored: false, predicted: 'refused', reasons: ['UserPreferences'], sentence: before });
    expect(h.verdicts.model.size).toBe(0);
  });

  it('a line predicted stored that did not arrive adds nothing to the model’s copy of the store', () => {
    const h = harness();
    h.respond('https://www.example.com/', ['lost=1']);
    h.at(SETTLE_MS);
    expect(h.verdicts.model.size).toBe(0);
  });

  it('the setting can change: allowed shown, then a third-party cookie predicted stored does not arrive: blocked again', () => {
    const h = harness();
    const first = h.respond('https://ads.tracker.test/p.gif', ['t1=1; SameSite=None; Secure'], tracker);
    h.added(trackerCookie('t1'));
    expect(first.shown()).toMatchObject({ stored: true, predicted: 'stored' });
    expect(h.verdicts.thirdPartyCookies).toBe('allowed');
    const second = h.respond('https://ads.tracker.test/p.gif', ['t2=1; SameSite=None; Secure'], tracker);
    expect(second.shown()).toMatchObject({ predicted: 'stored', pending: true });
    h.at(SETTLE_MS);
    const shown = second.shown();
    expect(shown).toMatchObject({ stored: false, predicted: 'refused', reasons: ['UserPreferences'] });
    expect(shown.flagged).toBeUndefined();
    expect(shown.sentence).toMatch(/^The browser blocks third-party cookies and https:\/\/tracker\.test is a third party .+ \(The browser blocks third-party cookies: the store showed it with this cookie\.\)$/);
    expect(h.verdicts.thirdPartyCookies).toBe('blocked');
    expect(h.verdicts.disagreements).toBe(0);
    // …and allowed again.
    const third = h.respond('https://ads.tracker.test/p.gif', ['t3=1; SameSite=None; Secure'], tracker);
    expect(third.shown()).toMatchObject({ predicted: 'refused', pending: true });
    h.added(trackerCookie('t3'));
    expect(third.shown()).toMatchObject({ stored: true, predicted: 'stored', sentence: '(The browser allows third-party cookies: the store showed it with this cookie.)' });
    expect(h.verdicts.thirdPartyCookies).toBe('allowed');
  });

  it('a third-party line the model makes no cookie of is no evidence', () => {
    const h = harness();
    const line = h.respond('https://ads.tracker.test/p.gif', [`t=${BIG}; SameSite=None; Secure`], tracker);
    h.at(SETTLE_MS);
    expect(line.shown()).toMatchObject({ stored: false, predicted: 'refused' });
    expect(h.verdicts.thirdPartyCookies).toBe('blocked');
  });
});

describe('what the store reports', () => {
  it('the seed keeps the cookies among what cookies.getAll answered, and ignores anything else', () => {
    const verdicts = new BrowserVerdicts({ browser: 'chromium', now: () => T0 });
    verdicts.seed([null, 'a=1', { name: 'b' }, apiCookie('c', '1', 'www.example.com')]);
    expect(verdicts.model.size).toBe(1);
  });

  const good = apiCookie('a', '1', 'www.example.com');
  const notCookies: [string, unknown][] = [
    ['null', null], ['text', 'a=1'],
    ['no name', { ...good, name: 1 }], ['no value', { ...good, value: undefined }], ['no domain', { ...good, domain: null }],
    ['no path', { ...good, path: 0 }], ['a Secure flag as text', { ...good, secure: 'true' }], ['no HttpOnly flag', { ...good, httpOnly: undefined }],
  ];
  it.each(notCookies)('a cookies.onChanged event whose cookie has %s is ignored', (_, cookie) => {
    expect(storeChange({ removed: false, cause: 'explicit', cookie: cookie as object })).toBeNull();
  });
  it('…one with a cookie is read', () => {
    expect(notCookies).toHaveLength(8);
    expect(storeChange({ removed: true, cause: 'evicted', cookie: good })).toEqual({ removed: true, cause: 'evicted', cookie: good });
  });
});

describe('a verdict as shown and as stored', () => {
  it('a verdict whose response has no sentences shows none', () => {
    expect(verdictOf([1, 1, [], -1, 0], undefined)).toStrictEqual({ stored: true, predicted: 'stored', reasons: [] });
    expect(verdictOf([0, 0, ['SecureOnly'], 0, 2], ['why'])).toStrictEqual({ stored: false, predicted: 'refused', reasons: ['SecureOnly'], sentence: 'why', flagged: true });
  });

  const RESPONSE = {
    id: 7, time: 1_700_000_000_000, tabId: -1, url: 'https://a.test/', resourceType: 'main_frame', topLevelUrl: null,
    originReqHost: 'a.test', unverifiable: false, thirdParty: false, label: 'top-level', redirectedFrom: [],
    sentences: ['one', 'two'],
    lines: [
      { header: 'Set-Cookie', text: 'a=1', browser: [1, 1, [], -1, 0] },
      { header: 'Set-Cookie', text: 'b=1', browser: [0, 0, ['SecureOnly', 'UserPreferences'], 1, 2] },
      { header: 'Set-Cookie', text: 'c=1', browser: [2, 1, [], 0, 1] },
    ],
    decisions: [],
  };
  const page = (browser: unknown) => {
    const damaged = structuredClone(RESPONSE) as { lines: Record<string, unknown>[] };
    (damaged.lines[1] as Record<string, unknown>)['browser'] = browser;
    return { v: 2, items: JSON.stringify([RESPONSE, damaged]) };
  };

  it('verdicts of every kind come back as they were written', () => {
    expect(readLogPage({ v: 2, items: JSON.stringify([RESPONSE]) })).toEqual([RESPONSE]);
  });

  const damaged: [string, unknown, string][] = [
    ['an object', { observed: 1 }, 'is not a list of 5 fields'],
    ['text of 5 characters', '10000', 'is not a list of 5 fields'],
    ['a list of 4 fields', [1, 1, [], -1], 'is not a list of 5 fields'],
    ['a list of 6 fields', [1, 1, [], -1, 0, 0], 'is not a list of 5 fields'],
    ['an observation of 3', [3, 1, [], -1, 0], 'has an unknown observation'],
    ['an observation as text', ['1', 1, [], -1, 0], 'has an unknown observation'],
    ['a prediction of 2', [1, 2, [], -1, 0], 'has an unknown prediction'],
    ['reasons as text', [1, 0, 'SecureOnly', -1, 0], 'has bad reasons'],
    ['a reason that is a number', [1, 0, ['SecureOnly', 3], -1, 0], 'has bad reasons'],
    ['a sentence of 0.5', [1, 1, [], 0.5, 0], 'names a sentence it does not have'],
    ['a sentence below -1', [1, 1, [], -2, 0], 'names a sentence it does not have'],
    ['a sentence past the response’s', [1, 1, [], 2, 0], 'names a sentence it does not have'],
    ['a sentence as text', [1, 1, [], '0', 0], 'names a sentence it does not have'],
    ['a state of 3', [1, 1, [], -1, 3], 'has an unknown state'],
  ];
  it.each(damaged)('a verdict that is %s is refused on load, with what is wrong', (_, browser, problem) => {
    expect(readLogPage(page(browser))).toBe(`line 2: its browser verdict ${problem}`);
  });
  it('(every damaged verdict is tried)', () => { expect(damaged).toHaveLength(14); });
});

describe('the worker keeps settling while a line or a change waits, though nothing else happens', () => {
  beforeEach(() => { vi.useFakeTimers({ now: T0 }); });
  afterEach(() => { vi.useRealTimers(); });

  async function started() {
    const fake = startFakeBrowser({ background: { now: () => Date.now() } });
    await fake.background.ready;
    return {
      respond: (line: string) => { fake.events.webRequest.onHeadersReceived.dispatch(withCookies(chromeRequest('https://www.example.com/', { timeStamp: Date.now() }), line)); },
      added: (name: string) => { fake.events.cookies.onChanged.dispatch({ removed: false, cause: 'explicit', cookie: apiCookie(name, '1', 'www.example.com') }); },
      verdict: (line: string) => fake.background.decisions().find((d) => d.line === line)?.browser,
    };
  }

  it('a line settled "not stored" is no longer corrected by a change after LATE_MS', async () => {
    const w = await started();
    w.respond('lost=1');
    vi.advanceTimersByTime(SETTLE_MS + 100);
    expect(w.verdict('lost=1')).toMatchObject({ stored: false, flagged: true });
    vi.advanceTimersByTime(LATE_MS + SETTLE_MS);
    w.added('lost');
    expect(w.verdict('lost=1')).toMatchObject({ stored: false, flagged: true });
  });

  it('a change is no longer claimed by a response after SETTLE_MS', async () => {
    const w = await started();
    w.added('first');
    vi.advanceTimersByTime(SETTLE_MS);
    w.added('second');
    vi.advanceTimersByTime(SETTLE_MS + 1000);
    w.respond('second=1');
    expect(w.verdict('second=1')?.pending).toBe(true);
  });
});
