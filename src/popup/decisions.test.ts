import { describe, expect, it } from 'vitest';
import { filterDecisions, groupReplayed, hostsOf, newestFirst, partyOf, rulesOf } from './decisions';
import type { BrowserVerdictView, DecisionView, ReplayedLine } from './model';

const decision = (init: Partial<DecisionView> & Pick<DecisionView, 'line'>): DecisionView => ({
  time: 1, tabId: 7, topSite: 'example.com', url: 'http://www.example.com/', cookieName: null, accepted: true, thirdParty: false, label: 'first-party', ...init,
});

describe('the party filter', () => {
  const decisions = [
    decision({ line: 'page=1', label: 'top-level' }),
    decision({ line: 'ad=1', url: 'http://ads.tracker.test/px', thirdParty: true, label: 'third-party' }),
    decision({ line: 'hop=1', url: 'http://hop.tracker.test/', thirdParty: true, label: 'redirect' }),
    decision({ line: 'api=1', url: 'http://api.example.com/', label: 'first-party' }),
  ];
  const hosts = hostsOf(decisions);
  it.each([
    ['all', ['page=1', 'ad=1', 'hop=1', 'api=1']],
    ['first', ['page=1', 'api=1']],
    ['third', ['ad=1', 'hop=1']],
  ] as const)('%s shows %j', (party, lines) => {
    expect(filterDecisions(decisions, hosts, { outcome: 'all', host: '', rule: '', party }).map((d) => d.line)).toEqual(lines);
  });
});

describe('partyOf', () => {
  it.each([
    [{ thirdParty: false, label: 'top-level', topSite: 'example.com' }, '1st party', '1st', 'first-party: the page itself (example.com)'],
    [{ thirdParty: false, label: 'first-party', topSite: 'example.com' }, '1st party', '1st', 'first-party to example.com'],
    [{ thirdParty: true, label: 'third-party', topSite: 'example.com' }, '3rd party', '3rd', 'third-party to example.com'],
    [{ thirdParty: true, label: 'redirect', topSite: null }, '3rd party', '3rd', 'third-party to the page, reached through a redirect'],
    [{ thirdParty: false, label: 'no-tab', topSite: null }, 'no tab', '–', 'no tab (a service worker, a prefetch or the browser itself)'],
  ] as const)('%j: %s', (d, short, tiny, sentence) => { expect(partyOf(d)).toEqual({ short, tiny, sentence }); });
});

describe('groupReplayed', () => {
  const line = (init: Partial<ReplayedLine> & Pick<ReplayedLine, 'line' | 'url'>): ReplayedLine => ({
    responseId: 1, cookieName: null, accepted: false, rule: 'set.domain.blocked', ...init,
  });
  it('one row per line, host and rule, counting the responses that repeated it, in first-seen order', () => {
    const groups = groupReplayed([
      line({ responseId: 1, url: 'http://shop.example.co.uk/', line: 'visit=1; Path=/' }),
      line({ responseId: 2, url: 'http://shop.example.co.uk/cart', line: 'visit=1; Path=/' }),
      line({ responseId: 3, url: 'http://tracker.test/', line: 'visit=1; Path=/' }),
      line({ responseId: 4, url: 'http://shop.example.co.uk/', line: 'visit=1; Path=/', rule: 'set.path.mismatch' }),
      line({ responseId: 5, url: 'http://shop.example.co.uk/', line: 'visit=1; Path=/' }),
    ]);
    expect(groups.map((g) => [g.host, g.first.line, g.first.rule, g.count])).toEqual([
      ['shop.example.co.uk', 'visit=1; Path=/', 'set.domain.blocked', 3],
      ['tracker.test', 'visit=1; Path=/', 'set.domain.blocked', 1],
      ['shop.example.co.uk', 'visit=1; Path=/', 'set.path.mismatch', 1],
    ]);
  });
});

