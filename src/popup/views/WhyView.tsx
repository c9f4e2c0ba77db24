// Why: for the tab's URL or one typed, which cookies the jar would send, and for each one it would
// not, the rule and the reason. A URL typed without a scheme is read as https (and said so); one the
// jar cannot judge is refused inline, and the previous answer goes with it.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cookieKey, countOf } from '../format';
import type { ExplainView, PopupApi } from '../model';
import { Badge, errorMessage, type Loadable } from '../components/common';
import { CookieText } from '../components/CookieText';
import { MESSAGE_LIMIT } from '../display';
import { useNarrow } from '../layout';
import { readTypedUrl } from '../typedUrl';

/** Characters of the Cookie header shown before "Show all": a few lines, so that one 4 KB cookie cannot fill the view. */
export const HEADER_LIMIT = 300;
/** The same few lines in a side panel. */
export const NARROW_HEADER_LIMIT = 120;

interface WhyProps {
  api: PopupApi;
  /** The tab's URL (null: no web page). */
  url: string | null;
  /** Moves when the tab's page has loaded again: the answer is asked again. */
  revision?: number;
}

export function WhyView({ api, url, revision = 0 }: WhyProps): JSX.Element {
  const [typed, setTyped] = useState(url ?? '');
  /** The URL explained last: what a reload of the page asks about again. */
  const [target, setTarget] = useState<string | null>(url);
  const [assumed, setAssumed] = useState<string | null>(null);
  const [state, setState] = useState<Loadable<ExplainView> | null>(null);
  // Only the last question's answer is shown: a slow earlier one must not replace it.
  const asked = useRef(0);

  const explain = (text: string) => {
    const question = ++asked.current;
    const read = readTypedUrl(text);
    if (!read.ok) { setAssumed(null); setState({ status: 'error', message: read.message }); return; }
    setAssumed(read.assumedScheme === null ? null : read.url);
    setTarget(read.url);
    setState({ status: 'loading' });
    api.explain(read.url).then(
      (value) => { if (question === asked.current) setState({ status: 'ready', value }); },
      (error: unknown) => { if (question === asked.current) setState({ status: 'error', message: errorMessage(error) }); },
    );
  };
  // The tab's URL at once and whenever the tab navigates; the URL explained last again when the
  // page has loaded again (its cookies may have changed).
  const seen = useRef<{ url: string | null } | null>(null);
  useEffect(() => {
    const previous = seen.current;
    seen.current = { url };
    if (previous !== null && previous.url === url) {
      if (target !== null) explain(target);
      return;
    }
    setTyped(url ?? '');
    if (url !== null) explain(url);
    else { asked.current++; setState(null); setAssumed(null); }
  }, [api, url, revision]);

  return (
    <section class="view" aria-labelledby="why-heading">
      <h2 id="why-heading">Which cookies would be sent, and why not the others</h2>
      <form class="toolbar" noValidate onSubmit={(event) => { event.preventDefault(); explain(typed); }}>
        <label class="grow">
          <span>URL</span>
          {/* Text, not type=url: the browser's own check refused www.example.com/shop without a word. */}
          <input type="text" inputMode="url" spellcheck={false} autoComplete="off" value={typed} placeholder="https://www.example.com/path"
            aria-describedby={assumed !== null || state?.status === 'error' ? 'why-url-note' : undefined} onInput={(event) => { setTyped(event.currentTarget.value); }} />
        </label>
        <button type="submit">Explain</button>
      </form>
      {(assumed !== null || state?.status === 'error') && (
        <div id="why-url-note">
          {assumed !== null && <p class="help" role="status">No scheme typed: explained as <span class="mono"><CookieText text={assumed} /></span>.</p>}
          {state?.status === 'error' && <p class="error" role="alert"><CookieText text={state.message} limit={MESSAGE_LIMIT} /></p>}
        </div>
      )}
      {state?.status === 'loading' && <p class="empty" role="status">Asking the jar…</p>}
      {state?.status === 'ready' && <Explanation view={state.value} />}
    </section>
  );
}

function Explanation({ view }: { view: ExplainView }): JSX.Element {
  const narrow = useNarrow();
  const sent = view.cookies.filter((c) => c.sent);
  const refused = view.cookies.filter((c) => !c.sent);
  return (
    <>
      <p class="explained-url">
        <strong>Cookie header the jar would send to </strong><span class="mono"><CookieText text={view.url} /></span>:
      </p>
      <pre class="header-line" data-testid="cookie-header"><CookieText text={view.header ?? '(none)'} limit={narrow ? NARROW_HEADER_LIMIT : HEADER_LIMIT} expandable /></pre>
      {view.cookies.length === 0 ? <p class="empty">The jar holds no cookie of this site.</p> : (
        <>
          <p class="counts" role="status">{countOf(sent.length, 'cookie')} sent, {countOf(refused.length, 'cookie')} not sent.</p>
          <table class="explain" aria-label="Cookies of this site and whether they would be sent">
            <thead>
              <tr><th scope="col">Sent?</th><th scope="col">Cookie</th><th scope="col">Domain and path</th><th scope="col">Rule and reason</th></tr>
            </thead>
            <tbody>
              {[...sent, ...refused].map((entry) => (
                <tr key={cookieKey(entry.cookie)} data-testid="explained-cookie">
                  <td>{entry.sent ? <Badge kind="accepted">sent</Badge> : <Badge kind="refused">not sent</Badge>}</td>
                  <td class="mono"><CookieText text={entry.cookie.name} /></td>
                  <td class="mono"><CookieText text={`${entry.cookie.domain}${entry.cookie.path}`} /></td>
                  <td>
                    {entry.rule !== undefined && <code class="rule">{entry.rule}</code>}
                    {entry.reason !== undefined && <span class="reason"><CookieText text={entry.reason} limit={MESSAGE_LIMIT} /></span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
