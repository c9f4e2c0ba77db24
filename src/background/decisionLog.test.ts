// The decision log of one cookie store, without the service around it: what it keeps of each
// observed response (its lines, cut; each decision with its own line and its cookie), in what order,
// within which bounds (decisions and bytes: the site with the largest share gives way, and a
// response larger than the whole log keeps its newest decisions), what a write stores and what a
// worker started afresh reads back from it (records.ts, as the service reads a page).
import { describe, expect, it } from 'vitest';
import { Cookie, CookieJar, CookieRequest, DefaultCookiePolicy, type CookieDecision } from '../jar';
import type { DecisionEntry } from '../shared/protocol';
import type { SetCookieLine } from './adapter';
import type { LoggedVerdict } from './browserVerdicts';
import { DecisionLog, LINE_LIMIT, decisionEntries, logResponse, type LoggedResponse, type LogLimits } from './decisionLog';
import type { Eviction } from './mirror';
import { readLogPage } from './records';

const STORE = { storeId: '0', private: false };
const T0 = Date.UTC(2025, 0, 1);
const ROOMY: LogLimits = { decisions: 1_000_000, bytes: 1_000_000_000 };

interface Observed {
  /** The tab's top-level document (default: the URL itself; null: no tab). */
  top?: string | null;
  evictions?: Eviction[];
  browser?: { verdicts: (LoggedVerdict | undefined)[]; sentences: string[] };
  /** The jar's decisions, when not the jar's own on these lines. */
  decisions?: CookieDecision[];
}

/** Observed responses as the service logs them: the jar's decisions on their lines, ids from the store's counters. */
function observer(jar = new CookieJar()) {
  let responseId = 0;
  let decisionId = 0;
  return (url: string, lines: readonly (string | SetCookieLine)[], options: Observed = {}): LoggedResponse => {
    const headers = lines.map((line): SetCookieLine => (typeof line === 'string' ? ['Set-Cookie', line] : line));
    const decisions = options.decisions ?? jar.extractCookies({ headers }, new CookieRequest(url));
    const top = options.top === undefined ? url : options.top;
    const context = {
      url, tabId: top === null ? -1 : 1, resourceType: 'main_frame', topLevelUrl: top, unverifiable: false, originReqHost: new URL(url).hostname,
      thirdParty: false, label: top === null ? 'no-tab' as const : 'top-level' as const, redirectedFrom: [],
    };
    responseId++;
    return logResponse(context, responseId, T0 + responseId, headers, decisions, options.evictions ?? [], () => ++decisionId, options.browser);
  };
}

const entries = (log: DecisionLog): DecisionEntry[] => log.newestFirst().flatMap((response) => decisionEntries(response, STORE));
const shown = (log: DecisionLog): string[] => entries(log).map((entry) => `${entry.cookie?.name ?? '?'}=${entry.cookie?.value ?? 'null'} ${entry.line}`);
const cookieNames = (log: DecisionLog): string[] => entries(log).map((entry) => entry.cookie?.name ?? '?');

/** storage.session as the writer keeps the log's pages (storeState.ts): each changed page written again, a page that is gone removed. */
type Storage = Map<string, unknown>;

function write(log: DecisionLog, storage: Storage): void {
  log.remeasure();
  for (const [site, pages] of log.dirtyLogs()) {
    for (const no of pages.dirty) {
      const key = `${site}|${no}`;
      const record = pages.pageRecord(no, key);
      if (record === undefined) storage.delete(key);
      else storage.set(key, JSON.parse(JSON.stringify(record.value)));
    }
    pages.dirty.clear();
  }
}

/** A worker started afresh: every stored page read back as the service reads it (a refused page fails the test), then the bounds enforced. */
function restart(storage: Storage, limits: LogLimits = ROOMY): DecisionLog {
  const log = new DecisionLog(limits);
  for (const [key, value] of storage) {
    const page = readLogPage(value);
    if (typeof page === 'string') throw new Error(`page ${key} refused: ${page}`);
    const at = key.lastIndexOf('|');
    log.restorePage(key.slice(0, at), Number(key.slice(at + 1)), page);
  }
  log.enforceLimits();
  return log;
}

