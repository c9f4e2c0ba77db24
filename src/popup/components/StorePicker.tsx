// The cookie store the UI shows, named (a Firefox container by its name and colour). Shown only
// where there is more than one store to choose from: Chrome's regular instance has one.
import type { JSX } from 'preact';
import type { StoresView } from '../model';
import { storeLabel } from '../stores';

export function StorePicker({ stores, shown, onPick }: { stores: StoresView; shown: string | null; onPick: (storeId: string) => void }): JSX.Element | null {
  if (stores.stores.length < 2) return null;
  const value = shown ?? stores.defaultStoreId;
  const current = stores.stores.find((store) => store.id === value);
  return (
    <label class="store-picker">
      {/* The container's colour, as Firefox marks its tabs (a browser-given CSS colour, set through the DOM, not markup). */}
      {current?.colorCode !== undefined && <span class="store-colour" aria-hidden="true" style={{ backgroundColor: current.colorCode }} />}
      <span class="sr-only">Cookie store</span>
      <select data-testid="store-picker" value={value} onChange={(event) => { onPick(event.currentTarget.value); }}>
        {stores.stores.map((store) => <option key={store.id} value={store.id}>{storeLabel(store)}</option>)}
      </select>
    </label>
  );
}
