// The browser's verdict on a Set-Cookie line, as a badge (the grid) and as sentences (the details).
// The browser is the truth (what its store did, observed); the model's prediction and reasons say
// why, and a disagreement between the two is shown as such: a gap in the model.
import type { JSX } from 'preact';
import type { BrowserVerdictView } from '../model';
import { MESSAGE_LIMIT } from '../display';
import { Badge } from './common';
import { CookieText } from './CookieText';

/** The one word of the outcome: what the store did, or, until it is known, what the model predicts. */
export function browserOutcome(verdict: BrowserVerdictView): { word: string; kind: string } {
  if (verdict.pending) return { word: 'waiting', kind: 'unknown' };
  if (verdict.stored === true) return { word: 'stored', kind: 'accepted' };
  if (verdict.stored === false) return { word: 'refused', kind: 'refused' };
  return { word: 'not known', kind: 'unknown' };
}

export function BrowserBadge({ verdict }: { verdict: BrowserVerdictView | undefined }): JSX.Element {
  if (verdict === undefined) return <span class="muted" title="Browsers ignore Set-Cookie2; or the line was logged before the browser’s verdicts were kept">—</span>;
  const { word, kind } = browserOutcome(verdict);
  return (
    <span data-testid="browser-outcome" data-stored={String(verdict.stored)} data-flagged={String(verdict.flagged)}>
      <Badge kind={kind}>{word}</Badge>
      {verdict.flagged && <> <span class="flag" title="What the browser did differs from what the browser model predicted: a gap in the model">⚑</span></>}
    </span>
  );
}

/** The details: what the browser did, the model's reasons and sentence, a disagreement said plainly. */
export function BrowserVerdictDetails({ verdict }: { verdict: BrowserVerdictView | undefined }): JSX.Element {
  if (verdict === undefined) {
    return <>No verdict: browsers ignore Set-Cookie2 lines, and lines logged before the browser’s verdicts were kept have none.</>;
  }
  const predicted = verdict.predicted === 'stored' ? 'predicts it is stored' : 'predicts a refusal';
  const observed = verdict.pending ? 'Waiting for the browser’s store (a second or two).'
    : verdict.stored === true ? 'The browser stored it.'
      : verdict.stored === false ? 'The browser did not store it.'
        : 'What the browser did cannot be known (a deletion of a cookie it did not have, or the extension stopped before the store answered).';
  return (
    <span data-testid="browser-details">
      <span>{observed}</span>
      {verdict.reasons.length > 0 && <> <span class="reasons" data-testid="browser-reasons">{verdict.reasons.map((r) => <code key={r} class="rule">{r}</code>)}</span></>}
      {verdict.sentence !== null && <> <span class="reason"><CookieText text={verdict.sentence} limit={MESSAGE_LIMIT} expandable /></span></>}
      {verdict.flagged && <> <strong class="flag-note">The browser model {predicted}, but the browser did otherwise: a gap in the model.</strong></>}
    </span>
  );
}