/** Written and read back by a worker started afresh, the log shows the same entries. */
function expectReadBackAsIs(log: DecisionLog): void {
  const storage: Storage = new Map();
  write(log, storage);
  expect(entries(restart(storage))).toEqual(entries(log));
}

/** The bytes `responses` take in a log of their own (each site's log of pages measures what it stores). */
function bytesOf(...responses: LoggedResponse[]): number {
  const log = new DecisionLog(ROOMY);
  for (const response of responses) log.append(response);
  return log.bytes;
}

/** A response of `count` lines of about `size` bytes each (cookies n0, n1, ...). */
const wide = (observe: ReturnType<typeof observer>, url: string, count: number, size: number, prefix = 'n') =>
  observe(url, Array.from({ length: count }, (_, i) => `${prefix}${i}=${'x'.repeat(size)}`));

const stored: LoggedVerdict = [1, 1, [], -1, 0];
const refused = (sentence: number): LoggedVerdict => [0, 0, ['ThirdPartyPhaseout'], sentence, 0];
const pending = (): LoggedVerdict => [2, 1, [], -1, 1];

describe('what the log keeps of a response', () => {
  it('each decision with its own line and cookie, newest first, ids rising; the lines in order', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    log.append(observe('http://www.example.com/a', ['a=1; Path=/', 'b=two']));
    log.append(observe('http://www.example.com/b', ['c=3']));
    expect(shown(log)).toEqual(['c=3 c=3', 'b=two b=two', 'a=1 a=1; Path=/']);
    expect(entries(log).map((e) => [e.id, e.responseId, e.requestUrl, e.site, e.requestHost, e.header, e.accepted])).toEqual([
      [3, 2, 'http://www.example.com/b', 'example.com', 'www.example.com', 'Set-Cookie', true],
      [2, 1, 'http://www.example.com/a', 'example.com', 'www.example.com', 'Set-Cookie', true],
      [1, 1, 'http://www.example.com/a', 'example.com', 'www.example.com', 'Set-Cookie', true],
    ]);
    expect([log.decisions, log.responses]).toEqual([3, 2]);
  });

  it('a line repeated in one response: each decision shows the browser’s verdict on its own line', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    const browser = { verdicts: [stored, stored, refused(0)], sentences: ['Refused: third-party cookies are blocked.'] };
    log.append(observe('http://www.example.com/', ['a=1', 'b=1', 'a=1'], { browser }));
    expect(entries(log).map((e) => [e.line, e.browser?.stored, e.browser?.sentence])).toEqual([
      ['a=1', false, 'Refused: third-party cookies are blocked.'],
      ['b=1', true, undefined],
      ['a=1', true, undefined],
    ]);
  });

  it('a line longer than 8,192 characters keeps its first 8,192 and its length; one of exactly 8,192 is kept whole', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    const whole = `w=${'x'.repeat(LINE_LIMIT - 2)}`;
    const long = `big=${'v'.repeat(10_000)}`;
    log.append(observe('http://www.example.com/', [whole, long]));
    const [big, w] = entries(log);
    expect([w?.line, w?.lineLength, w?.cookie?.value]).toEqual([whole, undefined, 'x'.repeat(LINE_LIMIT - 2)]);
    expect([big?.line, big?.lineLength]).toEqual([long.slice(0, LINE_LIMIT), long.length]);
    // Its value runs past the part kept: the part the line has.
    expect(big?.cookie?.value).toBe('v'.repeat(LINE_LIMIT - 'big='.length));
    expectReadBackAsIs(log);
  });

  it('a cookie whose value is not in the part of its line kept keeps its own value, at most 8,192 characters of it', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    log.append(observe('http://www.example.com/', [`${'n'.repeat(9000)}=short`, `${'m'.repeat(9000)}=${'v'.repeat(9000)}`]));
    expect(entries(log).map((e) => [e.cookie?.name.length, e.cookie?.value, e.line.length])).toEqual([
      [9000, 'v'.repeat(LINE_LIMIT), LINE_LIMIT],
      [9000, 'short', LINE_LIMIT],
    ]);
    expectReadBackAsIs(log);
  });

  it('a value that also begins its line (its name starts with it), on a line longer than 8,192 characters, is kept exactly', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    const line = `ab=a; Comment=${'c'.repeat(9000)}`;
    log.append(observe('http://www.example.com/', [line]));
    expect(entries(log).map((e) => [e.cookie?.name, e.cookie?.value, e.lineLength])).toEqual([['ab', 'a', line.length]]);
    expectReadBackAsIs(log);
  });

  it('a value running past the part of its line kept, whose first characters also begin the name, is read after the "="', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    const line = `${'p'.repeat(64)}q=${'p'.repeat(64)}${'v'.repeat(9000)}`;
    log.append(observe('http://www.example.com/', [line]));
    expect(entries(log).map((e) => [e.cookie?.name, e.cookie?.value])).toEqual([[`${'p'.repeat(64)}q`, line.slice(66, LINE_LIMIT)]]);
    expectReadBackAsIs(log);
  });

  it('a cookie without a value (even one whose line reads "null"), and one with an empty value', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    log.append(observe('http://www.example.com/', ['nullable', 'empty=']));
    expect(shown(log)).toEqual(['empty= empty=', 'nullable=null nullable']);
  });

  it('a URL and a top-level URL longer than 8,192 characters are cut (the URL’s length kept); one of exactly 8,192 is kept whole', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    const base = 'http://www.example.com/';
    const exact = base + 'p'.repeat(LINE_LIMIT - base.length);
    const longer = `${exact}q`;
    log.append(observe(exact, ['a=1']));
    log.append(observe(longer, ['b=1'], { top: longer }));
    const [cut, whole] = log.newestFirst();
    expect([whole?.url, whole?.urlLength]).toEqual([exact, undefined]);
    expect([cut?.url, cut?.urlLength, cut?.topLevelUrl]).toEqual([exact, LINE_LIMIT + 1, exact]);
    expect(entries(log)[0]?.requestUrl).toBe(exact);
  });

  it('the mirror’s evictions are logged on the response that caused them, naming its last line, without the line’s browser verdict', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    const old = new Cookie({
      version: 0, name: 'old', value: null, port: null, portSpecified: false, domain: 'www.example.com', domainSpecified: false, domainInitialDot: false,
      path: '/', pathSpecified: false, secure: false, expires: null, discard: true, comment: null, commentUrl: null,
    });
    const evictions: Eviction[] = [{ cookie: old, site: 'example.com', rule: 'mirror.evicted.site-limit', reason: 'Evicted old.' }];
    log.append(observe('http://www.example.com/', ['a=1', 'b=2'], { evictions, browser: { verdicts: [stored, stored], sentences: [] } }));
    const [evicted, b] = entries(log);
    expect(evicted).toMatchObject({ kind: 'evicted', accepted: false, rule: 'mirror.evicted.site-limit', reason: 'Evicted old.', line: 'b=2' });
    expect(evicted?.cookie).toMatchObject({ name: 'old', value: null });
    expect(evicted?.browser).toBeUndefined();
    expect(b?.browser?.stored).toBe(true);
  });

  it('a decision the jar could not place on a line is kept without one (an empty Set-Cookie line), also after a restart', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    const jarDecisions = new CookieJar().extractCookies({ headers: [['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']] }, new CookieRequest('http://www.example.com/'));
    const [a, b] = jarDecisions as [CookieDecision, CookieDecision];
    const unplaced: CookieDecision[] = [{ ...a, header: 'not=a line of the response' }, { cookie: b.cookie, accepted: false, rule: 'set.header.error' }];
    log.append(observe('http://www.example.com/', ['a=1', 'b=2'], { decisions: unplaced, browser: { verdicts: [stored, stored], sentences: [] } }));
    expect(entries(log).map((e) => [e.header, e.line, e.lineLength, e.browser, e.accepted, e.rule, e.cookie?.name, e.cookie?.value])).toEqual([
      ['Set-Cookie', '', undefined, undefined, false, 'set.header.error', 'b', '2'],
      ['Set-Cookie', '', undefined, undefined, true, undefined, 'a', '1'],
    ]);
    expectReadBackAsIs(log);
  });

  it('a decision stored without its cookie (as a page may hold it) is shown without one', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    log.append(observe('http://www.example.com/', ['a=1']));
    const storage: Storage = new Map();
    write(log, storage);
    const [key, page] = [...storage][0] as [string, { v: 2; items: string }];
    const responses = JSON.parse(page.items) as LoggedResponse[];
    for (const decision of responses[0]?.decisions ?? []) { decision.cookie = null; delete decision.valueAt; }
    storage.set(key, { v: 2, items: JSON.stringify(responses) });
    expect(entries(restart(storage)).map((e) => [e.line, e.cookie])).toEqual([['a=1', null]]);
  });

  it('a response is logged under its top-level document’s registrable domain, or without a tab under the request’s', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    log.append(observe('http://tracker.test/pixel', ['t=1'], { top: 'http://www.example.com/page' }));
    log.append(observe('http://tracker.test/pixel', ['u=1'], { top: 'http://shop.example.org/' }));
    log.append(observe('http://cdn.tracker.test/sw', ['v=1'], { top: null }));
    expect([...log.siteLogs().keys()]).toEqual(['example.com', 'example.org', 'tracker.test']);
    expect(entries(log).map((e) => e.site)).toEqual(['tracker.test', 'example.org', 'example.com']);
  });

  it('reads every site’s responses in the order they came, oldest first for replay, newest first for the view', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    log.append(observe('http://a.test/', ['a1=1']));
    log.append(observe('http://b.test/', ['b1=1']));
    log.append(observe('http://a.test/', ['a2=1']));
    expect(log.chronological().map((r) => r.id)).toEqual([1, 2, 3]);
    expect(log.newestFirst().map((r) => r.id)).toEqual([3, 2, 1]);
  });
});

