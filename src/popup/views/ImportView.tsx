// Import: a cookies.txt or LWP file into the jar. A file that does not load changes nothing, and
// the error names its line.
import type { ComponentChildren, JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { ExportFormat, PopupApi } from '../model';
import { Notice, errorMessage } from '../components/common';
import { CookieText } from '../components/CookieText';
import { MESSAGE_LIMIT } from '../display';

export function ImportView({ api }: { api: PopupApi }): JSX.Element {
  const [format, setFormat] = useState<ExportFormat>('mozilla');
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: ComponentChildren } | null>(null);

  const pick = async (file: File | undefined) => {
    if (file === undefined) return;
    const content = await file.text();
    setText(content);
    if (/^#LWP-Cookies-/m.test(content)) setFormat('lwp');
    else if (/^#( Netscape)? HTTP Cookie File/m.test(content)) setFormat('mozilla');
    setNotice(null);
  };

  const load = () => {
    api.importJar(text, format).then(
      (result) => { setNotice({ kind: 'ok', text: `Imported ${result.imported} cookies into the jar.` }); },
      (error: unknown) => {
        const name = error instanceof Error ? error.name : '';
        // The message can quote a whole line of the file: cut, and isolated like any cookie text.
        setNotice({ kind: 'error', text: <>{name === 'LoadError' ? 'The file does not load' : 'Import failed'}: <CookieText text={errorMessage(error)} limit={MESSAGE_LIMIT} /> Nothing was changed.</> });
      },
    );
  };

  return (
    <section class="view" aria-labelledby="import-heading">
      <h2 id="import-heading">Import</h2>
      <div class="form-grid">
        <label><span>Format</span>
          <select name="import-format" value={format} onChange={(event) => { setFormat(event.currentTarget.value as ExportFormat); }}>
            <option value="mozilla">cookies.txt (Netscape/Mozilla)</option>
            <option value="lwp">LWP (Set-Cookie3)</option>
          </select>
        </label>
        <label><span>File</span>
          <input type="file" accept=".txt,.lwp,text/plain" onChange={(event) => { void pick(event.currentTarget.files?.[0]); }} />
        </label>
      </div>
      <label class="preview"><span>Or paste the file</span>
        <textarea rows={10} spellcheck={false} value={text} data-testid="import-text"
          placeholder={'# Netscape HTTP Cookie File\n.example.com\tTRUE\t/\tFALSE\t0\tname\tvalue'}
          onInput={(event) => { setText(event.currentTarget.value); setNotice(null); }} />
      </label>
      <div class="actions">
        <button type="button" class="primary" disabled={text.trim() === ''} onClick={load}>Import into the jar</button>
      </div>
      {notice !== null && <Notice kind={notice.kind}>{notice.text}</Notice>}
    </section>
  );
}
