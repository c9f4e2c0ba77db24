// A string a website chose, shown safely (see display.ts): isolated in a <bdi>, invisible characters
// as marked escapes, cut to a limit with the number of characters left out, and with `expandable`
// a "show all" button that shows the rest in a scrolling box (a 1 MB value stays one box high).
import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { CELL_LIMIT, cut, pieces } from '../display';

export function CookieText({ text, limit = CELL_LIMIT, expandable = false }: { text: string; limit?: number; expandable?: boolean }): JSX.Element {
  const [all, setAll] = useState(false);
  if (all) {
    return (
      <span class="ctext-all">
        <bdi class="ctext expanded" data-testid="cookie-text">{render(text)}</bdi>
        <button type="button" class="link" onClick={() => { setAll(false); }}>Show less</button>
      </span>
    );
  }
  const { shown, omitted } = cut(text, limit);
  return (
    <>
      <bdi class="ctext" data-testid="cookie-text">{render(shown)}</bdi>
      {omitted > 0 && (
        <>
          <span class="cut">… {omitted.toLocaleString('en')} more characters</span>
          {expandable && <button type="button" class="link" onClick={() => { setAll(true); }}>Show all</button>}
        </>
      )}
    </>
  );
}

function render(text: string): (string | JSX.Element)[] {
  return pieces(text).map((piece, index) => ('text' in piece ? piece.text : (
    <span key={index} class="esc" title={`U+${piece.code.toString(16).toUpperCase().padStart(4, '0')}: an invisible character, shown as an escape`}>{piece.escape}</span>
  )));
}