describe('the decision bound', () => {
  it('keeps 10,000 decisions by default: past that, the oldest response leaves', () => {
    const observe = observer();
    const log = new DecisionLog();
    const response = observe('http://a.test/', ['a=1', 'b=2']);
    for (let i = 0; i <= 5000; i++) log.append({ ...response, id: i });
    expect([log.decisions, log.responses, log.limit]).toEqual([10_000, 5000, 10_000]);
    expect(log.chronological()[0]?.id).toBe(1);
  });

  it('whole responses leave, oldest first: the log may hold fewer decisions than its bound', () => {
    const observe = observer();
    const log = new DecisionLog({ decisions: 5, bytes: ROOMY.bytes });
    for (const n of [1, 2, 3]) log.append(observe('http://www.example.com/', [`a${n}=1`, `b${n}=1`]));
    expect(cookieNames(log)).toEqual(['b3', 'a3', 'b2', 'a2']);
    expect([log.decisions, log.responses, log.limit]).toEqual([4, 2, 5]);
  });

  it('a response with more decisions than the whole log keeps its newest, with the lines they name, also after a restart', () => {
    const observe = observer();
    const log = new DecisionLog({ decisions: 3, bytes: ROOMY.bytes });
    log.append(observe('http://www.example.com/', ['a=1', 'b=2', 'c=3', 'd=4', 'e=5']));
    expect(shown(log)).toEqual(['e=5 e=5', 'd=4 d=4', 'c=3 c=3']);
    expect(log.chronological()[0]?.lines.map((l) => l.text)).toEqual(['c=3', 'd=4', 'e=5']);
    expect([log.decisions, log.responses]).toEqual([3, 1]);
    expectReadBackAsIs(log);
  });

  it('trimming keeps a decision without a line, and the lines of the decisions kept, each under its own decision', () => {
    // As read back from a page: the jar could not place the first decision on a line.
    const observe = observer();
    const response = observe('http://www.example.com/', ['a=1', 'b=2', 'c=3']);
    const unplaced = { ...response.decisions[0], id: 100, line: -1 } as LoggedResponse['decisions'][number];
    const withUnplaced: LoggedResponse = { ...response, decisions: [...response.decisions, unplaced] };
    for (const [bound, expected, lines] of [
      [3, ['? ', 'c=3 c=3', 'b=2 b=2'], ['b=2', 'c=3']],
      [2, ['? ', 'c=3 c=3'], ['c=3']],
      [1, ['? '], []],
    ] as const) {
      const log = new DecisionLog({ decisions: bound, bytes: ROOMY.bytes });
      log.restorePage('example.com', 1, [withUnplaced]);
      log.enforceLimits();
      expect(entries(log).map((e) => (e.line === '' ? '? ' : `${e.cookie?.name ?? ''}=${e.cookie?.value ?? ''} ${e.line}`)), String(bound)).toEqual(expected);
      expect(log.chronological()[0]?.lines.map((l) => l.text)).toEqual(lines);
    }
    // Trimmed so that the first line is the oldest kept: it is still the line of its decision.
    const log = new DecisionLog({ decisions: 3, bytes: ROOMY.bytes });
    log.restorePage('example.com', 1, [{ ...response, decisions: [unplaced, ...response.decisions] }]);
    log.enforceLimits();
    expect(entries(log).map((e) => e.line)).toEqual(['c=3', 'b=2', 'a=1']);
  });

  it('the site with the most decisions gives way, by its own count as it is now', () => {
    const observe = observer();
    const log = new DecisionLog({ decisions: 6, bytes: ROOMY.bytes });
    log.append(observe('http://b.test/', ['b1=1', 'b2=1', 'b3=1']));
    log.append(observe('http://a.test/', ['a1=1', 'a2=1']));
    log.append(observe('http://a.test/', ['a3=1', 'a4=1'])); // 7: a.test (4) gives its oldest response
    expect(cookieNames(log)).toEqual(['a4', 'a3', 'b3', 'b2', 'b1']);
    log.append(observe('http://b.test/', ['b4=1', 'b5=1'])); // 7: b.test (5) gives its oldest, not a.test (2)
    expect(cookieNames(log)).toEqual(['b5', 'b4', 'a4', 'a3']);
    expect([log.decisions, log.responses]).toEqual([4, 2]);
  });

  it('a site flooding the log pushes out its own oldest, never the other sites’ (a thousand responses)', () => {
    const observe = observer();
    const log = new DecisionLog({ decisions: 100, bytes: ROOMY.bytes });
    for (const site of ['a', 'b', 'c']) log.append(observe(`http://${site}.test/`, [`${site}=1`]));
    for (let i = 0; i < 1000; i++) log.append(observe('http://flood.test/', [`f${i}=1`]));
    const names = cookieNames(log);
    expect(names.slice(-3)).toEqual(['c', 'b', 'a']);
    expect(names.slice(0, 97)).toEqual(Array.from({ length: 97 }, (_, k) => `f${999 - k}`));
    expect(log.decisions).toBe(100);
  });
});

