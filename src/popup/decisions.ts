// The Decisions view's filters, apart from its markup: which decisions show for an outcome, a host
// and a rule, computed once per keystroke over thousands of decisions.
import { hostOf } from '../shared/urls';
import type { DecisionView } from './model';

export type Outcome = 'all' | 'accepted' | 'refused';

export interface DecisionFilters {
  outcome: Outcome;
  /** Part of the request's host, in any letter case; '' for any host. */
  host: string;
  /** One rule id exactly; '' for any rule (accepted decisions have none). */
  rule: string;
}

/** Newest first. */
export function newestFirst(decisions: readonly DecisionView[]): DecisionView[] {
  return [...decisions].sort((a, b) => b.time - a.time);
}

/** The rule ids the decisions carry, each once, sorted: the choices of the rule filter. */
export function rulesOf(decisions: readonly DecisionView[]): string[] {
  return [...new Set(decisions.flatMap((d) => (d.rule === undefined ? [] : [d.rule])))].sort();
}

/** Each decision's request host (its URL where it has none), parsed once rather than on every keystroke. */
export function hostsOf(decisions: readonly DecisionView[]): Map<DecisionView, string> {
  return new Map(decisions.map((d) => [d, hostOf(d.url) ?? d.url]));
}

export function filterDecisions(decisions: readonly DecisionView[], hosts: ReadonlyMap<DecisionView, string>, filters: DecisionFilters): DecisionView[] {
  const needle = filters.host.trim().toLowerCase();
  return decisions.filter((d) => (filters.outcome === 'all' || (filters.outcome === 'accepted') === d.accepted)
    && (needle === '' || (hosts.get(d) ?? d.url).includes(needle))
    && (filters.rule === '' || d.rule === filters.rule));
}
