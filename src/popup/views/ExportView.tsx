// Export: the browser's store (by default: the cookies you actually have) or the jar, as cookies.txt
// in the dialect of the tool that will read it, LWP, Cookie-Editor JSON or a Cookie header for a
// URL, of the site, everything, or a selection of the Site view; what the file loses is shown
// before it is saved or copied.
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CookieSource, ExportDialect, ExportFormat, ExportOptions, ExportView as Exported, PopupApi, TabContext } from '../model';
import { identityOf } from '../fromProtocol';
import type { CookieRow } from '../rows';
import { Notice, errorMessage, type Loadable } from '../components/common';
import { CookieText } from '../components/CookieText';
import { MESSAGE_LIMIT } from '../display';
import { plural } from '../../shared/words';
import { storeLabel } from './site/words';

const DIALECTS: { value: ExportDialect; label: string; help: string }[] = [
  { value: 'curl', label: 'curl', help: 'For curl -b FILE: session cookies with expiry 0, HttpOnly kept as #HttpOnly_.' },
  { value: 'wget', label: 'wget', help: 'For wget --load-cookies FILE: wget skips #HttpOnly_ lines, so the flag is dropped.' },
  { value: 'yt-dlp', label: 'yt-dlp', help: 'For yt-dlp --cookies FILE: the Netscape header line yt-dlp checks for.' },
  { value: 'python', label: 'Python', help: 'Exactly what Python’s MozillaCookieJar.save writes (and loads).' },
];

const FORMATS: { value: ExportFormat; label: string; help?: string }[] = [
  { value: 'mozilla', label: 'cookies.txt (Netscape/Mozilla)' },
  { value: 'lwp', label: 'LWP (Set-Cookie3)', help: 'For Python’s LWPCookieJar and Perl’s HTTP::Cookies.' },
  { value: 'json', label: 'JSON (Cookie-Editor, EditThisCookie)', help: 'The JSON Cookie-Editor and EditThisCookie export and import (and this extension’s Import).' },
  { value: 'header', label: 'Cookie header for a URL (curl -H)', help: 'The Cookie header the cookies give that URL, for curl -H "…": names and values only.' },
];

const JAR_LINE = 'The jar holds the cookies the Python policy accepted from the traffic the extension saw, and what you imported into it: a simulation, not the cookies the browser sends.';

/** A shell word in single quotes (POSIX): for the curl command line. */
function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export interface ExportViewProps {
  api: PopupApi;
  site: string | null;
  tab?: TabContext | undefined;
  /** Rows of the Site view: only these cookies (of the chosen store) are exported. */
  selection?: readonly CookieRow[] | undefined;
  onClose?: (() => void) | undefined;
}

function defaultUrl(tab: TabContext | undefined, site: string | null): string {
  if (tab?.url !== undefined && tab.url !== null && /^https?:/.test(tab.url)) return tab.url;
  return site === null ? '' : `https://${site}/`;
}

