import type { JSX } from 'preact';
import type { PopupApi } from './api';
import { Inspector } from './Inspector';
import type { Surface } from './surface';

/**
 * The UI on one of its surfaces: the toolbar popup, the same UI full-size in a tab ("Open in a tab"
 * opens the popup's page with `?full=1`, naming the browser tab it is about with `tab` and `url`),
 * the side panel, or the DevTools panel.
 */
export function App({ api, surface }: { api: PopupApi; surface: Surface }): JSX.Element {
  return <Inspector api={api} surface={surface} />;
}