describe('the byte bound', () => {
  it('holds exactly: responses that fill the bound to the byte are all kept; past it, the oldest leave, as many as it takes', () => {
    const observe = observer();
    const small = Array.from({ length: 6 }, (_, i) => wide(observe, 'http://www.example.com/', 1, 500, `s${i}-`));
    const log = new DecisionLog({ decisions: ROOMY.decisions, bytes: bytesOf(...small) });
    for (const response of small) log.append(response);
    expect(log.responses).toBe(6);
    // One response the size of three: the three oldest leave at once.
    log.append(wide(observe, 'http://www.example.com/', 1, 2000, 'big'));
    expect(cookieNames(log)).toEqual(['big0', 's5-0', 's4-0', 's3-0']);
    expect(log.bytes).toBeLessThanOrEqual(bytesOf(...small));
    expect(log.bytes).toBe(bytesOf(...log.chronological()));
  });

  it('the site using the most bytes gives way, even with the fewest decisions; emptied, it is gone', () => {
    const observe = observer();
    const many = Array.from({ length: 5 }, (_, i) => observe('http://b.test/', [`b${i}=1`]));
    const log = new DecisionLog({ decisions: ROOMY.decisions, bytes: bytesOf(...many) - 1 });
    for (const response of many.slice(0, 4)) log.append(response);
    log.append(wide(observe, 'http://a.test/', 1, 5000));
    // a.test's one response is over the bound alone: it leaves whole, and its site with it.
    expect(cookieNames(log)).toEqual(['b3', 'b2', 'b1', 'b0']);
    expect([...log.siteLogs().keys()]).toEqual(['b.test']);
    // Over again: b.test, the largest now, gives its oldest.
    log.append(many[4] as LoggedResponse);
    expect(cookieNames(log)).toEqual(['b4', 'b3', 'b2', 'b1']);
    expect(log.bytes).toBe(bytesOf(...log.chronological()));
  });

  it('a response larger than the bound alone loses its oldest decisions and their lines, only as many as it must', () => {
    const observe = observer();
    // Names as long as the values: a decision (its cookie's name) weighs about as much as its line.
    const lines = Array.from({ length: 10 }, (_, i) => `${String(i).repeat(1000)}=v${i}`);
    const response = observe('http://www.example.com/', lines);
    // Over by more than a decision or a line alone, less than both together: one of each leaves.
    const log = new DecisionLog({ decisions: ROOMY.decisions, bytes: bytesOf(response) - 1500 });
    log.append(response);
    expect(entries(log).map((e) => e.line)).toEqual(lines.slice(1).reverse());
    expect(log.chronological()[0]?.lines.map((l) => l.text)).toEqual(lines.slice(1));
    expect([log.decisions, log.responses]).toEqual([9, 1]);
    expect(log.bytes).toBe(bytesOf(...log.chronological()));
    // Far over: only the newest that fit stay.
    const tight = new DecisionLog({ decisions: ROOMY.decisions, bytes: 5000 });
    tight.append(response);
    expect(tight.bytes).toBeLessThanOrEqual(5000);
    expect(entries(tight).map((e) => e.line)).toEqual(lines.slice(-entries(tight).length).reverse());
    expect(tight.decisions).toBeGreaterThan(0);
  });

  it('a line two decisions share leaves with the last of them', () => {
    const observe = observer(new CookieJar(new DefaultCookiePolicy({ rfc2965: true })));
    const response = observe('http://www.example.com/', [['Set-Cookie2', `a="${'x'.repeat(2000)}"; Version=1, b="${'y'.repeat(2000)}"; Version=1`], 'c=3']);
    expect(response.decisions.map((d) => d.line)).toEqual([0, 0, 1]);
    const log = new DecisionLog({ decisions: ROOMY.decisions, bytes: bytesOf(response) - 100 });
    log.append(response);
    expect(entries(log).map((e) => `${e.cookie?.name ?? ''} ${e.header} ${e.line.length}`)).toEqual(['c Set-Cookie 3', `b Set-Cookie2 ${response.lines[0]?.text.length ?? 0}`]);
  });
});

