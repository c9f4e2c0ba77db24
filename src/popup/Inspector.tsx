// The whole UI: one tab list over the views, about one browser tab (the one the popup was opened
// on, or the one named in the page's URL when it is open full-size).
import type { JSX } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { hostOf } from '../shared/urls';
import type { PopupApi, TabContext } from './model';
import { Status, useLoad } from './components/common';
import { CookieText } from './components/CookieText';
import { MESSAGE_LIMIT } from './display';
import { DecisionsView } from './views/DecisionsView';
import { ExportView } from './views/ExportView';
import { ImportView } from './views/ImportView';
import { PolicyView } from './views/PolicyView';
import { SiteView } from './views/SiteView';
import { WhyView } from './views/WhyView';

export const VIEWS = ['site', 'why', 'decisions', 'policy', 'export', 'import'] as const;
export type ViewName = (typeof VIEWS)[number];
const LABELS: Record<ViewName, string> = { site: 'Site', why: 'Why', decisions: 'Decisions', policy: 'Policy', export: 'Export', import: 'Import' };

export function Inspector({ api, fullSize = false, initialView = 'site' }: { api: PopupApi; fullSize?: boolean; initialView?: ViewName }): JSX.Element {
  const [context] = useLoad(() => api.currentTab(), [api]);
  return (
    <div class={fullSize ? 'app full' : 'app'}>
      <Status state={context}>{(tab) => <Views api={api} tab={tab} fullSize={fullSize} initialView={initialView} />}</Status>
    </div>
  );
}

function Views({ api, tab, fullSize, initialView }: { api: PopupApi; tab: TabContext; fullSize: boolean; initialView: ViewName }): JSX.Element {
  const [view, setView] = useState<ViewName>(initialView);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const site = hostOf(tab.url);
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
        {!fullSize && <button type="button" onClick={() => { void api.openInTab(tab); }}>Open in a tab</button>}
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
            {LABELS[name]}
          </button>
        ))}
      </nav>
      {problems.status === 'ready' && problems.value.map((problem) => <p class="notice notice-error" role="alert" key={problem}><CookieText text={problem} limit={MESSAGE_LIMIT} expandable /></p>)}
      {loadFailed.status === 'ready' && loadFailed.value && (
        <div class="actions load-choice" role="group" aria-label="What to do with the stored state">
          <button type="button" class="primary" onClick={() => { resolve('keep'); }}>Keep what could be read and save again</button>
          <button type="button" class="danger" onClick={() => { resolve('startAfresh'); }}>Start afresh (delete everything stored)</button>
        </div>
      )}
      <main>
        <div role="tabpanel" id={`panel-${view}`} aria-labelledby={`tab-${view}`}>
        {view === 'site' && <SiteView api={api} site={site} />}
        {view === 'why' && <WhyView api={api} url={site === null ? null : tab.url} />}
        {view === 'decisions' && <DecisionsView api={api} tabId={tab.tabId} />}
        {view === 'policy' && <PolicyView api={api} site={site} />}
        {view === 'export' && <ExportView api={api} site={site} />}
        {view === 'import' && <ImportView api={api} />}
        </div>
      </main>
    </>
  );
}
