// The active cookie of the Site view: every attribute in the jar and in the browser's store side by
// side (the differences marked), and what can be done with it, each button naming its store.
import type { JSX } from 'preact';
import { formatDate, relativeTime } from '../../format';
import type { CookieNoteView, CookieView } from '../../model';
import type { CookieRow, Where } from '../../rows';
import { Badge } from '../../components/common';
import { CookieText } from '../../components/CookieText';
import { DETAIL_LIMIT, MESSAGE_LIMIT, escapedText } from '../../display';

export const WHERE_LABEL: Record<Where, string> = { both: 'jar + browser', jar: 'only in jar', browser: 'only in browser' };

interface Attribute {
  label: string;
  show: (cookie: CookieView) => string;
  /** The jar keeps it, the browser's store has no such field: the browser's column says so and it is never a difference. */
  jarOnly?: boolean;
  /** How the two stores' values are compared (default: as shown). */
  same?: (jar: CookieView, browser: CookieView) => boolean;
}

const ATTRIBUTES: Attribute[] = [
  { label: 'Name', show: (c) => c.name },
  { label: 'Value', show: (c) => c.value ?? '(none)' },
  { label: 'Domain', show: (c) => c.domain },
  { label: 'Kind', show: (c) => (c.hostOnly ? 'host-only (this host only)' : 'domain cookie (and its subdomains)') },
  { label: 'Path', show: (c) => c.path },
  { label: 'Secure', show: (c) => (c.secure ? 'yes (HTTPS only)' : 'no') },
  { label: 'HttpOnly', show: (c) => (c.httpOnly ? 'yes (hidden from scripts)' : 'no') },
  { label: 'SameSite', show: (c) => c.sameSite ?? '(not set)' },
  { label: 'Expires', show: (c) => (c.expires === null ? 'at the end of the session' : `${formatDate(c.expires)} (${expiryWords(c.expires)})`) },
  { label: 'Session', show: (c) => (c.expires === null ? 'yes' : 'no') },
  // Python's cookie version and port: the browser's store keeps neither (issue 11, defect 5).
  { label: 'Version', show: (c) => (c.version === null ? '(none)' : String(c.version)), jarOnly: true },
  { label: 'Port', show: (c) => c.port ?? '(any)', jarOnly: true },
  { label: 'Partition key', show: (c) => c.partitionKey ?? '(unpartitioned)' },
];

/** "in 3 days", or "expired 2 days ago". */
export function expiryWords(seconds: number, nowMs = Date.now()): string {
  return seconds * 1000 <= nowMs ? `expired ${relativeTime(seconds, nowMs)}` : relativeTime(seconds, nowMs);
}

export interface DetailActions {
  storeLabel: string;
  onEdit?: (() => void) | undefined;
  onAddToBrowser?: (() => void) | undefined;
  onCopyValue: () => void;
  onDeleteBrowser?: (() => void) | undefined;
  onDeleteJar?: (() => void) | undefined;
}

/** What the browser's refusal, or the policy's, or the cookie's history says about why it is in one store only. */
const NOTE_HEADING: Record<'jar' | 'browser', string> = { jar: 'Why only in the jar', browser: 'Why only in the browser' };

export function CookieDetails({ row, note, actions }: { row: CookieRow; note?: CookieNoteView | undefined; actions: DetailActions }): JSX.Element {
  return (
    <section class="details" aria-label={`Details of cookie ${escapedText(row.shown.name)}`}>
      {row.where !== 'both' && (
        <p class="cookie-note" data-testid="cookie-note" data-kind={note?.kind}>
          <strong>{NOTE_HEADING[row.where]}: </strong>
          {note === undefined ? <span class="muted">asking the extension…</span> : (
            <>
              {note.reasons.map((r) => <code key={r} class="rule">{r}</code>)}
              {note.rule !== null && <code class="rule">{note.rule}</code>}
              {(note.reasons.length > 0 || note.rule !== null) && ' '}<CookieText text={note.sentence} limit={MESSAGE_LIMIT} expandable />
            </>
          )}
        </p>
      )}
      <table>
        <thead>
          <tr><th scope="col">Attribute</th><th scope="col">In the jar</th><th scope="col">In the browser</th></tr>
        </thead>
        <tbody>
          {ATTRIBUTES.map(({ label, show, jarOnly }) => {
            const inJar = row.jar === undefined ? '—' : show(row.jar);
            const inBrowser = row.browser === undefined ? '—' : jarOnly === true ? '(the browser keeps none)' : show(row.browser);
            const differs = jarOnly !== true && row.jar !== undefined && row.browser !== undefined && inJar !== inBrowser;
            return (
              <tr key={label} class={differs ? 'differs' : undefined}>
                <th scope="row">{label}</th>
                <td class="mono"><CookieText text={inJar} limit={DETAIL_LIMIT} expandable /></td>
                <td class="mono"><CookieText text={inBrowser} limit={DETAIL_LIMIT} expandable /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="actions">
        <Badge kind={row.where}>{WHERE_LABEL[row.where]}</Badge>
        {actions.onEdit !== undefined && <button type="button" onClick={actions.onEdit}>Edit in {actions.storeLabel}</button>}
        {actions.onAddToBrowser !== undefined && <button type="button" onClick={actions.onAddToBrowser}>Add to {actions.storeLabel}</button>}
        <button type="button" onClick={actions.onCopyValue}>Copy value</button>
        {actions.onDeleteBrowser !== undefined && <button type="button" class="danger" onClick={actions.onDeleteBrowser}>Delete from {actions.storeLabel}</button>}
        {actions.onDeleteJar !== undefined && <button type="button" class="danger" onClick={actions.onDeleteJar}>Delete from the jar</button>}
      </div>
    </section>
  );
}
