// Site: the tab's cookies in the jar and in the browser's store side by side, every attribute,
// sortable, filtered as you type, in a windowed grid that stays fast at 10,000 cookies.
import type { ComponentChildren, JSX } from 'preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { formatDate, formatExpiry, relativeTime, type SortDirection, type SortKey } from '../format';
import type { CookieView, PopupApi } from '../model';
import { filterRows, mergeRows, sortRows, type CookieRow, type Where } from '../rows';
import { Badge, Notice, Status, errorMessage, useLoad } from '../components/common';
import { CookieText } from '../components/CookieText';
import { DETAIL_LIMIT, MESSAGE_LIMIT, escapedText } from '../display';
import { VirtualList } from '../components/VirtualList';

const ROW_HEIGHT = 26;
const COLUMNS = '92px minmax(80px,1.1fr) minmax(80px,1.4fr) minmax(90px,1.2fr) minmax(40px,.6fr) 92px 74px';
const WHERE_LABEL: Record<Where, string> = { both: 'jar + browser', jar: 'only in jar', browser: 'only in browser' };

const SORTABLE: { key: SortKey; label: string }[] = [
  { key: 'where', label: 'Where' }, { key: 'name', label: 'Name' }, { key: 'value', label: 'Value' },
  { key: 'domain', label: 'Domain' }, { key: 'path', label: 'Path' }, { key: 'expires', label: 'Expires' },
];

export function SiteView({ api, site }: { api: PopupApi; site: string | null }): JSX.Element {
  const [scope, setScope] = useState<'site' | 'all'>(site === null ? 'all' : 'site');
  const shownSite = scope === 'site' ? site : null;
  const [state, reload] = useLoad(() => api.getCookies(shownSite), [api, shownSite]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'domain', direction: 'ascending' });
  const [activeIndex, setActiveIndex] = useState(0);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: ComponentChildren } | null>(null);
  const [confirmClear, setConfirmClear] = useState(false);

  const rows = useMemo(() => (state.status === 'ready' ? mergeRows(state.value.jar, state.value.browser) : []), [state]);
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.direction), [rows, sort]);
  const filtered = useMemo(() => filterRows(sorted, query), [sorted, query]);
  const active = filtered[Math.min(activeIndex, filtered.length - 1)];

  // Marks for the UI benchmark (bench/ui.bench.ts): when the grid first shows rows, and when a
  // filter keystroke has been rendered.
  useLayoutEffect(() => {
    if (state.status === 'ready') performance.mark('cji:site-ready');
  }, [state]);
  useLayoutEffect(() => { performance.mark('cji:filter-end'); }, [filtered]);

  const counts = useMemo(() => {
    const tally = { both: 0, jar: 0, browser: 0 };
    for (const row of rows) tally[row.where]++;
    return tally;
  }, [rows]);

  const remove = async (row: CookieRow) => {
    if (row.jar === undefined) return;
    try {
      await api.deleteCookie(row.jar);
      const { name, domain, path } = row.jar;
      setMessage({ kind: 'ok', text: <>Deleted <CookieText text={name} /> (<CookieText text={`${domain}${path}`} />) from the jar.</> });
      reload();
    } catch (error) {
      setMessage({ kind: 'error', text: <CookieText text={errorMessage(error)} limit={MESSAGE_LIMIT} /> });
    }
  };

  const clear = async () => {
    if (site === null) return;
    setConfirmClear(false);
    try {
      await api.clearSite(site);
      setMessage({ kind: 'ok', text: `Cleared the jar’s cookies of ${site}.` });
      reload();
    } catch (error) {
      setMessage({ kind: 'error', text: <CookieText text={errorMessage(error)} limit={MESSAGE_LIMIT} /> });
    }
  };

  const toggleSort = (key: SortKey) => {
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' }));
  };

  return (
    <section class="view site-view" aria-labelledby="site-heading">
      <div class="toolbar">
        <h2 id="site-heading">{scope === 'site' && site !== null ? <>Cookies of <span class="host">{site}</span></> : 'Every cookie'}</h2>
        <label class="inline">
          <span class="sr-only">Scope</span>
          <select value={scope} onChange={(event) => { setScope(event.currentTarget.value as 'site' | 'all'); setActiveIndex(0); }}>
            <option value="site" disabled={site === null}>This site</option>
            <option value="all">Every site</option>
          </select>
        </label>
        <button type="button" onClick={reload}>Refresh</button>
        {site !== null && scope === 'site' && (confirmClear ? (
          <span class="confirm">
            <button type="button" class="danger" onClick={() => { void clear(); }}>Clear {counts.jar + counts.both} cookies of {site}</button>
            <button type="button" onClick={() => { setConfirmClear(false); }}>Keep them</button>
          </span>
        ) : (
          <button type="button" class="danger" onClick={() => { setConfirmClear(true); }}>Clear site</button>
        ))}
      </div>
      <div class="toolbar">
        <label class="filter">
          <span>Filter</span>
          <input
            type="search"
            value={query}
            placeholder="name, value, domain or path"
            aria-label="Filter cookies by name, value, domain or path"
            onInput={(event) => { performance.mark('cji:filter-start'); setQuery(event.currentTarget.value); setActiveIndex(0); }}
          />
        </label>
        <span class="counts" role="status" aria-live="polite">
          {filtered.length === rows.length ? `${rows.length} cookies` : `${filtered.length} of ${rows.length} cookies`}
          {' · '}{counts.both} in both, {counts.jar} only in jar, {counts.browser} only in browser
        </span>
      </div>
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      <Status state={state}>{() => (
        <>
          <VirtualList
            items={filtered}
            rowHeight={ROW_HEIGHT}
            label="Cookies (arrow keys move, Delete removes from the jar)"
            idPrefix="cookie"
            columns={COLUMNS}
            activeIndex={Math.min(activeIndex, filtered.length - 1)}
            onActiveChange={setActiveIndex}
            onKeyDown={(event, index) => {
              const row = filtered[index];
              if (row !== undefined && event.key === 'Delete') { event.preventDefault(); void remove(row); }
            }}
            rowKey={(row) => row.key}
            empty={rows.length === 0 ? 'No cookies here yet.' : 'No cookie matches the filter.'}
            header={SORTABLE.map(({ key, label }) => (
              <div role="columnheader" key={key} aria-sort={sort.key === key ? sort.direction : 'none'}>
                <button type="button" class="sort" onClick={() => { toggleSort(key); }}>
                  {label}{sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                </button>
              </div>
            )).concat(<div role="columnheader" key="flags">Flags</div>)}
            renderRow={(row) => <CookieCells row={row} />}
          />
          {active !== undefined && <CookieDetails key={active.key} row={active} onDelete={() => { void remove(active); }} />}
        </>
      )}</Status>
    </section>
  );
}

