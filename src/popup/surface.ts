// Where the UI is shown. One UI, four places: the toolbar popup; the same UI full-size in a tab
// ("Open in a tab"); the side panel (Chrome's side panel, Firefox's sidebar); a DevTools panel.
// Each page declares its place on <html data-surface>; the popup's page becomes the tab with ?full=1.

export type Surface = 'popup' | 'tab' | 'side' | 'devtools';

export function surfaceOf(declared: string | undefined, search: string): Surface {
  if (declared === 'side' || declared === 'devtools') return declared;
  return new URLSearchParams(search).get('full') === '1' ? 'tab' : 'popup';
}
