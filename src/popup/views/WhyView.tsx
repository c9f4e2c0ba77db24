// Why: for the tab's URL or one typed, and an optional page the request is made from, which cookies
// go with the request, twice: the browser's answer (its own store under its own rules, Chromium's
// reasons: the truth) and the policy's (the jar under Python's http.cookiejar: the simulation), each
// cookie not sent with its reason. A URL typed without a scheme is read as https (and said so); one
// that cannot be judged is refused inline, and the previous answer goes with it.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { cookieKey, countOf } from '../format';
import type { BrowserExplainedCookie, ExplainView, PopupApi } from '../model';
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
  /** The page the request is made from, as typed ('' : a top-level navigation to the URL). */
  const [typedFrom, setTypedFrom] = useState('');
  const [from, setFrom] = useState<string | null>(null);
  /** The URL explained last: what a reload of the page asks about again. */
  const [target, setTarget] = useState<string | null>(url);
  const [assumed, setAssumed] = useState<string | null>(null);
  const [state, setState] = useState<Loadable<ExplainView> | null>(null);
  // Only the last question's answer is shown: a slow earlier one must not replace it.
  const asked = useRef(0);

  const explain = (text: string, fromText: string | null = from) => {
    const question = ++asked.current;
    const read = readTypedUrl(text);
    if (!read.ok) { setAssumed(null); setState({ status: 'error', message: read.message }); return; }
    let page: string | null = null;
    if (fromText !== null && fromText.trim() !== '') {
      const readFrom = readTypedUrl(fromText);
      if (!readFrom.ok) { setAssumed(null); setState({ status: 'error', message: `Requested from: ${readFrom.message}` }); return; }
      page = readFrom.url;
    }
    setAssumed(read.assumedScheme === null ? null : read.url);
    setTarget(read.url);
    setFrom(page);
    setState({ status: 'loading' });
    api.explain(read.url, page).then(
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
    setTypedFrom('');
    if (url !== null) explain(url, null);
    else { asked.current++; setState(null); setAssumed(null); }
  }, [api, url, revision]);

  return (
    <section class="view" aria-labelledby="why-heading">
      <h2 id="why-heading">Which cookies go with a request, and why not the others</h2>
      <p class="help">The <strong>browser</strong>’s answer is what the browser itself sends, from its own store under its own rules: the truth. The <strong>policy</strong>’s is what Python’s http.cookiejar would send from the jar under your policy: a simulation.</p>
      <form class="toolbar why-form" noValidate onSubmit={(event) => { event.preventDefault(); explain(typed, typedFrom); }}>
        <label class="grow">
          <span>URL</span>
          {/* Text, not type=url: the browser's own check refused www.example.com/shop without a word. */}
          <input type="text" inputMode="url" spellcheck={false} autoComplete="off" value={typed} placeholder="https://www.example.com/path"
            aria-describedby={assumed !== null || state?.status === 'error' ? 'why-url-note' : undefined} onInput={(event) => { setTyped(event.currentTarget.value); }} />
        </label>
        <label class="grow">
          <span>Requested from</span>
          <input type="text" inputMode="url" spellcheck={false} autoComplete="off" value={typedFrom} placeholder="optional: the page making the request (default: a visit to the URL)"
            onInput={(event) => { setTypedFrom(event.currentTarget.value); }} />
        </label>
        <button type="submit">Explain</button>
      </form>
      {(assumed !== null || state?.status === 'error') && (
        <div id="why-url-note">
          {assumed !== null && <p class="help" role="status">No scheme typed: explained as <span class="mono"><CookieText text={assumed} /></span>.</p>}
          {state?.status === 'error' && <p class="error" role="alert"><CookieText text={state.message} limit={MESSAGE_LIMIT} /></p>}
        </div>
      )}
      {state?.status === 'loading' && <p class="empty" role="status">Asking the browser model and the jar…</p>}
      {state?.status === 'ready' && <Explanation view={state.value} />}
    </section>
  );
}

function Explanation({ view }: { view: ExplainView }): JSX.Element {
  return (
    <>
      <p class="explained-url" data-testid="explained-request">
        A request to <span class="mono"><CookieText text={view.url} /></span>{' '}
        {view.topLevelUrl === null ? <>as a visit to it (a top-level navigation)</> : <>made from the page <span class="mono"><CookieText text={view.topLevelUrl} /></span></>}:
      </p>
      <div class="why-sides">
        <BrowserAnswer view={view} />
        <PolicyAnswer view={view} />
      </div>
    </>
  );
}

function HeaderLine({ header, testId }: { header: string | null; testId: string }): JSX.Element {
  const narrow = useNarrow();
  return <pre class="header-line" data-testid={testId}><CookieText text={header ?? '(none)'} limit={narrow ? NARROW_HEADER_LIMIT : HEADER_LIMIT} expandable /></pre>;
}

/** The browser's answer: its own store, Chromium's reasons (the browser model over the store's cookies). */
function BrowserAnswer({ view }: { view: ExplainView }): JSX.Element {
  const { cookies } = view.browser;
  const sent = cookies.filter((c) => c.sent);
  const refused = cookies.filter((c) => !c.sent);
  const key = (c: BrowserExplainedCookie) => `${c.domain}\t${c.path}\t${c.name}\t${c.partitionKey ?? ''}`;
  return (
    <section class="why-side" aria-labelledby="why-browser-heading" data-testid="why-browser">
      <h3 id="why-browser-heading">Browser <span class="muted">(the truth)</span></h3>
      <p><strong>Cookie header the browser sends:</strong></p>
      <HeaderLine header={view.browser.header} testId="browser-cookie-header" />
      {cookies.length === 0 ? <p class="empty">The browser’s store holds no cookie for this URL’s site.</p> : (
        <>
          <p class="counts">{countOf(sent.length, 'cookie')} sent, {countOf(refused.length, 'cookie')} not sent.</p>
          <table class="explain" aria-label="The browser’s cookies and whether it sends them">
            <thead>
              <tr><th scope="col">Sent?</th><th scope="col">Cookie</th><th scope="col">Domain and path</th><th scope="col">Chromium’s reasons</th></tr>
            </thead>
            <tbody>
              {[...sent, ...refused].map((entry) => (
                <tr key={key(entry)} data-testid="browser-explained-cookie" data-reasons={entry.reasons.join(' ')}>
                  <td>{entry.sent ? <Badge kind="accepted">sent</Badge> : <Badge kind="refused">not sent</Badge>}</td>
                  <td class="mono"><CookieText text={entry.name} /></td>
                  <td class="mono">
                    <CookieText text={`${entry.domain}${entry.path}`} />
                    {entry.partitionKey !== null && <span class="muted"> (partition <CookieText text={entry.partitionKey} />)</span>}
                  </td>
                  <td>
                    {entry.reasons.map((r) => <code key={r} class="rule">{r}</code>)}
                    {!entry.sent && entry.sentence !== null && <span class="reason"> <CookieText text={entry.sentence} limit={MESSAGE_LIMIT} /></span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** The policy's answer: the jar under Python's http.cookiejar with the user's policy. */
function PolicyAnswer({ view }: { view: ExplainView }): JSX.Element {
  const sent = view.cookies.filter((c) => c.sent);
  const refused = view.cookies.filter((c) => !c.sent);
  return (
    <section class="why-side" aria-labelledby="why-policy-heading" data-testid="why-policy">
      <h3 id="why-policy-heading">Policy <span class="muted">(the simulation)</span></h3>
      <p><strong>Cookie header the jar would send</strong> under your policy:</p>
      <HeaderLine header={view.header} testId="cookie-header" />
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
    </section>
  );
}
