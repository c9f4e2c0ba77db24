// Which cookie store the UI shows: the one the user picked for this tab, else the tab's own (a
// Firefox container tab's container, from the background's getCookieStores), else this instance's
// default. null stands for the default store, so a browser without containers (Chrome) asks every
// message without a storeId, exactly as before stores could be picked.
import type { StoresView, StoreView } from './model';

export function shownStore(stores: StoresView | null, picked: string | null): string | null {
  const wanted = picked ?? stores?.tabStoreId ?? null;
  return wanted === null || wanted === stores?.defaultStoreId ? null : wanted;
}

/** How a store is named in the picker: its name, and what the extension does with a private one. */
export function storeLabel(store: StoreView): string {
  if (store.kind === 'private' && !store.mirrored) return `${store.name} (not mirrored)`;
  if (store.kind === 'container') return `Container: ${store.name}`;
  return store.name;
}
