// Decisions: every Set-Cookie line the jar judged, newest first, with the rule and the reason;
// filtered by outcome, host and rule, for this tab or all.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { filterDecisions, hostsOf, newestFirst, rulesOf, type Outcome } from '../decisions';
import type { DecisionView, PopupApi } from '../model';
import { Badge, Status, useLoad } from '../components/common';
import { VirtualList } from '../components/VirtualList';
import { CookieText } from '../components/CookieText';
import { DETAIL_LIMIT, MESSAGE_LIMIT } from '../display';

const COLUMNS = '70px 74px minmax(90px,1fr) minmax(140px,2fr) minmax(90px,1.2fr)';

export function DecisionsView({ api, tabId }: { api: PopupApi; tabId: number | null }): JSX.Element {
  const [scope, setScope] = useState<'tab' | 'all'>(tabId === null ? 'all' : 'tab');
  const queryTab = scope === 'tab' && tabId !== null ? tabId : undefined;
  const [state, reload] = useLoad(() => api.getDecisions({ tabId: queryTab }), [api, queryTab]);
  const [outcome, setOutcome] = useState<Outcome>('all');
  const [host, setHost] = useState('');
  const [rule, setRule] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);

  const all = useMemo(() => (state.status === 'ready' ? newestFirst(state.value) : []), [state]);
  const rules = useMemo(() => rulesOf(all), [all]);
  const hosts = useMemo(() => hostsOf(all), [all]);
  const shown = useMemo(() => filterDecisions(all, hosts, { outcome, host, rule }), [all, hosts, outcome, host, rule]);
  const active = shown[Math.min(activeIndex, shown.length - 1)];

  return (
    <section class="view" aria-labelledby="decisions-heading">
      <div class="toolbar">
        <h2 id="decisions-heading">Decisions</h2>
        <label class="inline"><span class="sr-only">Which tab</span>
          <select value={scope} onChange={(event) => { setScope(event.currentTarget.value as 'tab' | 'all'); }}>
            <option value="tab" disabled={tabId === null}>This tab</option>
            <option value="all">Every tab</option>
          </select>
        </label>
        <button type="button" onClick={reload}>Refresh</button>
      </div>
      <div class="toolbar">
        <label class="inline"><span>Outcome</span>
          <select value={outcome} onChange={(event) => { setOutcome(event.currentTarget.value as Outcome); setActiveIndex(0); }}>
            <option value="all">All</option>
            <option value="accepted">Accepted</option>
            <option value="refused">Refused</option>
          </select>
        </label>
        <label class="inline"><span>Host</span>
          <input type="search" value={host} placeholder="example.com" onInput={(event) => { setHost(event.currentTarget.value); setActiveIndex(0); }} />
        </label>
        <label class="inline"><span>Rule</span>
          <select value={rule} onChange={(event) => { setRule(event.currentTarget.value); setActiveIndex(0); }}>
            <option value="">Any</option>
            {rules.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <span class="counts" role="status">{shown.length} of {all.length}</span>
      </div>
      <Status state={state}>{() => (
        <>
          <VirtualList
            items={shown}
            rowHeight={26}
            label="Decisions, newest first"
            idPrefix="decision"
            columns={COLUMNS}
            activeIndex={Math.min(activeIndex, shown.length - 1)}
            onActiveChange={setActiveIndex}
            rowKey={(d) => `${d.time}\t${d.url}\t${d.line}\t${d.rule ?? ''}`}
            empty={all.length === 0 ? 'No Set-Cookie seen yet: browse a site and come back.' : 'No decision matches the filters.'}
            header={[
              <div role="columnheader" key="t">Time</div>, <div role="columnheader" key="o">Outcome</div>,
              <div role="columnheader" key="h">Host</div>, <div role="columnheader" key="l">Set-Cookie</div>,
              <div role="columnheader" key="r">Rule</div>,
            ]}
            renderRow={(d) => (
              <>
                <div role="gridcell" title={new Date(d.time).toISOString()}>{new Date(d.time).toLocaleTimeString()}</div>
                <div role="gridcell">{d.accepted ? <Badge kind="accepted">accepted</Badge> : <Badge kind="refused">refused</Badge>}</div>
                <div role="gridcell"><CookieText text={hosts.get(d) ?? d.url} /></div>
                <div role="gridcell" class="mono" data-testid="decision-line" data-accepted={String(d.accepted)} data-rule={d.rule ?? ''}><CookieText text={d.line} /></div>
                <div role="gridcell" class="mono">{d.rule ?? ''}</div>
              </>
            )}
          />
          {active !== undefined && <DecisionDetails key={`${active.time}\t${active.url}\t${active.line}`} decision={active} />}
        </>
      )}</Status>
    </section>
  );
}

export function DecisionDetails({ decision }: { decision: DecisionView }): JSX.Element {
  return (
    <section class="details" aria-label="Details of the decision">
      <dl>
        <dt>Set-Cookie</dt><dd class="mono wrap"><CookieText text={decision.line} limit={DETAIL_LIMIT} expandable /></dd>
        <dt>Request</dt><dd class="mono wrap"><CookieText text={decision.url} limit={DETAIL_LIMIT} expandable /></dd>
        <dt>Tab</dt><dd>{decision.tabId < 0 ? 'none (no tab: a service worker or prefetch)' : <>{decision.tabId}{decision.topSite === null ? '' : <> (<CookieText text={decision.topSite} />)</>}</>}</dd>
        <dt>Outcome</dt><dd>{decision.accepted ? 'accepted' : `refused by ${decision.rule ?? 'the policy'}`}</dd>
        {decision.reason !== undefined && <><dt>Reason</dt><dd><CookieText text={decision.reason} limit={MESSAGE_LIMIT} expandable /></dd></>}
      </dl>
    </section>
  );
}
