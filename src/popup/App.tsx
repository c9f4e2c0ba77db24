import { useEffect, useState } from 'preact/hooks';
import type { ObservedSetCookie } from '../shared/protocol';
import type { PopupApi } from './api';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; lines: ObservedSetCookie[] };

/** The walking skeleton's view: every Set-Cookie line the service worker has seen, newest first. */
export function App({ api }: { api: PopupApi }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = () => {
    api.getObserved().then(
      (lines) => { setState({ status: 'ready', lines: [...lines].reverse() }); },
      (error: unknown) => { setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }); },
    );
  };
  useEffect(load, [api]);

  return (
    <>
      <header>
        <h1>Cookie Jar Inspector</h1>
        <button type="button" onClick={load}>Refresh</button>
      </header>
      <main>
        {state.status === 'loading' && <p class="empty">Loading…</p>}
        {state.status === 'error' && <p class="error" role="alert">{state.message}</p>}
        {state.status === 'ready' && state.lines.length === 0 && <p class="empty">No Set-Cookie header seen yet.</p>}
        {state.status === 'ready' && state.lines.length > 0 && (
          <table aria-label="Set-Cookie lines seen">
            <thead><tr><th scope="col">Host</th><th scope="col">Tab</th><th scope="col">Set-Cookie line</th></tr></thead>
            <tbody>
              {state.lines.map((line, index) => (
                <tr key={index} data-testid="observed-line">
                  <td>{hostOf(line.url)}</td>
                  <td>{line.tabId < 0 ? 'none' : line.tabId}</td>
                  <td class="line" title={line.url}>{line.line}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}

function hostOf(url: string): string {
  try { return new URL(url).host; } catch { return url; }
}