export function ExportView({ api, site, tab, selection, onClose }: ExportViewProps): JSX.Element {
  const store = storeLabel(tab);
  const [options, setOptions] = useState<ExportOptions>({
    format: 'mozilla', dialect: 'curl', source: 'browser', site, includeSession: true, includeExpired: false,
    url: defaultUrl(tab, site), ...(tab?.cookieStoreId === undefined ? {} : { storeId: tab.cookieStoreId }),
  });
  const [state, setState] = useState<Loadable<Exported>>({ status: 'loading' });
  const [filename, setFilename] = useState('cookies.txt');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  // A selection: the identities of the chosen store's cookies among the selected rows.
  const chosen = useMemo(() => (selection === undefined ? undefined
    : selection.flatMap((row) => { const cookie = options.source === 'browser' ? row.browser : row.jar; return cookie === undefined ? [] : [identityOf(cookie)]; })), [selection, options.source]);
  const urlProblem = options.format === 'header' && !/^https?:\/\/[^/]+/.test(options.url ?? '') ? 'Give the URL the header is for (http or https).' : null;

  useEffect(() => {
    if (urlProblem !== null) { setState({ status: 'error', message: urlProblem }); return undefined; }
    let live = true;
    setState({ status: 'loading' });
    setNotice(null);
    // A selection is of every site it was made in.
    const asked = chosen === undefined ? options : { ...options, site: null, cookies: chosen };
    api.exportJar(asked).then(
      (value) => { if (live) { setState({ status: 'ready', value }); setFilename(value.filename); } },
      (error: unknown) => { if (live) setState({ status: 'error', message: errorMessage(error) }); },
    );
    return () => { live = false; };
  }, [api, options, chosen, urlProblem]);

  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => { setOptions({ ...options, [key]: value }); };
  const exported = state.status === 'ready' ? state.value : null;
  const format = FORMATS.find((f) => f.value === options.format);

  const save = () => {
    if (exported === null) return;
    const name = filename.trim() === '' ? exported.filename : filename.trim();
    api.saveFile(exported.text, name).then(
      () => { setNotice({ kind: 'ok', text: `Saved ${plural(exported.count, 'cookie')} as ${name}.` }); },
      (error: unknown) => { setNotice({ kind: 'error', text: `Could not save: ${errorMessage(error)}` }); },
    );
  };
  const copy = (text: string, what: string) => {
    api.copyText(text).then(
      () => { setNotice({ kind: 'ok', text: `Copied ${what} to the clipboard.` }); },
      (error: unknown) => { setNotice({ kind: 'error', text: `Could not copy: ${errorMessage(error)}` }); },
    );
  };
  const headerValue = exported === null ? '' : exported.text.replace(/^Cookie: /, '').trimEnd();

  return (
    <section class="view" aria-labelledby="export-heading">
      <h2 id="export-heading">{selection === undefined ? 'Export' : `Export the ${plural(selection.length, 'selected cookie')}`}</h2>
      <div class="form-grid">
        <label><span>Format</span>
          <select name="format" value={options.format} onChange={(event) => { set('format', event.currentTarget.value as ExportFormat); }}>
            {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
        {options.format === 'mozilla' ? (
          <label><span>For</span>
            <select name="dialect" value={options.dialect} aria-describedby="dialect-help"
              onChange={(event) => { set('dialect', event.currentTarget.value as ExportDialect); }}>
              {DIALECTS.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
            </select>
          </label>
        ) : options.format === 'header' ? (
          <label><span>For the URL</span>
            <input type="url" name="url" value={options.url ?? ''} onInput={(event) => { set('url', event.currentTarget.value); }} />
          </label>
        ) : <span />}
        <label><span>Source</span>
          <select name="source" value={options.source} aria-describedby="source-help" onChange={(event) => { set('source', event.currentTarget.value as CookieSource); }}>
            <option value="browser">{store.replace(/^the b/, 'The b')} (what the browser sends)</option>
            <option value="jar">The jar (the policy’s simulation)</option>
          </select>
        </label>
        {selection === undefined ? (
          <label><span>Scope</span>
            <select name="scope" value={options.site === null ? 'all' : 'site'} onChange={(event) => { set('site', event.currentTarget.value === 'all' ? null : site); }}>
              <option value="site" disabled={site === null}>{site === null ? 'This site' : `This site (${site})`}</option>
              <option value="all">Everything</option>
            </select>
          </label>
        ) : <span class="help">{chosen === undefined ? '' : `${plural(chosen.length, 'of them is', 'of them are')} in ${options.source === 'browser' ? store : 'the jar'}.`}</span>}
        <label class="check"><input type="checkbox" name="includeSession" checked={options.includeSession}
          onChange={(event) => { set('includeSession', event.currentTarget.checked); }} /> Include session cookies</label>
        <label class="check"><input type="checkbox" name="includeExpired" checked={options.includeExpired}
          onChange={(event) => { set('includeExpired', event.currentTarget.checked); }} /> Include expired cookies</label>
      </div>
      <p class="help" id="source-help" data-testid="source-help">
        {options.source === 'jar' ? JAR_LINE : `The cookies ${store} holds now: those the browser sends, script-set ones and those older than the extension included. The jar is one choice away.`}
      </p>
      <p class="help" id="dialect-help">
        {options.format === 'mozilla' ? DIALECTS.find((d) => d.value === options.dialect)?.help : format?.help}
      </p>
      {state.status === 'loading' && <p class="empty" role="status">Preparing the file…</p>}
      {state.status === 'error' && <p class="error" role="alert"><CookieText text={state.message} limit={MESSAGE_LIMIT} /></p>}
      {exported !== null && (
        <>
          {exported.warnings.length > 0 && (
            <div class="notice notice-warn" role="status" aria-label="Warnings">
              <strong>Before you save:</strong>
              <ul>{exported.warnings.map((w, i) => <li key={i} data-testid="export-warning"><CookieText text={w} limit={MESSAGE_LIMIT} expandable /></li>)}</ul>
            </div>
          )}
          <div class="toolbar">
            <span data-testid="export-count">{plural(exported.count, 'cookie')}</span>
            <label class="inline grow"><span>File name</span>
              <input type="text" value={filename} onInput={(event) => { setFilename(event.currentTarget.value); }} />
            </label>
            <button type="button" class="primary" onClick={save}>Save file</button>
            <button type="button" onClick={() => { copy(exported.text, plural(exported.count, 'cookie')); }}>Copy</button>
            {options.format === 'header' && headerValue !== '' && (
              <button type="button" onClick={() => { copy(`curl -H ${shellQuote(`Cookie: ${headerValue}`)} ${shellQuote(options.url ?? '')}`, 'the curl command'); }}>Copy curl command</button>
            )}
            {onClose !== undefined && <button type="button" onClick={onClose}>Close</button>}
          </div>
          <label class="preview"><span>Preview</span>
            <textarea readOnly rows={8} spellcheck={false} data-testid="export-text" value={exported.text} />
          </label>
        </>
      )}
      {notice !== null && <Notice kind={notice.kind}><CookieText text={notice.text} limit={MESSAGE_LIMIT} /></Notice>}
    </section>
  );
}
