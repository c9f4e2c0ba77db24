// Site: the tab's cookies in the jar and in the browser's store side by side, every attribute,
// sortable, filtered as you type, in a windowed grid that stays fast at 10,000 cookies; select
// (click the box, ctrl/cmd-click, shift-click, select all shown), edit, create, copy, delete and
// clear, each action naming the store it changes, the last change undoable.
import type { ComponentChildren, JSX } from 'preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { formatDate, formatExpiry, type SortDirection, type SortKey } from '../format';
import { cookieInputOf, identityOf } from '../fromProtocol';
import type { AppliedView, BrowserCookieInput, ChangeSummary, CookieIdentity, CookieNoteView, CookieView, PopupApi, TabContext } from '../model';
import { filterRows, mergeRows, sortRows, type CookieRow } from '../rows';
import { EMPTY_SELECTION, extend, prune, selectionCounts, toggle, toggleAll, type Selection } from '../selection';
import { Badge, Notice, Status, errorMessage, useLoad } from '../components/common';
import { CookieText } from '../components/CookieText';
import { MESSAGE_LIMIT, escapedText } from '../display';
import { VirtualList } from '../components/VirtualList';
import { useNarrow } from '../layout';
import { plural } from '../../shared/words';
import { ClearPanel } from './site/ClearPanel';
import { CookieDetails, WHERE_LABEL } from './site/CookieDetails';
import { CookieEditor } from './site/CookieEditor';
import { storeLabel, storedLine } from './site/words';
import { ExportView } from './ExportView';

const ROW_HEIGHT = 26;
const COLUMNS = '22px 92px minmax(80px,1.1fr) minmax(80px,1.4fr) minmax(90px,1.2fr) minmax(40px,.6fr) 104px 92px';
/** A side panel (360 px): the box, where, name, value and domain; path, expiry and flags are in the details. */
const NARROW_COLUMNS = '22px 92px minmax(56px,1fr) minmax(56px,1fr) minmax(64px,1fr)';
const NARROW_KEYS: ReadonlySet<SortKey> = new Set(['where', 'name', 'value', 'domain']);

const SORTABLE: { key: SortKey; label: string }[] = [
  { key: 'where', label: 'Where' }, { key: 'name', label: 'Name' }, { key: 'value', label: 'Value' },
  { key: 'domain', label: 'Domain' }, { key: 'path', label: 'Path' }, { key: 'expires', label: 'Expires' },
];

type Panel =
  | { kind: 'none' }
  | { kind: 'edit'; initial: BrowserCookieInput; replaces?: CookieIdentity | undefined }
  | { kind: 'clear' }
  | { kind: 'export' };

type Message = { kind: 'ok' | 'error'; text: ComponentChildren };

