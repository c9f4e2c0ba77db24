// Policy: every DefaultCookiePolicy switch with what it does, the domain lists, the presets, and a
// replay of the recorded traffic under the edited policy before it is applied.
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { hostOf } from '../../shared/urls';
import type { PolicyView as Policy, PopupApi, ReplayView } from '../model';
import { MAX_COOKIES_RANGE, PRESETS, PRESET_NAMES, applyPreset, checkDomainEntry } from '../../shared/settings';
import { Badge, Notice, Status, errorMessage, useLoad, type Loadable } from '../components/common';
import { CookieText } from '../components/CookieText';
import { MESSAGE_LIMIT } from '../display';

type BooleanSwitch = 'netscape' | 'rfc2965' | 'hideCookie2' | 'strictDomain' | 'strictRfc2965Unverifiable'
  | 'strictNsUnverifiable' | 'strictNsSetInitialDollar' | 'strictNsSetPath';
type KeepSwitch = 'mirrorIncognito' | 'persistJar' | 'followBrowserClears';

const SWITCHES: { key: BooleanSwitch; label: string; help: string }[] = [
  { key: 'netscape', label: 'netscape', help: 'Accept and send Netscape (version 0) cookies: nearly every cookie on the web.' },
  { key: 'rfc2965', label: 'rfc2965', help: 'Accept and send RFC 2965 cookies (Set-Cookie2, version 1).' },
  { key: 'hideCookie2', label: 'hideCookie2', help: 'Never add the Cookie2 header that tells a server RFC 2965 is understood.' },
  { key: 'strictDomain', label: 'strictDomain', help: 'Refuse domain cookies for two-part country domains such as .co.uk or .gov.uk.' },
  { key: 'strictRfc2965Unverifiable', label: 'strictRfc2965Unverifiable', help: 'Refuse RFC 2965 cookies from third-party (unverifiable) requests.' },
  { key: 'strictNsUnverifiable', label: 'strictNsUnverifiable', help: 'Refuse Netscape cookies from third-party (unverifiable) requests.' },
  { key: 'strictNsSetInitialDollar', label: 'strictNsSetInitialDollar', help: 'Ignore cookies whose name starts with “$”.' },
  { key: 'strictNsSetPath', label: 'strictNsSetPath', help: 'Refuse cookies whose Path does not path-match the request URL.' },
];

/** What the extension keeps, and where (docs/background.md, "What is written where"). */
const KEEPING: { key: KeepSwitch; label: string; help: string }[] = [
  { key: 'mirrorIncognito', label: 'Mirror incognito windows', help: 'Also mirror incognito traffic (with “Allow in Incognito” on), into a separate jar kept in memory only: nothing of it is ever written anywhere.' },
  { key: 'persistJar', label: 'Keep the jar across browser restarts', help: 'Cookie values are then stored unencrypted on disk (storage.local), outside the browser’s encrypted cookie database. Session cookies are never written to disk. Off: the jar lives in memory and ends with the browser session.' },
  { key: 'followBrowserClears', label: 'Follow the browser’s clears', help: 'When you clear cookies in the browser (a site’s data, or browsing data), remove the same cookies from the jar.' },
];

const PRESET_HELP: Record<keyof typeof PRESETS, string> = {
  'Python default': 'DefaultCookiePolicy() as Python builds it: Netscape cookies, liberal domain matching.',
  'Strict domains': 'DomainStrict, strictDomain, strictNsSetPath and strictNsSetInitialDollar on.',
  'No third-party': 'Refuse cookies set by third-party requests (strictNsUnverifiable, strictRfc2965Unverifiable).',
};

function samePolicy(a: Policy, b: Policy): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const DOMAIN_FLAGS: { bit: number; label: string; help: string }[] = [
  { bit: 1, label: 'DomainStrictNoDots', help: 'A host may not set a cookie for a domain above its parent (www.a.example.com cannot set .example.com).' },
  { bit: 2, label: 'DomainStrictNonDomain', help: 'Cookies set without a Domain are returned only to the exact host that set them.' },
  { bit: 4, label: 'DomainRFC2965Match', help: 'Setting a Netscape cookie needs a full RFC 2965 domain-match.' },
];

export function PolicyView({ api, site }: { api: PopupApi; site: string | null }): JSX.Element {
  const [state, reload] = useLoad(() => api.getPolicy(), [api]);
  // Kept here: applying reloads the policy, which starts a fresh editor.
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  return (
    <section class="view" aria-labelledby="policy-heading">
      <h2 id="policy-heading">Policy</h2>
      {/* Keyed by the stored policy: a newly loaded one starts a fresh draft. */}
      <Status state={state}>{(current) => <PolicyEditor key={JSON.stringify(current)} api={api} current={current} site={site} onApplied={reload} notice={notice} setNotice={setNotice} />}</Status>
    </section>
  );
}

interface EditorProps {
  api: PopupApi;
  current: Policy;
  site: string | null;
  onApplied: () => void;
  notice: { kind: 'ok' | 'error'; text: string } | null;
  setNotice: (notice: { kind: 'ok' | 'error'; text: string } | null) => void;
}