function CookieCells({ row }: { row: CookieRow }): JSX.Element {
  const cookie = row.shown;
  return (
    <>
      <div role="gridcell"><Badge kind={row.where}>{WHERE_LABEL[row.where]}</Badge></div>
      <div role="gridcell" class="mono" data-testid="cookie-name"><CookieText text={cookie.name} /></div>
      <div role="gridcell" class="mono" data-testid="cookie-value"><CookieText text={cookie.value ?? ''} /></div>
      <div role="gridcell"><CookieText text={cookie.domain} /></div>
      <div role="gridcell"><CookieText text={cookie.path} /></div>
      <div role="gridcell" title={cookie.expires === null ? 'session cookie' : formatDate(cookie.expires)}>{formatExpiry(cookie)}</div>
      <div role="gridcell" class="flags">
        {cookie.secure && <abbr title="Secure">S</abbr>}
        {cookie.httpOnly && <abbr title="HttpOnly">H</abbr>}
        {cookie.sameSite !== null && <abbr title={`SameSite=${escapedText(cookie.sameSite)}`}><CookieText text={cookie.sameSite.slice(0, 3)} /></abbr>}
        {cookie.partitionKey !== null && <abbr title={`Partitioned: ${escapedText(cookie.partitionKey)}`}>P</abbr>}
      </div>
    </>
  );
}

const ATTRIBUTES: { label: string; show: (cookie: CookieView) => string }[] = [
  { label: 'Name', show: (c) => c.name },
  { label: 'Value', show: (c) => c.value ?? '(none)' },
  { label: 'Domain', show: (c) => c.domain },
  { label: 'Kind', show: (c) => (c.hostOnly ? 'host-only (this host only)' : 'domain cookie (and its subdomains)') },
  { label: 'Path', show: (c) => c.path },
  { label: 'Secure', show: (c) => (c.secure ? 'yes (HTTPS only)' : 'no') },
  { label: 'HttpOnly', show: (c) => (c.httpOnly ? 'yes (hidden from scripts)' : 'no') },
  { label: 'SameSite', show: (c) => c.sameSite ?? '(not set)' },
  { label: 'Expires', show: (c) => (c.expires === null ? 'at the end of the session' : `${formatDate(c.expires)} (${relativeTime(c.expires)})`) },
  { label: 'Session', show: (c) => (c.expires === null ? 'yes' : 'no') },
  { label: 'Version', show: (c) => (c.version === null ? '(none)' : String(c.version)) },
  { label: 'Port', show: (c) => c.port ?? '(any)' },
  { label: 'Partition key', show: (c) => c.partitionKey ?? '(unpartitioned)' },
];

function CookieDetails({ row, onDelete }: { row: CookieRow; onDelete: () => void }): JSX.Element {
  return (
    <section class="details" aria-label={`Details of cookie ${escapedText(row.shown.name)}`}>
      <table>
        <thead>
          <tr><th scope="col">Attribute</th><th scope="col">In the jar</th><th scope="col">In the browser</th></tr>
        </thead>
        <tbody>
          {ATTRIBUTES.map(({ label, show }) => {
            const inJar = row.jar === undefined ? '—' : show(row.jar);
            const inBrowser = row.browser === undefined ? '—' : show(row.browser);
            const differs = row.jar !== undefined && row.browser !== undefined && inJar !== inBrowser;
            return (
              <tr key={label} class={differs ? 'differs' : undefined}>
                <th scope="row">{label}</th>
                <td class="mono"><CookieText text={inJar} limit={DETAIL_LIMIT} expandable /></td>
                <td class="mono"><CookieText text={inBrowser} limit={DETAIL_LIMIT} expandable /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="actions">
        <Badge kind={row.where}>{WHERE_LABEL[row.where]}</Badge>
        <button type="button" class="danger" disabled={row.jar === undefined} onClick={onDelete}>Delete from the jar</button>
      </div>
    </section>
  );
}