describe('the Decisions view’s filters', () => {
  const all = newestFirst([
    decision({ time: 1, line: 'a=1', accepted: false, rule: 'set.domain.blocked' }),
    decision({ time: 3, line: 'b=1', url: 'https://shop.example.org/cart', accepted: false, rule: 'set.path.mismatch' }),
    decision({ time: 2, line: 'c=1', accepted: false, rule: 'set.domain.blocked' }),
    decision({ time: 4, line: 'd=1', url: 'about:blank' }),
  ]);
  const hosts = hostsOf(all);
  const lines = (shown: DecisionView[]) => shown.map((d) => d.line);

  it('lists newest first, and offers each rule once, sorted', () => {
    expect(lines(all)).toEqual(['d=1', 'b=1', 'c=1', 'a=1']);
    expect(rulesOf(all)).toEqual(['set.domain.blocked', 'set.path.mismatch']);
  });

  it('filters by the request’s host (not the rest of its URL), by the URL where there is no host', () => {
    expect([...hosts.values()]).toEqual(['about:blank', 'shop.example.org', 'www.example.com', 'www.example.com']);
    const byHost = (host: string) => lines(filterDecisions(all, hosts, { outcome: 'all', host, rule: '' }));
    expect(byHost('EXAMPLE.ORG')).toEqual(['b=1']);
    expect(byHost('cart')).toEqual([]);
    expect(byHost('https')).toEqual([]);
    expect(byHost('blank')).toEqual(['d=1']);
    expect(lines(filterDecisions(all, new Map(), { outcome: 'all', host: 'cart', rule: '' }))).toEqual(['b=1']);
  });

  it('combines outcome, host and rule', () => {
    expect(lines(filterDecisions(all, hosts, { outcome: 'refused', host: 'www', rule: 'set.domain.blocked' }))).toEqual(['c=1', 'a=1']);
    expect(lines(filterDecisions(all, hosts, { outcome: 'accepted', host: '', rule: '' }))).toEqual(['d=1']);
    expect(lines(filterDecisions(all, hosts, { outcome: 'accepted', host: '', rule: 'set.domain.blocked' }))).toEqual([]);
  });
});

describe('the Decisions view’s filters, with no party or browser outcome chosen', () => {
  const verdict: Omit<BrowserVerdictView, 'stored'> = { predicted: 'stored', reasons: [], sentence: null, pending: false, flagged: false };
  const all = [
    decision({ line: 'page=1', url: 'https://www.example.com/account', label: 'top-level' }),
    decision({ line: 'ad=1', url: 'https://ads.tracker.test/px', thirdParty: true, label: 'third-party', browser: { ...verdict, stored: true } }),
    decision({ line: 'gone=; Max-Age=0', url: 'https://www.example.com/logout', browser: { ...verdict, stored: null } }),
    decision({ line: 'wait=1', url: 'https://www.example.com/', browser: { ...verdict, stored: null, pending: true } }),
  ];
  const lines = (shown: DecisionView[]) => shown.map((d) => d.line);

  it('shows first- and third-party decisions alike', () => {
    expect(lines(filterDecisions(all, hostsOf(all), { outcome: 'all', host: '', rule: '' }))).toEqual(['page=1', 'ad=1', 'gone=; Max-Age=0', 'wait=1']);
  });

  it('matches the host typed against the request’s host only, not its path', () => {
    const hosts = hostsOf(all);
    expect(lines(filterDecisions(all, hosts, { outcome: 'all', host: 'account', rule: '' }))).toEqual([]);
    expect(lines(filterDecisions(all, hosts, { outcome: 'all', host: 'tracker', rule: '' }))).toEqual(['ad=1']);
  });

  it('a verdict the browser could not give (a deletion of nothing, or still waiting) counts as unknown', () => {
    expect(lines(filterDecisions(all, hostsOf(all), { outcome: 'all', host: '', rule: '', browser: 'unknown' }))).toEqual(['page=1', 'gone=; Max-Age=0', 'wait=1']);
  });
});

