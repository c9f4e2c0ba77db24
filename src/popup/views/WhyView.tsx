// Why: for the tab's URL or one typed, which cookies the jar would send, and for each one it would
// not, the rule and the reason.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { cookieKey } from '../format';
import type { ExplainView, PopupApi } from '../model';
import { Badge, errorMessage, type Loadable } from '../components/common';
import { CookieText } from '../components/CookieText';
import { DETAIL_LIMIT, MESSAGE_LIMIT } from '../display';

export function WhyView({ api, url }: { api: PopupApi; url: string | null }): JSX.Element {
  const [typed, setTyped] = useState(url ?? '');
  const [state, setState] = useState<Loadable<ExplainView> | null>(null);

  const explain = (target: string) => {
    if (target.trim() === '') { setState({ status: 'error', message: 'Type a URL, such as https://www.example.com/account.' }); return; }
    setState({ status: 'loading' });
    api.explain(target.trim()).then(
      (value) => { setState({ status: 'ready', value }); },
      (error: unknown) => { setState({ status: 'error', message: errorMessage(error) }); },
    );
  };
  // Explain the tab's URL at once; later URLs are explained on submit.
  useEffect(() => { if (url !== null) explain(url); }, [api, url]);

  return (
    <section class="view" aria-labelledby="why-heading">
      <h2 id="why-heading">Which cookies would be sent, and why not the others</h2>
      <form class="toolbar" onSubmit={(event) => { event.preventDefault(); explain(typed); }}>
        <label class="grow">
          <span>URL</span>
          <input type="url" value={typed} placeholder="https://www.example.com/path" onInput={(event) => { setTyped(event.currentTarget.value); }} />
        </label>
        <button type="submit">Explain</button>
      </form>
      {state?.status === 'loading' && <p class="empty" role="status">Asking the jar…</p>}
      {state?.status === 'error' && <p class="error" role="alert"><CookieText text={state.message} limit={MESSAGE_LIMIT} /></p>}
      {state?.status === 'ready' && <Explanation view={state.value} />}
    </section>
  );
}

function Explanation({ view }: { view: ExplainView }): JSX.Element {
  const sent = view.cookies.filter((c) => c.sent);
  const refused = view.cookies.filter((c) => !c.sent);
  return (
    <>
      <p>
        <strong>Cookie header the jar would send to </strong><span class="mono"><CookieText text={view.url} /></span>:
      </p>
      <pre class="header-line" data-testid="cookie-header"><CookieText text={view.header ?? '(none)'} limit={DETAIL_LIMIT} expandable /></pre>
      {view.cookies.length === 0 ? <p class="empty">The jar holds no cookie of this site.</p> : (
        <table class="explain" aria-label="Cookies of this site and whether they would be sent">
          <thead>
            <tr><th scope="col">Sent?</th><th scope="col">Cookie</th><th scope="col">Domain and path</th><th scope="col">Rule</th><th scope="col">Reason</th></tr>
          </thead>
          <tbody>
            {[...sent, ...refused].map((entry) => (
              <tr key={cookieKey(entry.cookie)} data-testid="explained-cookie">
                <td>{entry.sent ? <Badge kind="accepted">sent</Badge> : <Badge kind="refused">not sent</Badge>}</td>
                <td class="mono"><CookieText text={entry.cookie.name} /></td>
                <td class="mono"><CookieText text={`${entry.cookie.domain}${entry.cookie.path}`} /></td>
                <td class="mono">{entry.rule ?? ''}</td>
                <td><CookieText text={entry.reason ?? ''} limit={MESSAGE_LIMIT} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
