// Export: cookies.txt (in the dialect of the tool that will read it) or LWP, with the warnings for
// what the file loses shown before it is saved or copied.
import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CookieSource, ExportDialect, ExportFormat, ExportOptions, ExportView as Exported, PopupApi } from '../model';
import { Notice, errorMessage, type Loadable } from '../components/common';
import { CookieText } from '../components/CookieText';
import { MESSAGE_LIMIT } from '../display';

const DIALECTS: { value: ExportDialect; label: string; help: string }[] = [
  { value: 'curl', label: 'curl', help: 'For curl -b FILE: session cookies with expiry 0, HttpOnly kept as #HttpOnly_.' },
  { value: 'wget', label: 'wget', help: 'For wget --load-cookies FILE: wget skips #HttpOnly_ lines, so the flag is dropped.' },
  { value: 'yt-dlp', label: 'yt-dlp', help: 'For yt-dlp --cookies FILE: the Netscape header line yt-dlp checks for.' },
  { value: 'python', label: 'Python', help: 'Exactly what Python’s MozillaCookieJar.save writes (and loads).' },
];

export function ExportView({ api, site }: { api: PopupApi; site: string | null }): JSX.Element {
  const [options, setOptions] = useState<ExportOptions>({
    format: 'mozilla', dialect: 'curl', source: 'jar', site, includeSession: true, includeExpired: false,
  });
  const [state, setState] = useState<Loadable<Exported>>({ status: 'loading' });
  const [filename, setFilename] = useState('cookies.txt');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  useEffect(() => {
    let live = true;
    setState({ status: 'loading' });
    setNotice(null);
    api.exportJar(options).then(
      (value) => { if (live) { setState({ status: 'ready', value }); setFilename(value.filename); } },
      (error: unknown) => { if (live) setState({ status: 'error', message: errorMessage(error) }); },
    );
    return () => { live = false; };
  }, [api, options]);

  const set = <K extends keyof ExportOptions>(key: K, value: ExportOptions[K]) => { setOptions({ ...options, [key]: value }); };
  const exported = state.status === 'ready' ? state.value : null;

  const save = () => {
    if (exported === null) return;
    api.saveFile(exported.text, filename.trim() === '' ? exported.filename : filename.trim()).then(
      () => { setNotice({ kind: 'ok', text: `Saved ${exported.count} cookies as ${filename}.` }); },
      (error: unknown) => { setNotice({ kind: 'error', text: `Could not save: ${errorMessage(error)}` }); },
    );
  };
  const copy = () => {
    if (exported === null) return;
    api.copyText(exported.text).then(
      () => { setNotice({ kind: 'ok', text: `Copied ${exported.count} cookies to the clipboard.` }); },
      (error: unknown) => { setNotice({ kind: 'error', text: `Could not copy: ${errorMessage(error)}` }); },
    );
  };

  return (
    <section class="view" aria-labelledby="export-heading">
      <h2 id="export-heading">Export</h2>
      <div class="form-grid">
        <label><span>Format</span>
          <select name="format" value={options.format} onChange={(event) => { set('format', event.currentTarget.value as ExportFormat); }}>
            <option value="mozilla">cookies.txt (Netscape/Mozilla)</option>
            <option value="lwp">LWP (Set-Cookie3)</option>
          </select>
        </label>
        <label><span>For</span>
          <select name="dialect" value={options.format === 'lwp' ? '' : options.dialect} disabled={options.format === 'lwp'} aria-describedby="dialect-help"
            onChange={(event) => { set('dialect', event.currentTarget.value as ExportDialect); }}>
            {/* LWP has no dialects: the disabled box names none. */}
            {options.format === 'lwp' && <option value="">—</option>}
            {DIALECTS.map((d) => <option key={d.value} value={d.value}>{d.label}</option>)}
          </select>
        </label>
        <label><span>Source</span>
          <select name="source" value={options.source} onChange={(event) => { set('source', event.currentTarget.value as CookieSource); }}>
            <option value="jar">The jar (policy applied)</option>
            <option value="browser">The browser’s store</option>
          </select>
        </label>
        <label><span>Scope</span>
          <select name="scope" value={options.site === null ? 'all' : 'site'} onChange={(event) => { set('site', event.currentTarget.value === 'all' ? null : site); }}>
            <option value="site" disabled={site === null}>{site === null ? 'This site' : `This site (${site})`}</option>
            <option value="all">Everything</option>
          </select>
        </label>
        <label class="check"><input type="checkbox" name="includeSession" checked={options.includeSession}
          onChange={(event) => { set('includeSession', event.currentTarget.checked); }} /> Include session cookies</label>
        <label class="check"><input type="checkbox" name="includeExpired" checked={options.includeExpired}
          onChange={(event) => { set('includeExpired', event.currentTarget.checked); }} /> Include expired cookies</label>
      </div>
      <p class="help" id="dialect-help">
        {options.format === 'lwp'
          ? 'For Python’s LWPCookieJar and Perl’s HTTP::Cookies.'
          : DIALECTS.find((d) => d.value === options.dialect)?.help}
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
            <span data-testid="export-count">{exported.count} cookies</span>
            <label class="inline grow"><span>File name</span>
              <input type="text" value={filename} onInput={(event) => { setFilename(event.currentTarget.value); }} />
            </label>
            <button type="button" class="primary" onClick={save}>Save file</button>
            <button type="button" onClick={copy}>Copy</button>
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
