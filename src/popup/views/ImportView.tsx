// Import: a cookie text (a file chosen or pasted: cookies.txt of any dialect, LWP, Cookie-Editor or
// EditThisCookie JSON, a Cookie header for a URL) into the browser's store or the jar. The format is
// told by the text; a preview shows each cookie with what the browser will do and why (the browser
// model) before anything is written; then all or nothing, undoable. Errors name the line.
import type { ComponentChildren, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ChangeSummary, ImportPreview, ImportRequest, PopupApi, TabContext } from '../model';
import type { CookieFileFormat, ImportAction, ImportPreviewRow, ImportTarget } from '../../shared/protocol';
import { Badge, Notice, errorMessage, nothingChangedUnlessSaid } from '../components/common';
import { CookieText } from '../components/CookieText';
import { VirtualList } from '../components/VirtualList';
import { useNarrow } from '../layout';
import { MESSAGE_LIMIT } from '../display';
import { plural } from '../../shared/words';
import { storeLabel } from './site/words';

const FORMATS: { value: CookieFileFormat | 'detect'; label: string }[] = [
  { value: 'detect', label: 'Tell from the text' },
  { value: 'mozilla', label: 'cookies.txt (Netscape/Mozilla, any dialect)' },
  { value: 'lwp', label: 'LWP (Set-Cookie3)' },
  { value: 'json', label: 'JSON (Cookie-Editor, EditThisCookie)' },
  { value: 'header', label: 'Cookie header (for a URL)' },
];
const FORMAT_NAMES: Record<CookieFileFormat, string> = { mozilla: 'cookies.txt', lwp: 'LWP', json: 'JSON', header: 'a Cookie header' };
const ACTION_LABELS: Record<ImportAction, string> = { add: 'new', replace: 'replaces', same: 'already there', refused: 'refused', expired: 'expired' };
const ACTION_BADGE: Record<ImportAction, string> = { add: 'accepted', replace: 'accepted', same: 'both', refused: 'refused', expired: 'expired' };
const COLUMNS = '92px minmax(70px,1fr) minmax(70px,1fr) minmax(90px,1.1fr) minmax(40px,.5fr) minmax(120px,2fr)';
/** A side panel (360 px): what, name, value, domain; the active row's why is the line under the grid. */
const NARROW_COLUMNS = '92px minmax(56px,1fr) minmax(56px,1fr) minmax(64px,1fr)';

function urlOf(tab: TabContext | undefined): string {
  return tab?.url !== undefined && tab.url !== null && /^https?:/.test(tab.url) ? tab.url : '';
}

