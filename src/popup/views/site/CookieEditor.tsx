// Edit or create one cookie of the browser's store: every attribute, the browser model's verdict as
// you type (would the browser store it, and why not), then save and see what the browser stored.
import type { JSX } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { AppliedView, BrowserCookieCheck, BrowserCookieInput, CookieIdentity, PopupApi } from '../../model';
import type { SameSiteStatus } from '../../../shared/protocol';
import { CookieText } from '../../components/CookieText';
import { errorMessage, nothingChangedUnlessSaid } from '../../components/common';
import { MESSAGE_LIMIT } from '../../display';

/** The form's fields, as text where the user types text. */
interface Fields {
  name: string;
  value: string;
  domain: string;
  hostOnly: boolean;
  path: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite: SameSiteStatus;
  session: boolean;
  /** `YYYY-MM-DDTHH:MM:SS`, UTC (a datetime-local input). */
  expires: string;
  partitioned: boolean;
  topLevelSite: string;
  /** Kept as the cookie had it (the form does not edit it). */
  hasCrossSiteAncestor: boolean | undefined;
}

const SAME_SITE_LABELS: [SameSiteStatus, string][] = [
  ['unspecified', 'Not set (the browser treats it as Lax)'], ['lax', 'Lax'], ['strict', 'Strict'], ['no_restriction', 'None (needs Secure)'],
];

/** A date for a datetime-local input, in UTC, to the second. */
export function utcInputValue(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000).toISOString().slice(0, 19);
}

function fieldsOf(cookie: BrowserCookieInput, defaultTopLevelSite: string): Fields {
  return {
    name: cookie.name, value: cookie.value, domain: cookie.domain.replace(/^\./, ''), hostOnly: cookie.hostOnly, path: cookie.path,
    secure: cookie.secure, httpOnly: cookie.httpOnly, sameSite: cookie.sameSite,
    session: cookie.expirationDate === undefined,
    // A new expiry defaults to 30 days from now.
    expires: utcInputValue(cookie.expirationDate ?? Date.now() / 1000 + 30 * 86400),
    partitioned: cookie.partitionKey !== undefined, topLevelSite: cookie.partitionKey?.topLevelSite ?? defaultTopLevelSite,
    hasCrossSiteAncestor: cookie.partitionKey?.hasCrossSiteAncestor,
  };
}

/** The cookie the fields describe, or what is wrong with them. */
function inputOf(fields: Fields): { cookie: BrowserCookieInput } | { problem: string } {
  const domain = fields.domain.trim();
  if (domain === '') return { problem: 'Give the cookie a domain (the host it belongs to).' };
  let expirationDate: number | undefined;
  if (!fields.session) {
    const ms = Date.parse(`${fields.expires}Z`);
    if (Number.isNaN(ms)) return { problem: 'Give an expiry date and time (UTC), or make it a session cookie.' };
    expirationDate = ms / 1000;
  }
  return {
    cookie: {
      name: fields.name, value: fields.value, domain, hostOnly: fields.hostOnly, path: fields.path,
      secure: fields.secure, httpOnly: fields.httpOnly, sameSite: fields.sameSite,
      ...(expirationDate === undefined ? {} : { expirationDate }),
      ...(fields.partitioned ? {
        partitionKey: { topLevelSite: fields.topLevelSite.trim(), ...(fields.hasCrossSiteAncestor === undefined ? {} : { hasCrossSiteAncestor: fields.hasCrossSiteAncestor }) },
      } : {}),
    },
  };
}

export interface CookieEditorProps {
  api: PopupApi;
  /** The cookie to start from: the one edited, or a new one's defaults. */
  initial: BrowserCookieInput;
  /** Editing: the cookie the form started from (saving removes it when name, domain, path or partition changed). */
  replaces?: CookieIdentity | undefined;
  storeId?: string | undefined;
  /** Which store the save changes, as the button and the heading say it. */
  storeLabel: string;
  /** The partition a new partitioned cookie gets (the tab's site, https). */
  defaultTopLevelSite: string;
  onApplied: (applied: AppliedView) => void;
  onCancel: () => void;
}

