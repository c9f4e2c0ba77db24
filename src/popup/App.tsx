import type { JSX } from 'preact';
import type { PopupApi } from './api';
import { Inspector } from './Inspector';

/**
 * The popup, or the same UI full-size in a tab ("Open in a tab" opens this page with `?full=1`,
 * naming the browser tab it is about with `tab` and `url`).
 */
export function App({ api, search = '' }: { api: PopupApi; search?: string }): JSX.Element {
  const fullSize = new URLSearchParams(search).get('full') === '1';
  return <Inspector api={api} fullSize={fullSize} />;
}
