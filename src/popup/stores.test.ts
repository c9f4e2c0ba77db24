import { describe, expect, it } from 'vitest';
import type { StoresView, StoreView } from './model';
import { shownStore, storeLabel } from './stores';

const store = (init: Partial<StoreView> & Pick<StoreView, 'id' | 'kind' | 'name'>): StoreView => ({
  incognito: false, tabIds: [], mirrored: true, cookies: 0, decisions: 0, live: true, ...init,
});

describe('which cookie store the UI shows', () => {
  const stores: StoresView = {
    stores: [store({ id: 'firefox-default', kind: 'default', name: 'Default' }), store({ id: 'firefox-container-1', kind: 'container', name: 'Work' })],
    tabStoreId: 'firefox-container-1', defaultStoreId: 'firefox-default',
  };

  it('the store picked, else the tab’s own; the default one is named by no store id', () => {
    expect(shownStore(stores, null)).toBe('firefox-container-1');
    expect(shownStore(stores, 'firefox-default')).toBeNull();
    expect(shownStore({ ...stores, tabStoreId: null }, null)).toBeNull();
    expect(shownStore({ ...stores, tabStoreId: 'firefox-default' }, null)).toBeNull();
  });

  it('a store picked before the list of stores has arrived is shown', () => {
    expect(shownStore(null, 'firefox-container-1')).toBe('firefox-container-1');
    expect(shownStore(null, null)).toBeNull();
  });

  it('names a store in the picker, and says when a private one is not mirrored', () => {
    expect(storeLabel(store({ id: 'firefox-default', kind: 'default', name: 'Default' }))).toBe('Default');
    expect(storeLabel(store({ id: 'firefox-container-1', kind: 'container', name: 'Work' }))).toBe('Container: Work');
    expect(storeLabel(store({ id: 'firefox-private', kind: 'private', name: 'Private windows', incognito: true }))).toBe('Private windows');
    expect(storeLabel(store({ id: 'firefox-private', kind: 'private', name: 'Private windows', incognito: true, mirrored: false }))).toBe('Private windows (not mirrored)');
  });
});
