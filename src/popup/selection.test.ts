import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, extend, prune, selectionCounts, toggle, toggleAll } from './selection';

const rows = ['a', 'b', 'c', 'd', 'e'].map((key) => ({ key }));
const keys = (s: { keys: ReadonlySet<string> }) => [...s.keys].sort();

describe('selection', () => {
  it('toggles a row on and off, and remembers it as the anchor', () => {
    const one = toggle(EMPTY_SELECTION, 'b', 1);
    expect(keys(one)).toEqual(['b']);
    expect(one.anchor).toBe(1);
    expect(keys(toggle(one, 'b', 1))).toEqual([]);
  });

  it('extends from the anchor to the clicked row, either way, keeping what was selected', () => {
    const start = toggle(EMPTY_SELECTION, 'a', 0);
    expect(keys(extend(start, rows, 3, 0))).toEqual(['a', 'b', 'c', 'd']);
    const fromEnd = toggle(EMPTY_SELECTION, 'e', 4);
    expect(keys(extend(fromEnd, rows, 2, 4))).toEqual(['c', 'd', 'e']);
    // Without an anchor, from the active row.
    expect(keys(extend(EMPTY_SELECTION, rows, 1, 3))).toEqual(['b', 'c', 'd']);
  });

  it('selects every row shown, and none when all were', () => {
    const shown = rows.slice(1, 3);
    const all = toggleAll(toggle(EMPTY_SELECTION, 'e', 4), shown);
    expect(keys(all)).toEqual(['b', 'c', 'e']);
    expect(keys(toggleAll(all, shown))).toEqual(['e']);
  });

  it('counts the selected rows a filter hides, and forgets rows that are gone', () => {
    const selection = toggleAll(EMPTY_SELECTION, rows);
    expect(selectionCounts(selection, rows.slice(0, 2))).toEqual({ shown: 2, hidden: 3 });
    expect(keys(prune(selection, rows.slice(2)))).toEqual(['c', 'd', 'e']);
  });

  it('a shift-click from an anchor the filter has since put past the end selects up to the last row shown', () => {
    const anchored = toggle(EMPTY_SELECTION, 'e', 4);
    const shown = rows.slice(0, 2);
    expect(keys(extend(anchored, shown, 0, 0))).toEqual(['a', 'b', 'e']);
  });

  it('select-all with some of the shown rows selected selects the rest, not none', () => {
    const some = toggle(EMPTY_SELECTION, 'b', 1);
    expect(keys(toggleAll(some, rows.slice(1, 3)))).toEqual(['b', 'c']);
    expect(keys(toggleAll(EMPTY_SELECTION, []))).toEqual([]);
  });

  it('counts only the selected rows among those shown', () => {
    const two = toggle(toggle(EMPTY_SELECTION, 'a', 0), 'e', 4);
    expect(selectionCounts(two, rows.slice(0, 2))).toEqual({ shown: 1, hidden: 1 });
    expect(selectionCounts(EMPTY_SELECTION, rows)).toEqual({ shown: 0, hidden: 0 });
  });

  it('a reload that removes none of the selected rows keeps the selection and its anchor', () => {
    const selection = toggle(toggle(EMPTY_SELECTION, 'a', 0), 'c', 2);
    const reloaded = prune(selection, rows);
    expect(keys(reloaded)).toEqual(['a', 'c']);
    expect(reloaded.anchor).toBe(2);
    expect(prune(selection, rows.slice(1)).anchor).toBeNull();
  });
});

