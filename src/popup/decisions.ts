// The Decisions view's filters, apart from its markup: which decisions show for an outcome, a party,
// a host and a rule, computed once per keystroke over thousands of decisions; and the policy
// replay's lines grouped, since a session sets the same cookie on every page it loads.
import { hostOf } from '../shared/urls';
import type { DecisionView, ReplayedLine } from './model';

export type Outcome = 'all' | 'accepted' | 'refused';
/** The browser's side: what its store did, or a disagreement with the model, or not known (waiting, a deletion of nothing, Set-Cookie2). */
export type BrowserOutcome = 'all' | 'stored' | 'refused' | 'flagged' | 'unknown';
export type Party = 'all' | 'first' | 'third';

export interface DecisionFilters {
  outcome: Outcome;
  /** Part of the request's host, in any letter case; '' for any host. */
  host: string;
  /** One rule id exactly; '' for any rule (accepted decisions have none). */
  rule: string;
  /** First- or third-party to the tab's page; 'all' when absent. */
  party?: Party;
  /** What the browser's store did; 'all' when absent. */
  browser?: BrowserOutcome;
  /** One of the browser's reason names exactly; '' or absent for any. */
  browserReason?: string;
}

/** Newest first. */
export function newestFirst(decisions: readonly DecisionView[]): DecisionView[] {
  return [...decisions].sort((a, b) => b.time - a.time);
}

/** The rule ids the decisions carry, each once, sorted: the choices of the rule filter. */
export function rulesOf(decisions: readonly DecisionView[]): string[] {
  return [...new Set(decisions.flatMap((d) => (d.rule === undefined ? [] : [d.rule])))].sort();
}

/** The browser's reason names the decisions carry, each once, sorted: the choices of the browser reason filter. */
export function browserReasonsOf(decisions: readonly DecisionView[]): string[] {
  return [...new Set(decisions.flatMap((d) => d.browser?.reasons ?? []))].sort();
}

function browserMatches(decision: DecisionView, wanted: BrowserOutcome): boolean {
  const verdict = decision.browser;
  switch (wanted) {
    case 'all': return true;
    case 'stored': return verdict?.stored === true;
    case 'refused': return verdict?.stored === false;
    case 'flagged': return verdict?.flagged === true;
    case 'unknown': return verdict === undefined || verdict.pending || verdict.stored === null;
  }
}

/** Each decision's request host (its URL where it has none), parsed once rather than on every keystroke. */
export function hostsOf(decisions: readonly DecisionView[]): Map<DecisionView, string> {
  return new Map(decisions.map((d) => [d, hostOf(d.url) ?? d.url]));
}

export function filterDecisions(decisions: readonly DecisionView[], hosts: ReadonlyMap<DecisionView, string>, filters: DecisionFilters): DecisionView[] {
  const needle = filters.host.trim().toLowerCase();
  const party = filters.party ?? 'all';
  const browser = filters.browser ?? 'all';
  const reason = filters.browserReason ?? '';
  return decisions.filter((d) => (filters.outcome === 'all' || (filters.outcome === 'accepted') === d.accepted)
    && browserMatches(d, browser)
    && (reason === '' || d.browser?.reasons.includes(reason) === true)
    && (party === 'all' || (party === 'third') === d.thirdParty)
    && (needle === '' || (hosts.get(d) ?? d.url).includes(needle))
    && (filters.rule === '' || d.rule === filters.rule));
}

/** How a decision's request stood to its tab, for a person: the badge (`short`, `tiny` in a side panel), and the sentence of the details. */
export function partyOf(decision: Pick<DecisionView, 'thirdParty' | 'label' | 'topSite'>): { short: string; tiny: string; sentence: string } {
  const page = decision.topSite ?? 'the page';
  const first = { short: '1st party', tiny: '1st' };
  const third = { short: '3rd party', tiny: '3rd' };
  switch (decision.label) {
    case 'no-tab': return { short: 'no tab', tiny: '–', sentence: 'no tab (a service worker, a prefetch or the browser itself)' };
    case 'top-level': return { ...first, sentence: `first-party: the page itself (${page})` };
    case 'redirect': return { ...third, sentence: `third-party to ${page}, reached through a redirect` };
    case 'first-party':
    case 'third-party':
      return decision.thirdParty ? { ...third, sentence: `third-party to ${page}` } : { ...first, sentence: `first-party to ${page}` };
  }
}

/** The same Set-Cookie line from the same host refused (or accepted) the same way, once, with how often. */
export interface ReplayGroup {
  first: ReplayedLine;
  host: string;
  count: number;
}

export function groupReplayed(lines: readonly ReplayedLine[]): ReplayGroup[] {
  const groups = new Map<string, ReplayGroup>();
  for (const line of lines) {
    const host = hostOf(line.url) ?? line.url;
    const key = `${host}\n${line.line}\n${line.rule ?? ''}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { first: line, host, count: 1 });
    else group.count++;
  }
  return [...groups.values()];
}