export function ImportView({ api, tab }: { api: PopupApi; tab?: TabContext | undefined }): JSX.Element {
  const store = storeLabel(tab);
  const [target, setTarget] = useState<ImportTarget>('browser');
  const [format, setFormat] = useState<CookieFileFormat | 'detect'>('detect');
  const [url, setUrl] = useState(urlOf(tab));
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<{ value: ImportPreview } | { error: string; line?: number | undefined } | null>(null);
  const [active, setActive] = useState(0);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: ComponentChildren; change?: ChangeSummary | null } | null>(null);
  const [busy, setBusy] = useState(false);

  const request = (): ImportRequest => ({
    text, target, ...(format === 'detect' ? {} : { format }), ...(url.trim() === '' ? {} : { url: url.trim() }),
    ...(tab?.cookieStoreId === undefined || target === 'jar' ? {} : { storeId: tab.cookieStoreId }),
  });

  // The preview follows the text, the format, the URL and the target, a moment after the last change.
  useEffect(() => {
    if (text.trim() === '') { setPreview(null); return undefined; }
    let live = true;
    const timer = setTimeout(() => {
      api.previewImport(request()).then(
        (value) => { if (live) { setPreview({ value }); setActive(0); } },
        (error: unknown) => { if (live) setPreview({ error: errorMessage(error), line: (error as { lineNumber?: number }).lineNumber }); },
      );
    }, 200);
    return () => { live = false; clearTimeout(timer); };
  }, [api, text, target, format, url]);

  const pick = async (file: File | undefined) => {
    if (file === undefined) return;
    setText(await file.text());
    setNotice(null);
  };

  const where = target === 'jar' ? 'the jar' : store;
  const ready = preview !== null && 'value' in preview ? preview.value : null;
  const toApply = ready === null ? 0 : ready.counts.add + ready.counts.replace;

  const apply = () => {
    setBusy(true);
    api.importCookies(request()).then(
      (result) => {
        setBusy(false);
        const parts = [result.replaced > 0 ? plural(result.replaced, 'replaced a cookie', 'replaced cookies') : '', result.unchanged > 0 ? `${plural(result.unchanged, 'was', 'were')} already there` : '',
          result.refused > 0 ? `${plural(result.refused, 'cookie')} the browser would refuse left out` : '', result.expired > 0 ? `${plural(result.expired, 'expired cookie')} left out` : ''].filter((p) => p !== '');
        setNotice({ kind: 'ok', text: `Imported ${plural(result.added + result.replaced, 'cookie')} into ${where}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}.`, change: result.change });
        setText('');
      },
      (error: unknown) => {
        setBusy(false);
        setNotice({ kind: 'error', text: <>Import failed: <CookieText text={errorMessage(error)} limit={MESSAGE_LIMIT} />{nothingChangedUnlessSaid(errorMessage(error))}</> });
      },
    );
  };

  const undo = () => {
    api.undo().then((undone) => { setNotice({ kind: 'ok', text: <>Undid: <CookieText text={undone.undone.label} />.</> }); }, (error: unknown) => {
      setNotice({ kind: 'error', text: <CookieText text={errorMessage(error)} limit={MESSAGE_LIMIT} /> });
    });
  };

  return (
    <section class="view" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <div class="form-grid">
        <label><span>Into</span>
          <select name="import-target" value={target} onChange={(event) => { setTarget(event.currentTarget.value as ImportTarget); }}>
            <option value="browser">{store.replace(/^the b/, 'The b')}</option>
            <option value="jar">The jar (the policy’s simulation)</option>
          </select>
        </label>
        <label><span>Format</span>
          <select name="import-format" value={format} onChange={(event) => { setFormat(event.currentTarget.value as CookieFileFormat | 'detect'); }}>
            {FORMATS.map((f) => <option key={f.value} value={f.value}>{f.label}</option>)}
          </select>
        </label>
        <label><span>File</span>
          <input type="file" accept=".txt,.lwp,.json,text/plain,application/json" onChange={(event) => { void pick(event.currentTarget.files?.[0]); }} />
        </label>
        <label><span>URL (for a Cookie header)</span>
          <input type="url" name="import-url" value={url} placeholder="https://www.example.com/" onInput={(event) => { setUrl(event.currentTarget.value); }} />
        </label>
      </div>
      <label class="preview"><span>Or paste the text</span>
        <textarea rows={6} spellcheck={false} value={text} data-testid="import-text"
          placeholder={'# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\tname\tvalue\n\nor LWP, Cookie-Editor JSON, or: Cookie: a=1; b=2'}
          onInput={(event) => { setText(event.currentTarget.value); setNotice(null); }} />
      </label>
      {preview !== null && 'error' in preview && (
        <p class="error" role="alert" data-testid="import-error"><CookieText text={preview.error} limit={MESSAGE_LIMIT} /></p>
      )}
      {ready !== null && <PreviewTable preview={ready} where={where} active={active} onActive={setActive} />}
      <div class="actions">
        <button type="button" class="primary" disabled={busy || toApply === 0} onClick={apply}>
          {toApply === 0 ? `Import into ${where}` : `Import ${plural(toApply, 'cookie')} into ${where}`}
        </button>
        {notice?.change !== undefined && notice.change !== null && <button type="button" onClick={undo}>Undo the import</button>}
      </div>
      {notice !== null && <Notice kind={notice.kind}>{notice.text}</Notice>}
    </section>
  );
}

