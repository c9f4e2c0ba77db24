// Decisions: every Set-Cookie line, newest first, with two outcomes: the browser's (what its store
// did: the truth, with Chromium's reasons) and the policy's (what Python's http.cookiejar would do
// under the user's policy: a simulation, with its rule and reason); filtered by either, by party,
// host and rule, for this tab or all; each about its tab by title and site.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { browserReasonsOf, filterDecisions, hostsOf, newestFirst, partyOf, rulesOf, type BrowserOutcome, type Outcome, type Party } from '../decisions';
import { countOf } from '../format';
import { useNarrow } from '../layout';
import type { DecisionView, PopupApi } from '../model';
import { Badge, Status, useLoad } from '../components/common';
import { VirtualList } from '../components/VirtualList';
import { CookieText } from '../components/CookieText';
import { BrowserBadge, BrowserVerdictDetails } from '../components/BrowserVerdict';
import { DETAIL_LIMIT, MESSAGE_LIMIT } from '../display';

const COLUMNS = '64px minmax(96px,.9fr) 74px 72px minmax(90px,1fr) minmax(140px,2fr) minmax(90px,1.2fr)';
/** A side panel: both outcomes with the party beside them, the host and the line; the rest is in the details. */
const NARROW_COLUMNS = '150px minmax(70px,1fr) minmax(100px,1.6fr)';

interface DecisionsProps {
  api: PopupApi;
  tabId: number | null;
  /** Moves when the tab's page has loaded again: the log is asked again. */
  revision?: number;
}

export function DecisionsView({ api, tabId, revision = 0 }: DecisionsProps): JSX.Element {
  const narrow = useNarrow();
  const [scope, setScope] = useState<'tab' | 'all'>(tabId === null ? 'all' : 'tab');
  const queryTab = scope === 'tab' && tabId !== null ? tabId : undefined;
  const [state, reload] = useLoad(() => api.getDecisions({ tabId: queryTab }), [api, queryTab, revision]);
  const tabIds = useMemo(() => (state.status === 'ready' ? [...new Set(state.value.map((d) => d.tabId).filter((id) => id >= 0))] : []), [state]);
  const [titles] = useLoad(() => (tabIds.length === 0 ? Promise.resolve(new Map<number, string>()) : api.tabTitles(tabIds)), [api, tabIds]);
  const [outcome, setOutcome] = useState<Outcome>('all');
  const [browser, setBrowser] = useState<BrowserOutcome>('all');
  const [browserReason, setBrowserReason] = useState('');
  const [party, setParty] = useState<Party>('all');
  const [host, setHost] = useState('');
  const [rule, setRule] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);

  const all = useMemo(() => (state.status === 'ready' ? newestFirst(state.value) : []), [state]);
  const rules = useMemo(() => rulesOf(all), [all]);
  const browserReasons = useMemo(() => browserReasonsOf(all), [all]);
  const hosts = useMemo(() => hostsOf(all), [all]);
  const shown = useMemo(() => filterDecisions(all, hosts, { outcome, host, rule, party, browser, browserReason }), [all, hosts, outcome, host, rule, party, browser, browserReason]);
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
      <p class="help">Two outcomes per line: <strong>Browser</strong>, what the browser’s own store did (the truth, with Chromium’s reasons); <strong>Policy</strong>, what Python’s http.cookiejar would do under your policy (a simulation).</p>
      <div class="toolbar">
        <label class="inline"><span>Browser</span>
          <select aria-label="Browser" value={browser} onChange={(event) => { setBrowser(event.currentTarget.value as BrowserOutcome); setActiveIndex(0); }}>
            <option value="all">All</option>
            <option value="stored">Stored</option>
            <option value="refused">Refused</option>
            <option value="flagged">Differs from the model</option>
            <option value="unknown">Not known</option>
          </select>
        </label>
        <label class="inline"><span>Browser reason</span>
          <select aria-label="Browser reason" value={browserReason} onChange={(event) => { setBrowserReason(event.currentTarget.value); setActiveIndex(0); }}>
            <option value="">Any</option>
            {browserReasons.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <label class="inline"><span>Policy</span>
          <select aria-label="Policy" value={outcome} onChange={(event) => { setOutcome(event.currentTarget.value as Outcome); setActiveIndex(0); }}>
            <option value="all">All</option>
            <option value="accepted">Accepted</option>
            <option value="refused">Refused</option>
          </select>
        </label>
        <label class="inline"><span>Party</span>
          <select value={party} onChange={(event) => { setParty(event.currentTarget.value as Party); setActiveIndex(0); }}>
            <option value="all">Any</option>
            <option value="first">First-party</option>
            <option value="third">Third-party</option>
          </select>
        </label>
        <label class="inline"><span>Host</span>
          <input type="search" value={host} placeholder="example.com" onInput={(event) => { setHost(event.currentTarget.value); setActiveIndex(0); }} />
        </label>
        <label class="inline"><span>Policy rule</span>
          <select aria-label="Policy rule" value={rule} onChange={(event) => { setRule(event.currentTarget.value); setActiveIndex(0); }}>
            <option value="">Any</option>
            {rules.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
        <span class="counts" role="status">{shown.length === all.length ? countOf(all.length, 'decision') : `${shown.length.toLocaleString('en')} of ${countOf(all.length, 'decision')}`}</span>
      </div>
      <Status state={state}>{() => (
        <>
          <VirtualList
            items={shown}
            rowHeight={26}
            label="Decisions, newest first"
            idPrefix="decision"
            columns={narrow ? NARROW_COLUMNS : COLUMNS}
            activeIndex={Math.min(activeIndex, shown.length - 1)}
            onActiveChange={setActiveIndex}
            rowKey={(d) => `${d.time}\t${d.url}\t${d.line}\t${d.rule ?? ''}`}
            empty={all.length === 0 ? 'No Set-Cookie seen yet: browse a site and come back.' : 'No decision matches the filters.'}
            header={narrow ? [
              <div role="columnheader" key="o">Browser · Policy</div>, <div role="columnheader" key="h">Host</div>, <div role="columnheader" key="l">Set-Cookie</div>,
            ] : [
              <div role="columnheader" key="t">Time</div>, <div role="columnheader" key="b">Browser</div>, <div role="columnheader" key="o">Policy</div>,
              <div role="columnheader" key="p">Party</div>, <div role="columnheader" key="h">Host</div>, <div role="columnheader" key="l">Set-Cookie</div>,
              <div role="columnheader" key="r">Policy rule</div>,
            ]}
            renderRow={(d) => (
              <>
                {!narrow && <div role="gridcell" data-testid="decision-time" title={new Date(d.time).toISOString()}>{new Date(d.time).toLocaleTimeString()}</div>}
                {!narrow && (
                  <div role="gridcell" data-testid="decision-browser" data-reasons={d.browser?.reasons.join(' ') ?? ''}>
                    <BrowserBadge verdict={d.browser} />
                    {d.browser !== undefined && d.browser.reasons.length > 0 && <span class="mono muted"> {d.browser.reasons.join(', ')}</span>}
                  </div>
                )}
                <div role="gridcell">
                  {narrow && <><BrowserBadge verdict={d.browser} /> </>}
                  <span data-testid="decision-outcome">{d.accepted ? <Badge kind="accepted">accepted</Badge> : <Badge kind="refused">refused</Badge>}</span>
                  {narrow && <> <span class={`party party-${d.thirdParty ? 'third' : 'first'}`} data-testid="decision-party" title={partyOf(d).short}>{partyOf(d).tiny}</span></>}
                </div>
                {!narrow && <div role="gridcell"><span class={`party party-${d.thirdParty ? 'third' : 'first'}`} data-testid="decision-party">{partyOf(d).short}</span></div>}
                <div role="gridcell" data-testid="decision-host"><CookieText text={hosts.get(d) ?? d.url} /></div>
                <div role="gridcell" class="mono" data-testid="decision-line" data-accepted={String(d.accepted)} data-rule={d.rule ?? ''}><CookieText text={d.line} /></div>
                {!narrow && <div role="gridcell" class="mono" data-testid="decision-rule">{d.rule ?? ''}</div>}
              </>
            )}
          />
          {active !== undefined && <DecisionDetails key={`${active.time}\t${active.url}\t${active.line}`} decision={active} title={titles.status === 'ready' ? titles.value.get(active.tabId) ?? null : null} />}
        </>
      )}</Status>
    </section>
  );
}

