// Policy: every DefaultCookiePolicy switch with what it does, the domain lists, the presets, and a
// replay of the recorded traffic under the edited policy before it is applied; applying can also
// re-judge what the jar already holds.
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PolicyView as Policy, PopupApi, ReplayedLine, ReplayView } from '../model';
import { MAX_COOKIES_RANGE, PRESETS, PRESET_NAMES, applyPreset, checkDomainEntry, presetOf } from '../../shared/settings';
import { groupReplayed } from '../decisions';
import { countOf } from '../format';
import { Badge, Notice, Status, errorMessage, useLoad, type Loadable } from '../components/common';
import { CookieText } from '../components/CookieText';
import { MESSAGE_LIMIT } from '../display';

type BooleanSwitch = 'netscape' | 'rfc2965' | 'hideCookie2' | 'strictDomain' | 'strictRfc2965Unverifiable'
  | 'strictNsUnverifiable' | 'strictNsSetInitialDollar' | 'strictNsSetPath';
type KeepSwitch = 'mirrorIncognito' | 'persistJar' | 'followBrowserClears' | 'compareSentHeaders';

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

/** What the extension keeps, and where (docs/background.md, "What is written where"), and what it does beyond mirroring. */
const KEEPING: { key: KeepSwitch; label: string; help: string }[] = [
  { key: 'mirrorIncognito', label: 'Mirror incognito windows', help: 'Also mirror incognito traffic (with “Allow in Incognito” on), into a separate jar kept in memory only: nothing of it is ever written anywhere.' },
  { key: 'persistJar', label: 'Keep the jar across browser restarts', help: 'Cookie values are then stored unencrypted on disk (storage.local), outside the browser’s encrypted cookie database. Session cookies are never written to disk. Off: the jar lives in memory and ends with the browser session.' },
  { key: 'followBrowserClears', label: 'Follow the browser’s clears', help: 'When you clear cookies in the browser (a site’s data, or browsing data), remove the same cookies from the jar.' },
  { key: 'compareSentHeaders', label: 'Compare the Cookie headers sent', help: 'Record, for every request, the Cookie header the browser sends beside the one the jar would send. It costs every page load about 5 to 10% more time: the browser then hands the extension every request’s headers before sending it. Off: nothing of the sort is recorded, and nothing else depends on it.' },
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
  const [state] = useLoad(() => api.getPolicy(), [api]);
  return (
    <section class="view" aria-labelledby="policy-heading">
      <h2 id="policy-heading">Policy</h2>
      <Status state={state}>{(loaded) => <PolicyEditor api={api} loaded={loaded} site={site} />}</Status>
    </section>
  );
}

const APPLIED = 'Policy applied: new cookies are judged by it from now on.';
const REJUDGED = 'Policy applied, and the jar rebuilt by replaying the recorded traffic under it.';