export function SiteView({ api, site, tab }: { api: PopupApi; site: string | null; tab?: TabContext | undefined }): JSX.Element {
  const [scope, setScope] = useState<'site' | 'all'>(site === null ? 'all' : 'site');
  const shownSite = scope === 'site' ? site : null;
  const storeId = tab?.cookieStoreId;
  const store = storeLabel(tab);
  const narrow = useNarrow();
  const [state, reload] = useLoad(() => (storeId === undefined ? api.getCookies(shownSite) : api.getCookies(shownSite, storeId)), [api, shownSite, storeId]);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; direction: SortDirection }>({ key: 'domain', direction: 'ascending' });
  const [activeIndex, setActiveIndex] = useState(0);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [message, setMessage] = useState<Message | null>(null);
  const [panel, setPanel] = useState<Panel>({ kind: 'none' });
  const [lastChange, setLastChange] = useState<ChangeSummary | null>(null);
  useLayoutEffect(() => { void api.lastChange().then(setLastChange, () => undefined); }, [api]);

  const rows = useMemo(() => (state.status === 'ready' ? mergeRows(state.value.jar, state.value.browser) : []), [state]);
  // Why a cookie is in one store only: asked after the cookies (it never delays the grid), again with each reload of them.
  const [noteState] = useLoad(() => (state.status === 'ready' ? api.cookieNotes(shownSite) : Promise.resolve([])), [api, shownSite, state]);
  const notes = useMemo(() => new Map(noteState.status === 'ready' ? noteState.value.map((n) => [n.key, n] as const) : []), [noteState]);
  const sorted = useMemo(() => sortRows(rows, sort.key, sort.direction), [rows, sort]);
  const filtered = useMemo(() => filterRows(sorted, query), [sorted, query]);
  const active = filtered[Math.min(activeIndex, filtered.length - 1)];
  // A reload drops the keys of cookies that are gone.
  useLayoutEffect(() => { setSelection((current) => prune(current, rows)); }, [rows]);
  const selected = useMemo(() => selectionCounts(selection, filtered), [selection, filtered]);
  const scopeDomain = state.status === 'ready' ? state.value.scope ?? site : site;

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

  const failed = (error: unknown) => { setMessage({ kind: 'error', text: <><CookieText text={errorMessage(error)} limit={MESSAGE_LIMIT} /></> }); };
  const changed = (text: ComponentChildren, change: ChangeSummary | null) => {
    setMessage({ kind: 'ok', text });
    setLastChange(change);
    reload();
  };

  /** Removes exactly these rows' cookies from the browser's store and/or the jar, as one undoable change. */
  const remove = (target: readonly CookieRow[], from: { browser: boolean; jar: boolean }, label?: string) => {
    const browser = from.browser ? target.flatMap((row) => (row.browser === undefined ? [] : [identityOf(row.browser)])) : [];
    const jar = from.jar ? target.flatMap((row) => (row.jar === undefined ? [] : [identityOf(row.jar)])) : [];
    if (browser.length + jar.length === 0) return;
    api.removeCookies({ browser, jar, storeId, label }).then((removed) => {
      const one = target.length === 1 ? target[0] : undefined;
      const where = [removed.browser > 0 ? store : '', removed.jar > 0 ? 'the jar' : ''].filter((w) => w !== '').join(' and ');
      const text = one !== undefined && removed.browser + removed.jar <= 2
        ? <>Deleted <CookieText text={one.shown.name} /> (<CookieText text={`${one.shown.domain}${one.shown.path}`} />) from {where}.</>
        : <>Deleted {[removed.browser > 0 ? `${plural(removed.browser, 'cookie')} from ${store}` : '', removed.jar > 0 ? `${plural(removed.jar, 'cookie')} from the jar` : ''].filter((w) => w !== '').join(' and ')}.</>;
      changed(text, removed.change);
      if (removed.change !== null) setSelection(EMPTY_SELECTION);
    }, failed);
  };

  const undo = () => {
    api.undo().then((undone) => {
      changed(<>Undid: <CookieText text={undone.undone.label} />.</>, null);
    }, failed);
  };

  const applied = (result: AppliedView) => {
    setPanel({ kind: 'none' });
    const storedText = result.stored === null ? null : storedLine(result.stored);
    changed(
      <>
        <CookieText text={result.change.label} /> in {store}.
        {storedText !== null && <> The browser stored: <code><CookieText text={storedText} limit={MESSAGE_LIMIT} expandable /></code></>}
        {result.differences.length > 0 && <ul>{result.differences.map((d) => <li key={d}><CookieText text={d} limit={MESSAGE_LIMIT} /></li>)}</ul>}
      </>,
      result.change,
    );
  };

  const newCookie = (): BrowserCookieInput => {
    const url = tab?.url ?? null;
    let host = site ?? '';
    let secure = false;
    if (url !== null) {
      try {
        const parsed = new URL(url);
        host = parsed.hostname;
        secure = parsed.protocol === 'https:';
      } catch { /* no URL: an empty host to fill in */ }
    }
    return { name: '', value: '', domain: host, hostOnly: true, path: '/', secure, httpOnly: false, sameSite: 'lax' };
  };

  const toggleSort = (key: SortKey) => {
    setSort((current) => ({ key, direction: current.key === key && current.direction === 'ascending' ? 'descending' : 'ascending' }));
  };

  const onActiveChange = (index: number, event?: MouseEvent | KeyboardEvent) => {
    const row = filtered[index];
    if (row !== undefined && event !== undefined) {
      const key = 'key' in event ? event.key : '';
      if (event.shiftKey && (event.type === 'click' || key === 'ArrowDown' || key === 'ArrowUp')) setSelection((s) => extend(s, filtered, index, activeIndex));
      else if (event.type === 'click' && (event.ctrlKey || event.metaKey)) setSelection((s) => toggle(s, row.key, index));
    }
    setActiveIndex(index);
  };

  const selectedRows = () => rows.filter((row) => selection.keys.has(row.key));
  const inSelection = { browser: 0, jar: 0 };
  if (selection.keys.size > 0) for (const row of rows) if (selection.keys.has(row.key)) { if (row.browser !== undefined) inSelection.browser++; if (row.jar !== undefined) inSelection.jar++; }
  const allShown = filtered.length > 0 && selected.shown === filtered.length;

  return (
    <section class="view site-view" aria-labelledby="site-heading">
      <div class="toolbar">
        <h2 id="site-heading">{scope === 'site' && site !== null ? <>Cookies of <span class="host">{site}</span></> : 'Every cookie'}</h2>
        <label class="inline">
          <span class="sr-only">Scope</span>
          <select value={scope} onChange={(event) => { setScope(event.currentTarget.value as 'site' | 'all'); setActiveIndex(0); setSelection(EMPTY_SELECTION); setPanel({ kind: 'none' }); }}>
            <option value="site" disabled={site === null}>This site</option>
            <option value="all">Every site</option>
          </select>
        </label>
        <button type="button" onClick={reload}>Refresh</button>
        <button type="button" disabled={site === null} onClick={() => { setPanel({ kind: 'edit', initial: newCookie() }); }}>New cookie</button>
        {scope === 'site' && scopeDomain !== null && <button type="button" class="danger" onClick={() => { setPanel({ kind: 'clear' }); }}>Clear…</button>}
      </div>
      {scope === 'site' && scopeDomain !== null && (
        <p class="help" data-testid="site-scope">
          {scopeDomain === site ? `The cookies of ${scopeDomain} and its subdomains.` : `The cookies of every host of ${scopeDomain}: ${site ?? ''}, ${scopeDomain} and its other subdomains.`}
          {' '}Changes to the browser go to {store}.
        </p>
      )}
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
          {filtered.length === rows.length ? plural(rows.length, 'cookie') : `${filtered.length.toLocaleString('en')} of ${plural(rows.length, 'cookie')}`}
          {' · '}{counts.both.toLocaleString('en')} in both, {counts.jar.toLocaleString('en')} only in jar, {counts.browser.toLocaleString('en')} only in browser
        </span>
      </div>
      {selection.keys.size > 0 && (
        <div class="toolbar selection-bar" role="region" aria-label="Selection">
          <span data-testid="selection-count">
            {plural(selection.keys.size, 'cookie')} selected{selected.hidden > 0 ? ` (${selected.hidden.toLocaleString('en')} hidden by the filter)` : ''}
          </span>
          <button type="button" class="danger" disabled={inSelection.browser === 0} onClick={() => { remove(selectedRows(), { browser: true, jar: false }); }}>
            Delete {plural(inSelection.browser, 'cookie')} from {store}
          </button>
          <button type="button" class="danger" disabled={inSelection.jar === 0} onClick={() => { remove(selectedRows(), { browser: false, jar: true }); }}>
            Delete {plural(inSelection.jar, 'cookie')} from the jar
          </button>
          <button type="button" onClick={() => { setPanel({ kind: 'export' }); }}>Export…</button>
          <button type="button" onClick={() => { setSelection(EMPTY_SELECTION); }}>Select none</button>
        </div>
      )}
      {lastChange !== null && (
        <div class="toolbar undo-bar">
          <span>Last change: <CookieText text={lastChange.label} /> {lastChange.storeId !== null ? `(${store})` : '(the jar)'}, {formatDate(lastChange.time / 1000)}</span>
          <button type="button" onClick={undo}>Undo</button>
        </div>
      )}
      {message !== null && <Notice kind={message.kind}>{message.text}</Notice>}
      <Status state={state}>{() => (
        <>
          <VirtualList
            items={filtered}
            rowHeight={ROW_HEIGHT}
            label="Cookies (arrow keys move, Space selects, shift+arrows extend, ctrl+A selects all shown, Delete removes the selected from the jar)"
            idPrefix="cookie"
            columns={narrow ? NARROW_COLUMNS : COLUMNS}
            activeIndex={Math.min(activeIndex, filtered.length - 1)}
            onActiveChange={onActiveChange}
            isSelected={(row) => selection.keys.has(row.key)}
            rowClass={(row) => (isExpired(row.shown) ? 'expired' : undefined)}
            onKeyDown={(event, index) => {
              const row = filtered[index];
              if (event.key === ' ' && row !== undefined) { event.preventDefault(); setSelection((s) => toggle(s, row.key, index)); }
              else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') { event.preventDefault(); setSelection((s) => toggleAll({ ...s, keys: new Set() }, filtered)); }
              else if (event.key === 'Escape') setSelection(EMPTY_SELECTION);
              else if (event.key === 'Delete') {
                event.preventDefault();
                const target = selection.keys.size > 0 ? selectedRows() : row === undefined ? [] : [row];
                remove(target, { browser: false, jar: true });
              }
            }}
            rowKey={(row) => row.key}
            empty={rows.length === 0 ? 'No cookies here yet.' : 'No cookie matches the filter.'}
            header={[
              <div role="columnheader" key="select">
                <input type="checkbox" aria-label={`Select all ${plural(filtered.length, 'cookie')} shown`} checked={allShown}
                  onChange={() => { setSelection((s) => toggleAll(s, filtered)); }} />
              </div>,
              ...SORTABLE.filter(({ key }) => !narrow || NARROW_KEYS.has(key)).map(({ key, label }) => (
                <div role="columnheader" key={key} aria-sort={sort.key === key ? sort.direction : 'none'}>
                  <button type="button" class="sort" onClick={() => { toggleSort(key); }}>
                    {label}{sort.key === key ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
                  </button>
                </div>
              )),
              ...(narrow ? [] : [<div role="columnheader" key="flags">Flags</div>]),
            ]}
            renderRow={(row, index) => (
              <CookieCells row={row} narrow={narrow} note={notes.get(row.key)} selected={selection.keys.has(row.key)} onToggle={() => { setSelection((s) => toggle(s, row.key, index)); }} />
            )}
          />
          {panel.kind === 'edit' && (
            <CookieEditor
              key={JSON.stringify(panel.replaces ?? 'new')}
              api={api} initial={panel.initial} replaces={panel.replaces} storeId={storeId} storeLabel={store}
              defaultTopLevelSite={`https://${scopeDomain ?? site ?? ''}`}
              onApplied={applied} onCancel={() => { setPanel({ kind: 'none' }); }}
            />
          )}
          {panel.kind === 'clear' && scopeDomain !== null && (
            <ClearPanel
              api={api} scope={scopeDomain} host={site} storeLabel={store}
              browserCount={counts.both + counts.browser} jarCount={counts.both + counts.jar}
              onClearSite={(options) => { setPanel({ kind: 'none' }); remove(rows, options, `Cleared the cookies of ${scopeDomain}`); }}
              onClearedAll={(text) => { setPanel({ kind: 'none' }); changed(text, lastChange); }}
              onClose={() => { setPanel({ kind: 'none' }); }}
            />
          )}
          {panel.kind === 'export' && (
            <section class="details" aria-label="Export the selection">
              <ExportView api={api} site={site} tab={tab} selection={selectedRows()} onClose={() => { setPanel({ kind: 'none' }); }} />
            </section>
          )}
          {panel.kind === 'none' && active !== undefined && (
            <CookieDetails key={active.key} row={active} note={notes.get(active.key)} actions={{
              storeLabel: store,
              onEdit: active.browser === undefined ? undefined : () => {
                const cookie = active.browser as CookieView;
                setPanel({ kind: 'edit', initial: cookieInputOf(cookie), replaces: identityOf(cookie) });
              },
              onAddToBrowser: active.browser !== undefined || active.jar === undefined ? undefined : () => {
                setPanel({ kind: 'edit', initial: cookieInputOf(active.jar as CookieView) });
              },
              onCopyValue: () => {
                const value = (active.browser ?? active.shown).value ?? '';
                api.copyText(value).then(() => { setMessage({ kind: 'ok', text: <>Copied the value of <CookieText text={active.shown.name} /> ({plural(value.length, 'character')}).</> }); }, failed);
              },
              onDeleteBrowser: active.browser === undefined ? undefined : () => { remove([active], { browser: true, jar: false }); },
              onDeleteJar: active.jar === undefined ? undefined : () => { remove([active], { browser: false, jar: true }); },
            }} />
          )}
        </>
      )}</Status>
    </section>
  );
}

