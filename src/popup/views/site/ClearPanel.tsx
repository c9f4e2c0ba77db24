// What "Clear" clears, said exactly: the browser store's cookies of the site (every host of its
// registrable domain), the jar's too when chosen, as one undoable change; and, apart, the whole jar
// and the decision log (which cannot be undone, and say so).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { PopupApi, StoreCounts } from '../../model';
import { Status, useLoad } from '../../components/common';
import { plural } from '../../../shared/words';

export interface ClearPanelProps {
  api: PopupApi;
  /** The registrable domain whose cookies the view shows. */
  scope: string;
  /** The tab's host, to say that the site is more than it. */
  host: string | null;
  browserCount: number;
  jarCount: number;
  storeLabel: string;
  onClearSite: (options: { browser: boolean; jar: boolean }) => void;
  onClearedAll: (message: string) => void;
  onClose: () => void;
}

export function ClearPanel(props: ClearPanelProps): JSX.Element {
  const [browser, setBrowser] = useState(props.browserCount > 0);
  const [jar, setJar] = useState(false);
  const [confirm, setConfirm] = useState<'jar' | 'log' | null>(null);
  const [counts, reload] = useLoad(() => props.api.counts(), [props.api]);
  const { scope, host } = props;
  const hosts = host !== null && host !== scope ? `${host} and every other host of ${scope}` : `${scope} and its subdomains`;
  const what = [browser ? `${plural(props.browserCount, 'cookie')} from ${props.storeLabel}` : '', jar ? `${plural(props.jarCount, 'cookie')} from the jar` : '']
    .filter((part) => part !== '').join(' and ');

  const clearAll = (which: 'jar' | 'log', counted: StoreCounts) => {
    setConfirm(null);
    const work = which === 'jar' ? props.api.clearJar() : props.api.clearDecisions();
    void work.then(() => {
      props.onClearedAll(which === 'jar' ? `Cleared the whole jar (${plural(counted.jar, 'cookie')} of every site).` : `Cleared the decision log (${plural(counted.decisions, 'decision')}).`);
      reload();
    });
  };

  return (
    <section class="details clear-panel" aria-labelledby="clear-heading">
      <h3 id="clear-heading">Clear</h3>
      <fieldset>
        <legend>The cookies of {scope} ({hosts})</legend>
        <label class="check"><input type="checkbox" checked={browser} disabled={props.browserCount === 0} onChange={(e) => { setBrowser(e.currentTarget.checked); }} /> The {plural(props.browserCount, 'cookie')} in {props.storeLabel}</label>
        <label class="check"><input type="checkbox" checked={jar} disabled={props.jarCount === 0} onChange={(e) => { setJar(e.currentTarget.checked); }} /> The {plural(props.jarCount, 'cookie')} in the jar (the policy’s simulation)</label>
        <div class="actions">
          <button type="button" class="danger" disabled={what === ''} onClick={() => { props.onClearSite({ browser, jar }); }}>
            {what === '' ? 'Choose what to delete' : `Delete ${what}`}
          </button>
          <span class="help">You can undo it.</span>
        </div>
      </fieldset>
      <fieldset>
        <legend>Every site</legend>
        <Status state={counts}>{(counted) => (
          <div class="actions">
            {confirm === 'jar' ? (
              <span class="confirm">
                <button type="button" class="danger" onClick={() => { clearAll('jar', counted); }}>Clear all {plural(counted.jar, 'cookie')} of the jar</button>
                <button type="button" onClick={() => { setConfirm(null); }}>Keep them</button>
                <span class="help">This cannot be undone.</span>
              </span>
            ) : <button type="button" class="danger" disabled={counted.jar === 0} onClick={() => { setConfirm('jar'); }}>Clear the whole jar ({plural(counted.jar, 'cookie')})</button>}
            {confirm === 'log' ? (
              <span class="confirm">
                <button type="button" class="danger" onClick={() => { clearAll('log', counted); }}>Clear all {plural(counted.decisions, 'decision')} of the log</button>
                <button type="button" onClick={() => { setConfirm(null); }}>Keep them</button>
                <span class="help">This cannot be undone.</span>
              </span>
            ) : <button type="button" class="danger" disabled={counted.decisions === 0} onClick={() => { setConfirm('log'); }}>Clear the decision log ({plural(counted.decisions, 'decision')})</button>}
          </div>
        )}</Status>
      </fieldset>
      <div class="actions"><button type="button" onClick={props.onClose}>Close</button></div>
    </section>
  );
}