export function DecisionDetails({ decision, title = null }: { decision: DecisionView; title?: string | null }): JSX.Element {
  return (
    <section class="details" aria-label="Details of the decision">
      <dl>
        <dt>Set-Cookie</dt><dd class="mono wrap"><CookieText text={decision.line} limit={DETAIL_LIMIT} expandable /></dd>
        <dt>Request</dt><dd class="mono wrap"><CookieText text={decision.url} limit={DETAIL_LIMIT} expandable /></dd>
        <dt>Party</dt><dd><CookieText text={partyOf(decision).sentence} /></dd>
        <dt>Tab</dt><dd data-testid="decision-tab"><TabName decision={decision} title={title} /></dd>
        <dt>Time</dt><dd>{new Date(decision.time).toLocaleString()}</dd>
        <dt>Browser <span class="muted">(the truth)</span></dt><dd><BrowserVerdictDetails verdict={decision.browser} /></dd>
        <dt>Policy <span class="muted">(the simulation)</span></dt><dd data-testid="policy-details">{decision.accepted ? 'accepted' : `refused by ${decision.rule ?? 'the policy'}`}</dd>
        {decision.reason !== undefined && <><dt>Policy’s reason</dt><dd><CookieText text={decision.reason} limit={MESSAGE_LIMIT} expandable /></dd></>}
      </dl>
    </section>
  );
}

/** A tab by its title and its page's site, as a person knows it, never by its number. */
function TabName({ decision, title }: { decision: DecisionView; title: string | null }): JSX.Element {
  if (decision.tabId < 0) return <>none: a service worker, a prefetch or the browser itself</>;
  const site = decision.topSite === null ? null : <CookieText text={decision.topSite} />;
  if (title !== null) return <>“<CookieText text={title} />”{site !== null && <> on {site}</>}</>;
  return site === null ? <>a tab that is no longer open</> : <>a tab on {site} (no longer open, or not a web page now)</>;
}