function isExpired(cookie: CookieView, nowMs = Date.now()): boolean {
  return cookie.expires !== null && cookie.expires * 1000 <= nowMs;
}

const SAME_SITE_FLAG: Record<string, string> = { lax: 'Lax', strict: 'Strict', none: 'None' };

function CookieCells({ row, narrow, note, selected, onToggle }: { row: CookieRow; narrow: boolean; note: CookieNoteView | undefined; selected: boolean; onToggle: () => void }): JSX.Element {
  const cookie = row.shown;
  return (
    <>
      <div role="gridcell">
        <input type="checkbox" tabIndex={-1} checked={selected} aria-label={`Select cookie ${escapedText(cookie.name)}`}
          onClick={(event) => { event.stopPropagation(); }} onChange={onToggle} />
      </div>
      <div role="gridcell" data-testid="cookie-where" data-note={note?.kind} data-reasons={note?.reasons.join(' ')} title={note === undefined ? undefined : escapedText(note.sentence)}>
        <Badge kind={row.where}>{WHERE_LABEL[row.where]}</Badge>
      </div>
      <div role="gridcell" class="mono" data-testid="cookie-name"><CookieText text={cookie.name} /></div>
      <div role="gridcell" class="mono" data-testid="cookie-value"><CookieText text={cookie.value ?? ''} /></div>
      <div role="gridcell"><CookieText text={cookie.domain} /></div>
      {!narrow && <PathExpiryFlags cookie={cookie} />}
    </>
  );
}

/** The wide grid's last three cells (a side panel shows them in the details only). */
function PathExpiryFlags({ cookie }: { cookie: CookieView }): JSX.Element {
  const expired = isExpired(cookie);
  return (
    <>
      <div role="gridcell"><CookieText text={cookie.path} /></div>
      <div role="gridcell" data-testid="cookie-expires" title={cookie.expires === null ? 'session cookie' : formatDate(cookie.expires)}>
        {expired ? <><Badge kind="expired">expired</Badge> {formatExpiry(cookie)}</> : formatExpiry(cookie)}
      </div>
      <div role="gridcell" class="flags">
        {cookie.secure && <abbr title="Secure">S</abbr>}
        {cookie.httpOnly && <abbr title="HttpOnly">H</abbr>}
        {cookie.sameSite !== null && (
          <abbr title={`SameSite=${escapedText(cookie.sameSite)}`}><CookieText text={SAME_SITE_FLAG[cookie.sameSite.toLowerCase()] ?? cookie.sameSite} limit={8} /></abbr>
        )}
        {cookie.partitionKey !== null && <abbr title={`Partitioned: ${escapedText(cookie.partitionKey)}`}>P</abbr>}
      </div>
    </>
  );
}
