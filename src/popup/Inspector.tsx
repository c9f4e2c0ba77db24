// The whole UI: one tab list over the views, about one browser tab. The same shell serves the
// toolbar popup, the full-size tab, the side panel and the DevTools panel (surface.ts); which tab it
// is about, and how it follows it, is tabBinding.ts's business (through PopupApi.followTab).
import type { JSX } from 'preact';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { hostOf } from '../shared/urls';
import type { PopupApi, TabContext } from './model';
import { Status, useLoad } from './components/common';
import { CookieText } from './components/CookieText';
import { StorePicker } from './components/StorePicker';
import { MESSAGE_LIMIT } from './display';
import { NARROW_WIDTH, NarrowContext } from './layout';
import { shownStore } from './stores';
import type { Surface } from './surface';
import { DecisionsView } from './views/DecisionsView';
import { ExportView } from './views/ExportView';
import { ImportView } from './views/ImportView';
import { PolicyView } from './views/PolicyView';
import { SiteView } from './views/SiteView';
import { WhyView } from './views/WhyView';

export const VIEWS = ['site', 'why', 'decisions', 'policy', 'export', 'import'] as const;
export type ViewName = (typeof VIEWS)[number];
const LABELS: Record<ViewName, string> = { site: 'Site', why: 'Why', decisions: 'Decisions', policy: 'Policy', export: 'Export', import: 'Import' };

interface InspectorProps {
  api: PopupApi;
  surface?: Surface;
  initialView?: ViewName;
  /** The width class, when the caller knows it (component tests); otherwise measured. */
  narrow?: boolean;
}

export function Inspector({ api, surface = 'popup', initialView = 'site', narrow }: InspectorProps): JSX.Element {
  const [context] = useLoad(() => api.currentTab(), [api]);
  const root = useRef<HTMLDivElement>(null);
  const measured = useNarrowWidth(root);
  const isNarrow = narrow ?? measured;
  return (
    <div ref={root} class={`app ${surface}${isNarrow ? ' narrow' : ''}`}>
      <NarrowContext.Provider value={isNarrow}>
        <Status state={context}>{(tab) => <Views api={api} first={tab} surface={surface} initialView={initialView} />}</Status>
      </NarrowContext.Provider>
    </div>
  );
}

/** Whether the element is narrower than NARROW_WIDTH, kept up to date as it is resized. */
function useNarrowWidth(ref: { current: HTMLElement | null }): boolean {
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return undefined;
    const measure = () => { if (element.clientWidth > 0) setNarrow(element.clientWidth < NARROW_WIDTH); };
    measure();
    if (typeof ResizeObserver === 'undefined') return undefined;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => { observer.disconnect(); };
  }, [ref]);
  return narrow;
}