/** The draft and the policy in force; applying makes the draft the policy in force, in place (nothing jumps, the message stays in view). */
function PolicyEditor({ api, loaded, site }: { api: PopupApi; loaded: Policy; site: string | null }): JSX.Element {
  const [current, setCurrent] = useState<Policy>(loaded);
  const [draft, setDraft] = useState<Policy>(loaded);
  const [rejudge, setRejudge] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
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
    api.setPolicy(draft, rejudge ? { replaceJar: true } : {}).then(
      (stored) => { setCurrent(stored); setDraft(stored); setReplay(null); setNotice({ kind: 'ok', text: rejudge ? REJUDGED : APPLIED }); },
      (error: unknown) => { setNotice({ kind: 'error', text: errorMessage(error) }); },
    );
  };
  const preset = presetOf(draft);

  return (
    <>
      <fieldset class="presets" role="radiogroup" aria-labelledby="presets-legend" aria-describedby="presets-help">
        <legend id="presets-legend">Preset</legend>
        <p class="help" id="presets-help">A preset sets every switch below at once, replacing the others; the domain lists and what the extension keeps stay as they are.</p>
        {PRESET_NAMES.map((name) => (
          <label class="preset" key={name}>
            <input type="radio" name="preset" checked={preset === name} aria-describedby={`preset-help-${name.replace(/\s+/g, '-')}`}
              onChange={() => { update(applyPreset(draft, name)); }} />
            <span class="preset-name">{name}</span>
            <span class="help" id={`preset-help-${name.replace(/\s+/g, '-')}`}>{PRESET_HELP[name]}</span>
          </label>
        ))}
        <label class="preset">
          <input type="radio" name="preset" checked={preset === null} disabled />
          <span class="preset-name">Custom</span>
          <span class="help">The switches as you set them, matching no preset.</span>
        </label>
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
        <legend>What the extension keeps and does</legend>
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
      {replay?.status === 'loading' && <p class="empty" role="status">Replaying…</p>}
      {replay?.status === 'error' && <p class="error" role="alert"><CookieText text={replay.message} limit={MESSAGE_LIMIT} /></p>}
      {replay?.status === 'ready' && <ReplayResult replay={replay.value} />}
      {/* Stays at the bottom of the view while it scrolls: the buttons and what they answered are always in sight. */}
      <div class="actions sticky">
        <div class="buttons">
          <button type="button" onClick={runReplay}>Replay recorded traffic</button>
          <button type="button" class="primary" disabled={!changed} onClick={apply}>Apply policy</button>
          <button type="button" disabled={!changed} onClick={() => { update(current); }}>Undo changes</button>
          {changed && <span class="help">Not applied yet.</span>}
        </div>
        <label class="rejudge">
          <input type="checkbox" checked={rejudge} aria-describedby={rejudge ? 'help-rejudge' : undefined} title="Rebuilds the jar by replaying the recorded traffic under the new policy" onChange={(event) => { setRejudge(event.currentTarget.checked); }} />
          Apply to what is already in the jar too
        </label>
        {/* What it costs, said when it is chosen: the bar stays small otherwise. */}
        {rejudge && <span class="help" id="help-rejudge">Rebuilds the jar by replaying the recorded traffic under the new policy: cookies it refuses leave the jar, and so do cookies that came from an import or from traffic older than the log keeps.</span>}
        {notice !== null && <Notice kind={notice.kind}><CookieText text={notice.text} limit={MESSAGE_LIMIT} /></Notice>}
      </div>
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
  const section = useRef<HTMLElement>(null);
  // The result appears below the form: bring it into view (the buttons stay in the sticky bar).
  useEffect(() => { section.current?.scrollIntoView({ block: 'nearest' }); }, [replay]);
  const refused = groupReplayed(replay.newlyRefused);
  const accepted = groupReplayed(replay.newlyAccepted);
  return (
    <section class="replay" aria-labelledby="replay-heading" data-testid="replay-result" ref={section}>
      <h3 id="replay-heading">
        Replayed {countOf(replay.replayed, 'recorded Set-Cookie line')}: this policy would refuse {replay.newlyRefused.length.toLocaleString('en')} that the current one accepted
        {replay.newlyAccepted.length > 0 ? `, and accept ${replay.newlyAccepted.length.toLocaleString('en')} it refused` : ''}.
      </h3>
      {replay.skipped > 0 && <p class="help">{countOf(replay.skipped, 'recorded response')} could not be replayed: the log keeps only the start of their URL or of a line.</p>}
      {refused.length > 0 && <ReplayTable label="Cookies the new policy would refuse" kind="refused" groups={refused} />}
      {accepted.length > 0 && <ReplayTable label="Cookies the new policy would accept" kind="accepted" groups={accepted} />}
    </section>
  );
}

/** One row per line, host and rule: a session sets the same cookie on every page, and each response counts once in "Times". */
function ReplayTable({ label, kind, groups }: { label: string; kind: 'refused' | 'accepted'; groups: { first: ReplayedLine; host: string; count: number }[] }): JSX.Element {
  return (
    <table aria-label={label}>
      <caption>{label} ({countOf(groups.length, 'distinct line')})</caption>
      <thead><tr><th scope="col">Host</th><th scope="col">Set-Cookie</th><th scope="col" class="times">Times</th><th scope="col">{kind === 'refused' ? 'Rule and reason' : 'Outcome'}</th></tr></thead>
      <tbody>
        {groups.map(({ first, host, count }, index) => (
          <tr key={index} data-testid={`replay-${kind}`}>
            <td><CookieText text={host} /></td>
            <td class="mono"><CookieText text={first.line} /></td>
            <td class="times" data-testid="replay-times">{count === 1 ? '1' : `×${count.toLocaleString('en')}`}</td>
            <td>
              {kind === 'refused'
                ? <><Badge kind="refused">{first.rule ?? 'refused'}</Badge> <CookieText text={first.reason ?? ''} limit={MESSAGE_LIMIT} /></>
                : <Badge kind="accepted">accepted</Badge>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
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