function PolicyEditor({ api, current, site, onApplied, notice, setNotice }: EditorProps): JSX.Element {
  const [draft, setDraft] = useState<Policy>(current);
  const [replay, setReplay] = useState<Loadable<ReplayView> | null>(null);
  const changed = !samePolicy(draft, current);
  const update = (next: Policy) => { setDraft(next); setReplay(null); setNotice(null); };

  const runReplay = () => {
    setReplay({ status: 'loading' });
    api.replay(draft).then(
      (value) => { setReplay({ status: 'ready', value }); },
      (error: unknown) => { setReplay({ status: 'error', message: errorMessage(error) }); },
    );
  };
  const apply = () => {
    api.setPolicy(draft).then(
      () => { setNotice({ kind: 'ok', text: 'Policy applied: new cookies are judged by it from now on.' }); setReplay(null); onApplied(); },
      (error: unknown) => { setNotice({ kind: 'error', text: errorMessage(error) }); },
    );
  };

  return (
    <>
      <fieldset>
        <legend>Presets</legend>
        <div class="presets">
          {PRESET_NAMES.map((name) => (
            <button type="button" key={name} title={PRESET_HELP[name]} aria-pressed={samePolicy(applyPreset(draft, name), draft)}
              onClick={() => { update(applyPreset(draft, name)); }}>
              {name}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Switches</legend>
        <ul class="switches">
          {SWITCHES.map(({ key, label, help }) => (
            <Switch key={key} id={key} label={<span class="mono">{label}</span>} help={help} checked={draft[key]}
              onChange={(checked) => { update({ ...draft, [key]: checked }); }} />
          ))}
          <li>
            <label>
              <span class="mono">rfc2109AsNetscape</span>{' '}
              <select aria-describedby="help-rfc2109" value={draft.rfc2109AsNetscape === null ? 'auto' : String(draft.rfc2109AsNetscape)}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  update({ ...draft, rfc2109AsNetscape: value === 'auto' ? null : value === 'true' });
                }}>
                <option value="auto">auto (Netscape when rfc2965 is off)</option>
                <option value="true">always Netscape</option>
                <option value="false">keep as RFC 2109</option>
              </select>
            </label>
            <span class="help" id="help-rfc2109">Whether RFC 2109 cookies (Set-Cookie with Version=1) are treated as Netscape ones.</span>
          </li>
          {DOMAIN_FLAGS.map(({ bit, label, help }) => (
            <li key={label}>
              <label>
                <input type="checkbox" checked={(draft.strictNsDomain & bit) !== 0} aria-describedby={`help-${label}`}
                  onChange={(event) => { update({ ...draft, strictNsDomain: event.currentTarget.checked ? draft.strictNsDomain | bit : draft.strictNsDomain & ~bit }); }} />
                <span class="mono">strictNsDomain: {label}</span>
              </label>
              <span class="help" id={`help-${label}`}>{help}</span>
            </li>
          ))}
          <li>
            <label>
              <span class="mono">secureProtocols</span>{' '}
              <input type="text" value={draft.secureProtocols.join(', ')} aria-describedby="help-secure"
                onChange={(event) => { update({ ...draft, secureProtocols: event.currentTarget.value.split(/[\s,]+/).filter((p) => p !== '') }); }} />
            </label>
            <span class="help" id="help-secure">The schemes over which Secure cookies are sent.</span>
          </li>
        </ul>
      </fieldset>
      <fieldset>
        <legend>What the extension keeps</legend>
        <ul class="switches">
          {KEEPING.map(({ key, label, help }) => (
            <Switch key={key} id={key} label={<span>{label}</span>} help={help} checked={draft[key]}
              onChange={(checked) => { update({ ...draft, [key]: checked }); }} />
          ))}
          <li>
            <label>
              <span>At most</span>{' '}
              <input type="number" min={MAX_COOKIES_RANGE.min} max={MAX_COOKIES_RANGE.max} step={100} value={draft.maxCookies} aria-describedby="help-maxCookies"
                onChange={(event) => {
                  const n = Number(event.currentTarget.value);
                  if (Number.isInteger(n) && n >= MAX_COOKIES_RANGE.min && n <= MAX_COOKIES_RANGE.max) update({ ...draft, maxCookies: n });
                }} />{' '}
              <span>cookies in the jar</span>
            </label>
            <span class="help" id="help-maxCookies">As browsers do: past it, the least recently set cookie of the site with the most cookies is evicted (and logged). A site keeps at most 180, a cookie at most 4,096 bytes of name and value.</span>
          </li>
        </ul>
      </fieldset>
      <DomainListEditor
        title="Blocked domains"
        help="Cookies from these domains are refused. “example.com” is that host; “.example.com” also every subdomain."
        domains={draft.blockedDomains}
        suggestion={site}
        onChange={(blockedDomains) => { update({ ...draft, blockedDomains }); }}
      />
      <fieldset>
        <legend>Allowed domains</legend>
        <label>
          <input type="checkbox" checked={draft.allowedDomains !== null}
            onChange={(event) => { update({ ...draft, allowedDomains: event.currentTarget.checked ? [] : null }); }} />
          Accept cookies only from the listed domains
        </label>
        {draft.allowedDomains !== null && (
          <DomainListEditor
            title="Allowed domains"
            help="Only these domains may set or receive cookies."
            domains={draft.allowedDomains}
            suggestion={site}
            bare
            onChange={(allowedDomains) => { update({ ...draft, allowedDomains }); }}
          />
        )}
      </fieldset>
      <div class="actions sticky">
        <button type="button" onClick={runReplay}>Replay recorded traffic</button>
        <button type="button" class="primary" disabled={!changed} onClick={apply}>Apply policy</button>
        <button type="button" disabled={!changed} onClick={() => { update(current); }}>Undo changes</button>
        {changed && <span class="help">Not applied yet.</span>}
      </div>
      {notice !== null && <Notice kind={notice.kind}><CookieText text={notice.text} limit={MESSAGE_LIMIT} /></Notice>}
      {replay?.status === 'loading' && <p class="empty" role="status">Replaying…</p>}
      {replay?.status === 'error' && <p class="error" role="alert"><CookieText text={replay.message} limit={MESSAGE_LIMIT} /></p>}
      {replay?.status === 'ready' && <ReplayResult replay={replay.value} />}
    </>
  );
}

/** One checkbox of a list, with its one-line help. */
function Switch({ id, label, help, checked, onChange }: { id: string; label: JSX.Element; help: string; checked: boolean; onChange: (checked: boolean) => void }): JSX.Element {
  return (
    <li>
      <label>
        <input type="checkbox" checked={checked} aria-describedby={`help-${id}`} onChange={(event) => { onChange(event.currentTarget.checked); }} />
        {label}
      </label>
      <span class="help" id={`help-${id}`}>{help}</span>
    </li>
  );
}

function ReplayResult({ replay }: { replay: ReplayView }): JSX.Element {
  return (
    <section class="replay" aria-labelledby="replay-heading" data-testid="replay-result">
      <h3 id="replay-heading">
        Replayed {replay.replayed} recorded Set-Cookie lines: this policy would refuse {replay.newlyRefused.length} that the current one accepted
        {replay.newlyAccepted.length > 0 ? `, and accept ${replay.newlyAccepted.length} it refused` : ''}.
      </h3>
      {replay.newlyRefused.length > 0 && (
        <table aria-label="Cookies the new policy would refuse">
          <thead><tr><th scope="col">Host</th><th scope="col">Set-Cookie</th><th scope="col">Rule</th><th scope="col">Reason</th></tr></thead>
          <tbody>
            {replay.newlyRefused.map((d, index) => (
              <tr key={index} data-testid="replay-refused">
                <td><CookieText text={hostOf(d.url) ?? d.url} /></td>
                <td class="mono"><CookieText text={d.line} /></td>
                <td class="mono"><Badge kind="refused">{d.rule ?? 'refused'}</Badge></td>
                <td><CookieText text={d.reason ?? ''} limit={MESSAGE_LIMIT} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DomainListEditor(props: { title: string; help: string; domains: string[]; suggestion: string | null; bare?: boolean; onChange(domains: string[]): void }): JSX.Element {
  const [entry, setEntry] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = props.title.toLowerCase().replace(/\s+/g, '-');
  const add = () => {
    const checked = checkDomainEntry(entry);
    if (!checked.ok) { setError(checked.message); return; }
    if (props.domains.includes(checked.domain)) { setError(`“${checked.domain}” is already in the list.`); return; }
    setError(null);
    setEntry('');
    props.onChange([...props.domains, checked.domain]);
  };
  const body = (
    <>
      <p class="help" id={`${id}-help`}>{props.help}</p>
      <ul class="domains" aria-label={props.title}>
        {props.domains.length === 0 && <li class="empty">None.</li>}
        {props.domains.map((domain) => (
          <li key={domain}>
            <span class="mono">{domain}</span>
            <button type="button" aria-label={`Remove ${domain} from ${props.title.toLowerCase()}`}
              onClick={() => { props.onChange(props.domains.filter((d) => d !== domain)); }}>Remove</button>
          </li>
        ))}
      </ul>
      <form class="toolbar" onSubmit={(event) => { event.preventDefault(); add(); }}>
        <label class="grow">
          <span class="sr-only">Add to {props.title.toLowerCase()}</span>
          <input type="text" value={entry} placeholder={props.suggestion ?? 'example.com or .example.com'}
            aria-describedby={`${id}-help${error === null ? '' : ` ${id}-error`}`} aria-invalid={error !== null}
            aria-label={`Add to ${props.title.toLowerCase()}`}
            onInput={(event) => { setEntry(event.currentTarget.value); setError(null); }} />
        </label>
        <button type="submit">Add</button>
      </form>
      {error !== null && <p class="error" role="alert" id={`${id}-error`}>{error}</p>}
    </>
  );
  return props.bare === true ? body : <fieldset><legend>{props.title}</legend>{body}</fieldset>;
}