describe('writes and restarts', () => {
  it('a worker started afresh reads back every response, with the counts it had; a verdict left waiting becomes unknown', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    // More than a page (64 KB) for one site.
    for (let i = 0; i < 80; i++) log.append(observe('http://www.example.com/', [`a${i}=${'x'.repeat(1000)}`]));
    log.append(observe('http://other.test/', ['o=1', 'p=2'], { browser: { verdicts: [stored, pending()], sentences: [] } }));
    const storage: Storage = new Map();
    write(log, storage);
    expect([...storage.keys()].filter((k) => k.startsWith('example.com|')).length).toBeGreaterThan(1);
    const woken = restart(storage);
    expect([woken.decisions, woken.responses, woken.bytes]).toEqual([log.decisions, log.responses, log.bytes]);
    expect(shown(woken)).toEqual(shown(log));
    expect(entries(woken).slice(0, 2).map((e) => [e.line, e.browser?.stored, e.browser?.pending])).toEqual([['p=2', null, undefined], ['o=1', true, undefined]]);
    expect(entries(log)[0]?.browser?.pending).toBe(true);
  });

  /** Ten responses of www.example.com (cookies a0 to a9), written: their one page. */
  const tenWritten = (): Storage => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    for (let i = 0; i < 10; i++) log.append(observe('http://www.example.com/', [`a${i}=1`]));
    const storage: Storage = new Map();
    write(log, storage);
    return storage;
  };

  it('bounds lowered since the pages were written hold once they are read back', () => {
    expect(cookieNames(restart(tenWritten(), { decisions: 4, bytes: ROOMY.bytes }))).toEqual(['a9', 'a8', 'a7', 'a6']);
  });

  it('a page read back with no responses neither stops the bounds nor stays stored', () => {
    const written = tenWritten();
    const storage: Storage = new Map([['example.com|1', { v: 2, items: '[]' }], ['example.com|2', written.get('example.com|1')]]);
    const woken = restart(storage, { decisions: 4, bytes: ROOMY.bytes });
    expect(cookieNames(woken)).toEqual(['a9', 'a8', 'a7', 'a6']);
    write(woken, storage);
    expect([...storage.keys()]).toEqual(['example.com|2']);
    expect(cookieNames(restart(storage))).toEqual(['a9', 'a8', 'a7', 'a6']);
  });

  it('a write stores only the pages that changed, and removes the page of a site pushed out', () => {
    const observe = observer();
    const a = wide(observe, 'http://a.test/', 1, 5000);
    const b = observe('http://b.test/', ['b=1']);
    const log = new DecisionLog({ decisions: ROOMY.decisions, bytes: bytesOf(a, b) + 1000 });
    log.append(a);
    log.append(b);
    const storage: Storage = new Map();
    write(log, storage);
    expect([...storage.keys()]).toEqual(['a.test|1', 'b.test|1']);
    log.append(observe('http://c.test/', ['c=1']));
    expect(log.dirtyLogs().map(([site]) => site)).toEqual(['c.test']);
    log.append(wide(observe, 'http://b.test/', 1, 4000, 'big')); // a.test, the largest, gives way
    write(log, storage);
    expect([...storage.keys()].sort()).toEqual(['b.test|1', 'c.test|1']);
    expect(cookieNames(restart(storage))).toEqual(['big0', 'c', 'b']);
  });

  it('a cleared log stays cleared after a restart, even when its sites log again before the write', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    for (let i = 0; i < 80; i++) log.append(observe('http://www.example.com/', [`old${i}=${'x'.repeat(1000)}`]));
    const storage: Storage = new Map();
    write(log, storage);
    log.clear();
    expect([log.decisions, log.responses, log.bytes]).toEqual([0, 0, 0]);
    log.append(observe('http://www.example.com/', ['new=1']));
    write(log, storage);
    expect(cookieNames(restart(storage))).toEqual(['new']);
  });

  it('a verdict that settles later is written with its response, and the log’s size follows', () => {
    const observe = observer();
    const log = new DecisionLog(ROOMY);
    const verdict = pending();
    const response = observe('http://www.example.com/', ['a=1'], { browser: { verdicts: [verdict], sentences: [] } });
    log.append(response);
    const storage: Storage = new Map();
    write(log, storage);
    // Settled as the browser verdicts settle one: in place, with a sentence added to the response's table.
    response.sentences?.push('Refused: the site is blocked in the browser’s settings.');
    verdict.splice(0, 5, 0, 1, ['UserSetting'], 0, 2);
    log.touch(response);
    expect(log.touchedCount).toBe(1);
    write(log, storage);
    expect(log.touchedCount).toBe(0);
    const woken = restart(storage);
    expect(entries(woken)[0]?.browser).toEqual({ stored: false, predicted: 'stored', reasons: ['UserSetting'], sentence: 'Refused: the site is blocked in the browser’s settings.', flagged: true });
    expect(woken.bytes).toBe(log.bytes);
  });

  it('a verdict settling on a response the log no longer holds changes nothing', () => {
    const observe = observer();
    const log = new DecisionLog({ decisions: 1, bytes: ROOMY.bytes });
    const verdict = pending();
    const gone = observe('http://a.test/', ['a=1'], { browser: { verdicts: [verdict], sentences: [] } });
    log.append(gone);
    log.append(observe('http://b.test/', ['b=1']));
    verdict.splice(0, 5, 1, 1, [], -1, 0);
    log.touch(gone);
    const storage: Storage = new Map();
    write(log, storage);
    expect(cookieNames(restart(storage))).toEqual(['b']);
    expect(log.bytes).toBe(bytesOf(...log.chronological()));
  });
});