export function CookieEditor(props: CookieEditorProps): JSX.Element {
  const { api, replaces, storeId } = props;
  const [fields, setFields] = useState<Fields>(() => fieldsOf(props.initial, props.defaultTopLevelSite));
  const [check, setCheck] = useState<{ for: string; result: BrowserCookieCheck | { error: string } } | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const parsed = useMemo(() => inputOf(fields), [fields]);
  const key = 'cookie' in parsed ? JSON.stringify(parsed.cookie) : '';

  // The browser model's verdict, asked again a moment after the last keystroke.
  useEffect(() => {
    if (!('cookie' in parsed)) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      api.checkBrowserCookie(parsed.cookie, replaces, storeId).then(
        (result) => { if (live) setCheck({ for: key, result }); },
        (error: unknown) => { if (live) setCheck({ for: key, result: { error: errorMessage(error) } }); },
      );
    }, 150);
    return () => { live = false; clearTimeout(timer); };
  }, [api, key]);

  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => { setFields({ ...fields, [name]: value }); setFailure(null); };
  const current = check !== null && check.for === key ? check.result : null;
  const verdict = current !== null && 'ok' in current ? current : null;

  const save = () => {
    if (!('cookie' in parsed)) return;
    setSaving(true);
    api.setBrowserCookie(parsed.cookie, replaces, storeId).then(
      (applied) => { setSaving(false); props.onApplied(applied); },
      (error: unknown) => { setSaving(false); setFailure(errorMessage(error)); },
    );
  };

  const creating = replaces === undefined;
  const id = (name: string) => `cookie-editor-${name}`;
  return (
    <section class="details editor" aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>{creating ? 'New cookie' : 'Edit cookie'} in {props.storeLabel}</h3>
      <div class="form-grid editor-grid">
        <label><span>Name</span><input type="text" spellcheck={false} value={fields.name} onInput={(e) => { set('name', e.currentTarget.value); }} /></label>
        <label class="wide"><span>Value</span><textarea rows={2} spellcheck={false} value={fields.value} onInput={(e) => { set('value', e.currentTarget.value); }} /></label>
        <label><span>Domain</span><input type="text" spellcheck={false} value={fields.domain} onInput={(e) => { set('domain', e.currentTarget.value); }} /></label>
        <label><span>Sent to</span>
          <select value={fields.hostOnly ? 'host' : 'domain'} onChange={(e) => { set('hostOnly', e.currentTarget.value === 'host'); }}>
            <option value="host">This host only (host-only)</option>
            <option value="domain">The domain and its subdomains</option>
          </select>
        </label>
        <label><span>Path</span><input type="text" spellcheck={false} value={fields.path} onInput={(e) => { set('path', e.currentTarget.value); }} /></label>
        <label><span>SameSite</span>
          <select value={fields.sameSite} onChange={(e) => { set('sameSite', e.currentTarget.value as SameSiteStatus); }}>
            {SAME_SITE_LABELS.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
          </select>
        </label>
        <label class="check"><input type="checkbox" checked={fields.secure} onChange={(e) => { set('secure', e.currentTarget.checked); }} /> Secure (HTTPS only)</label>
        <label class="check"><input type="checkbox" checked={fields.httpOnly} onChange={(e) => { set('httpOnly', e.currentTarget.checked); }} /> HttpOnly (hidden from scripts)</label>
        <label class="check"><input type="checkbox" checked={fields.session} onChange={(e) => { set('session', e.currentTarget.checked); }} /> Session cookie (ends with the browser session)</label>
        <label><span>Expires (UTC)</span>
          <input type="datetime-local" step={1} disabled={fields.session} value={fields.expires} onInput={(e) => { set('expires', e.currentTarget.value); }} />
        </label>
        <label class="check"><input type="checkbox" checked={fields.partitioned} onChange={(e) => { set('partitioned', e.currentTarget.checked); }} /> Partitioned (CHIPS)</label>
        <label><span>Top-level site</span>
          <input type="text" spellcheck={false} disabled={!fields.partitioned} value={fields.topLevelSite} onInput={(e) => { set('topLevelSite', e.currentTarget.value); }} />
        </label>
      </div>
      <div class="verdict" role="status" data-testid="editor-verdict">
        {'problem' in parsed ? <span class="error">{parsed.problem}</span>
          : current === null ? <span class="help">Asking the browser model…</span>
          : 'error' in current ? <span class="error"><CookieText text={current.error} limit={MESSAGE_LIMIT} /></span>
          : <Verdict check={current} />}
      </div>
      {failure !== null && <div class="notice notice-error" role="alert"><CookieText text={failure} limit={MESSAGE_LIMIT} />{nothingChangedUnlessSaid(failure)}</div>}
      <div class="actions">
        <button type="button" class="primary" disabled={saving || verdict?.ok !== true} onClick={save}>
          {creating ? 'Create' : 'Save'} in {props.storeLabel}
        </button>
        <button type="button" onClick={props.onCancel}>Cancel</button>
      </div>
    </section>
  );
}

function Verdict({ check }: { check: BrowserCookieCheck }): JSX.Element {
  if (!check.ok) {
    return (
      <span class="refused">
        <strong>The browser would refuse it:</strong> <CookieText text={check.sentence} limit={MESSAGE_LIMIT} expandable />{' '}
        <span class="reasons">({check.reasons.join(', ')})</span>
      </span>
    );
  }
  return (
    <span class="accepted">
      <strong>{check.outcome === 'deleted' ? 'The browser will delete the cookie: its expiry is in the past.' : 'The browser will store it.'}</strong>
      {check.replaces !== null && check.outcome !== 'deleted' && ' It replaces the cookie of that name, domain and path.'}
      {check.notes.map((note) => <span key={note}> <CookieText text={note} limit={MESSAGE_LIMIT} /></span>)}
    </span>
  );
}