function Views({ api, first, surface, initialView }: { api: PopupApi; first: TabContext; surface: Surface; initialView: ViewName }): JSX.Element {
  const [view, setView] = useState<ViewName>(initialView);
  const [tab, setTab] = useState(first);
  // Counts the tab's page loads: views that show what a page load changes ask again when it moves.
  const [revision, setRevision] = useState(0);
  useEffect(() => api.followTab((next) => {
    setTab((current) => (current.tabId === next.tabId && current.url === next.url ? current : next));
    setRevision((n) => n + 1);
  }), [api]);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const site = hostOf(tab.url);
  // The tab's cookie store (a Firefox container tab's container), or the one the user picked for this tab.
  const [stores] = useLoad(() => api.cookieStores(tab.tabId), [api, tab.tabId]);
  const [picked, setPicked] = useState<{ tabId: number | null; storeId: string } | null>(null);
  const storeList = stores.status === 'ready' ? stores.value : null;
  const storeId = shownStore(storeList, picked?.tabId === tab.tabId ? picked.storeId : null);
  const storeApi = useMemo(() => (storeId === null ? api : api.inStore(storeId)), [api, storeId]);
  // The views that act on the browser's store name it through the tab.
  const shown = storeList?.stores.find((store) => store.id === storeId);
  const viewTab = useMemo(() => (storeId === null ? tab : { ...tab, cookieStoreId: storeId, incognito: shown?.incognito === true }), [tab, storeId, shown]);
  const [problems, reloadProblems] = useLoad(() => api.problems(), [api]);
  const [loadFailed, reloadLoadFailed] = useLoad(() => api.loadFailed(), [api]);
  const resolve = (action: 'keep' | 'startAfresh') => {
    void api.resolveLoadError(action).then(() => { reloadProblems(); reloadLoadFailed(); });
  };

  const onTabKey = (event: KeyboardEvent, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: VIEWS.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = (target + VIEWS.length) % VIEWS.length;
    setView(VIEWS[next] as ViewName);
    tabs.current[next]?.focus();
  };

  return (
    <>
      <header>
        <h1>Cookie Jar Inspector</h1>
        <span class="site" title={tab.url ?? ''}>{site ?? 'no web page'}</span>
        {storeList !== null && <StorePicker stores={storeList} shown={storeId} onPick={(id) => { setPicked({ tabId: tab.tabId, storeId: id }); }} />}
        {surface === 'popup' && api.openSidePanel !== null && (
          // Asked at once in the click: the browser opens a side panel only in answer to one. The
          // popup then closes, its place taken by the panel.
          <button type="button" onClick={() => { void api.openSidePanel?.(tab).then(() => { window.close(); }); }}>Side panel</button>
        )}
        {surface !== 'tab' && <button type="button" onClick={() => { void api.openInTab(tab); }}>Open in a tab</button>}
      </header>
      <nav role="tablist" aria-label="Views">
        {VIEWS.map((name, index) => (
          <button
            key={name}
            ref={(element) => { tabs.current[index] = element; }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-selected={view === name}
            aria-controls={`panel-${name}`}
            tabIndex={view === name ? 0 : -1}
            onClick={() => { setView(name); }}
            onKeyDown={(event) => { onTabKey(event, index); }}
          >
            {/* data-label: a hidden bold copy (popup.css) reserves the bold width, so no tab moves when one turns bold. */}
            <span class="tab-label" data-label={LABELS[name]}>{LABELS[name]}</span>
          </button>
        ))}
      </nav>
      <main>
        {problems.status === 'ready' && problems.value.map((problem) => <p class="notice notice-error" role="alert" key={problem}><CookieText text={problem} limit={MESSAGE_LIMIT} expandable /></p>)}
        {loadFailed.status === 'ready' && loadFailed.value && (
          <div class="actions load-choice" role="group" aria-label="What to do with the stored state">
            <button type="button" class="primary" onClick={() => { resolve('keep'); }}>Keep what could be read and save again</button>
            <button type="button" class="danger" onClick={() => { resolve('startAfresh'); }}>Start afresh (delete everything stored)</button>
          </div>
        )}
        {/* Keyed by the tab, its site and the store: another one starts each view afresh. Until the
            tab's store is known nothing is asked: a container tab never shows the default store's jar. */}
        {stores.status !== 'loading' && (
        <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`} key={`${tab.tabId ?? ''}\t${site ?? ''}\t${storeId ?? ''}`}>
        {view === 'site' && <SiteView api={storeApi} site={site} tab={viewTab} />}
        {view === 'why' && <WhyView api={storeApi} url={site === null ? null : tab.url} revision={revision} />}
        {view === 'decisions' && <DecisionsView api={storeApi} tabId={tab.tabId} revision={revision} />}
        {view === 'policy' && <PolicyView api={storeApi} site={site} />}
        {view === 'export' && <ExportView api={storeApi} site={site} tab={viewTab} />}
        {view === 'import' && <ImportView api={storeApi} tab={viewTab} />}
        </div>
        )}
      </main>
    </>
  );
}
