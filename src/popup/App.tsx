import { useEffect, useState } from 'preact/hooks';
import type { DecisionEntry } from '../shared/protocol';
import type { PopupApi } from './api';

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; decisions: DecisionEntry[]; errors: string[] };

/** The interim view (until issue 5's UI): every decision of the log, newest first, and storage errors. */
export function App({ api }: { api: PopupApi }) {
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = () => {
    Promise.all([api.getDecisions(), api.getStatus()]).then(
      ([decisions, status]) => { setState({ status: 'ready', decisions, errors: status.errors }); },
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
        {state.status === 'ready' && state.errors.map((message) => <p class="error" role="alert" key={message}>{message}</p>)}
        {state.status === 'ready' && state.decisions.length === 0 && <p class="empty">No Set-Cookie header seen yet.</p>}
        {state.status === 'ready' && state.decisions.length > 0 && (
          <table aria-label="Cookie decisions">
            <thead><tr><th scope="col">Host</th><th scope="col">Tab</th><th scope="col">Set-Cookie line</th><th scope="col">Decision</th></tr></thead>
            <tbody>
              {state.decisions.map((decision) => (
                <tr key={decision.id} data-testid="observed-line" data-accepted={String(decision.accepted)} data-rule={decision.rule ?? ''}>
                  <td>{decision.requestHost}</td>
                  <td>{decision.tabId < 0 ? 'none' : decision.tabId}</td>
                  <td class="line" title={decision.requestUrl}>{decision.line}</td>
                  <td class="decision">{decision.accepted ? 'accepted' : `refused (${decision.rule ?? ''}): ${decision.reason ?? ''}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}