function PreviewTable({ preview, where, active, onActive }: { preview: ImportPreview; where: string; active: number; onActive: (index: number) => void }): JSX.Element {
  const { counts } = preview;
  const summary = [counts.add > 0 ? `${counts.add.toLocaleString('en')} new` : '', counts.replace > 0 ? plural(counts.replace, 'replaces a cookie', 'replace cookies') : '',
    counts.same > 0 ? `${counts.same.toLocaleString('en')} already there` : '', counts.refused > 0 ? `${plural(counts.refused, 'cookie')} the browser would refuse` : '',
    counts.expired > 0 ? `${counts.expired.toLocaleString('en')} expired (left out)` : ''].filter((p) => p !== '');
  const row = preview.rows[active];
  const narrow = useNarrow();
  return (
    <section class="import-preview" aria-label="Preview">
      <p class="help" data-testid="import-summary">
        Read as {FORMAT_NAMES[preview.format]} ({preview.formatReason}): {plural(preview.rows.length, 'cookie')}{summary.length > 0 ? ` — ${summary.join(', ')}` : ''}.
        {preview.format === 'header' && ` The cookies become host-only session cookies of the URL's host, path /.`}
      </p>
      {preview.warnings.length > 0 && (
        <div class="notice notice-warn" role="status" aria-label="Warnings">
          <ul>{preview.warnings.map((w) => <li key={w} data-testid="import-warning"><CookieText text={w} limit={MESSAGE_LIMIT} expandable /></li>)}</ul>
        </div>
      )}
      {preview.problems.length > 0 && (
        <div class="notice notice-warn" role="status" aria-label="Lines left out">
          <strong>Left out, not cookies:</strong>
          <ul>{preview.problems.slice(0, 20).map((p) => <li key={p.line} data-testid="import-problem">Line {p.line}: <CookieText text={p.message} limit={MESSAGE_LIMIT} /></li>)}</ul>
          {preview.problems.length > 20 && <p>… and {plural(preview.problems.length - 20, 'other line')}.</p>}
        </div>
      )}
      {counts.expired === preview.rows.length && preview.rows.length > 0 && (
        <p class="error" role="alert">Every cookie of the text has expired: there is nothing to import into {where}.</p>
      )}
      {preview.rows.length > 0 && (
        <VirtualList
          items={preview.rows}
          rowHeight={26}
          fallbackHeight={160}
          label="The cookies of the text and what importing does with each"
          idPrefix="import"
          columns={narrow ? NARROW_COLUMNS : COLUMNS}
          activeIndex={Math.min(active, preview.rows.length - 1)}
          onActiveChange={onActive}
          rowKey={(r: ImportPreviewRow) => `${r.cookie.domain}\t${r.cookie.path}\t${r.cookie.name}\t${r.cookie.partitionKey?.topLevelSite ?? ''}`}
          header={(narrow ? ['What', 'Name', 'Value', 'Domain'] : ['What', 'Name', 'Value', 'Domain', 'Path', 'Why']).map((label) => <div role="columnheader" key={label}>{label}</div>)}
          renderRow={(r: ImportPreviewRow) => (
            <>
              <div role="gridcell" data-testid="import-action"><Badge kind={ACTION_BADGE[r.action]}>{ACTION_LABELS[r.action]}</Badge></div>
              <div role="gridcell" class="mono" data-testid="import-name"><CookieText text={r.cookie.name} /></div>
              <div role="gridcell" class="mono"><CookieText text={r.cookie.value} /></div>
              <div role="gridcell"><CookieText text={r.cookie.domain} /></div>
              {!narrow && <div role="gridcell"><CookieText text={r.cookie.path} /></div>}
              {!narrow && <div role="gridcell"><CookieText text={r.reasons.length > 0 ? `${r.reasons.join(', ')}: ${r.sentence}` : r.sentence} /></div>}
            </>
          )}
        />
      )}
      {row !== undefined && (
        <p class="help" data-testid="import-why"><CookieText text={row.cookie.name} />: <CookieText text={row.sentence} limit={MESSAGE_LIMIT} expandable />
          {row.reasons.length > 0 && <span class="reasons"> ({row.reasons.join(', ')})</span>}</p>
      )}
    </section>
  );
}
