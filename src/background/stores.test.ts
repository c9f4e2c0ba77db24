// The cookie stores as the pages list them (getCookieStores), from what the browser says and what
// the extension holds; and the file name of an export of one. containers.test.ts and privacy.test.ts
// have the same through the worker.
import { describe, expect, it } from 'vitest';
import { containerIdentities, describeStores, storeFileName, type StoreFacts } from './stores';

const facts = (init: Partial<StoreFacts>): StoreFacts => ({
  browser: [], containers: [], held: [], defaultStoreId: '0', mirrorIncognito: false, tabStoreId: null, ...init,
});

const work = { cookieStoreId: 'firefox-container-2', name: 'Work', color: 'orange', colorCode: '#ff9f00', icon: 'briefcase' };
const personal = { cookieStoreId: 'firefox-container-1', name: 'Personal', color: 'blue', colorCode: '#37adff', icon: 'fingerprint' };

describe('contextualIdentities’ answer', () => {
  it('keeps the well-formed containers only: one missing a field, or with a field of another type, is left out', () => {
    const broken = Object.keys(work).flatMap((field) => [{ ...work, [field]: undefined }, { ...work, [field]: 7 }]);
    expect(broken.length).toBe(10);
    expect(containerIdentities([null, undefined, 'Work', 3, ...broken, work, { ...personal, extra: true }])).toEqual([work, personal]);
  });
});

describe('the stores listed', () => {
  it('Chrome: the regular store and the incognito one, with their tabs, what the extension holds of each, and the tab’s store', () => {
    const reply = describeStores(facts({
      browser: [{ id: '1', tabIds: [7] }, { id: '0', tabIds: [1, 2] }],
      held: [{ id: '0', private: false, cookies: 12, decisions: 30 }, { id: '1', private: true, cookies: 3, decisions: 5 }],
      mirrorIncognito: true, tabStoreId: '1',
    }));
    expect(reply).toEqual({
      stores: [
        { id: '0', incognito: false, tabIds: [1, 2], kind: 'default', name: 'Default', mirrored: true, cookies: 12, decisions: 30, live: true },
        { id: '1', incognito: true, tabIds: [7], kind: 'private', name: 'Incognito', mirrored: true, cookies: 3, decisions: 5, live: true },
      ],
      tabStoreId: '1', defaultStoreId: '0',
    });
  });

  it('Chrome’s incognito instance: its own store is the private one, and it is listed once', () => {
    const reply = describeStores(facts({
      browser: [{ id: '1', tabIds: [7] }], held: [{ id: '1', private: true, cookies: 2, decisions: 4 }], defaultStoreId: '1', mirrorIncognito: true,
    }));
    expect(reply.stores).toEqual([{ id: '1', incognito: true, tabIds: [7], kind: 'private', name: 'Incognito', mirrored: true, cookies: 2, decisions: 4, live: true }]);
  });

  it('the default store is listed, and live, when the browser names no store (no window open)', () => {
    expect(describeStores(facts({})).stores).toEqual([
      { id: '0', incognito: false, tabIds: [], kind: 'default', name: 'Default', mirrored: true, cookies: 0, decisions: 0, live: true },
    ]);
  });

  it('Firefox: the default store, the containers by name, the private windows (not mirrored), each as the browser says', () => {
    const reply = describeStores(facts({
      browser: [
        { id: 'firefox-private', tabIds: [5], incognito: true },
        { id: 'firefox-container-2', tabIds: [2], incognito: false },
        { id: 'firefox-default', tabIds: [1], incognito: false },
      ],
      containers: [work, personal],
      held: [{ id: 'firefox-container-2', private: false, cookies: 1, decisions: 2 }],
      defaultStoreId: 'firefox-default', tabStoreId: 'firefox-container-2',
    }));
    expect(reply.stores).toEqual([
      { id: 'firefox-default', incognito: false, tabIds: [1], kind: 'default', name: 'Default', mirrored: true, cookies: 0, decisions: 0, live: true },
      { id: 'firefox-container-1', incognito: false, tabIds: [], kind: 'container', name: 'Personal', color: 'blue', colorCode: '#37adff', icon: 'fingerprint', mirrored: true, cookies: 0, decisions: 0, live: true },
      { id: 'firefox-container-2', incognito: false, tabIds: [2], kind: 'container', name: 'Work', color: 'orange', colorCode: '#ff9f00', icon: 'briefcase', mirrored: true, cookies: 1, decisions: 2, live: true },
      { id: 'firefox-private', incognito: true, tabIds: [5], kind: 'private', name: 'Private windows', mirrored: false, cookies: 0, decisions: 0, live: true },
    ]);
  });

  it('a store the browser says is incognito is private, whatever its id', () => {
    const [, store] = describeStores(facts({ browser: [{ id: 'private-2', tabIds: [9], incognito: true }] })).stores;
    expect(store).toMatchObject({ id: 'private-2', incognito: true, kind: 'private', name: 'Private windows', mirrored: false, live: true });
  });

  it('a store the browser no longer has keeps its records, named by its container number, or by its id when it is no container’s', () => {
    const held = ['firefox-container-12', 'firefox-container-3b', 'old-firefox-container-4', 'legacy']
      .map((id, index) => ({ id, private: false, cookies: index + 1, decisions: 10 * (index + 1) }));
    const reply = describeStores(facts({ browser: [{ id: 'firefox-default', tabIds: [1] }], held, defaultStoreId: 'firefox-default' }));
    expect(reply.stores.map((s) => [s.id, s.name, s.kind, s.tabIds, s.cookies, s.decisions, s.live])).toEqual([
      ['firefox-default', 'Default', 'default', [1], 0, 0, true],
      ['firefox-container-12', 'Container 12 (removed)', 'container', [], 1, 10, false],
      ['firefox-container-3b', 'Cookie store firefox-container-3b', 'container', [], 2, 20, false],
      ['legacy', 'Cookie store legacy', 'container', [], 4, 40, false],
      ['old-firefox-container-4', 'Cookie store old-firefox-container-4', 'container', [], 3, 30, false],
    ]);
  });
});

describe('an export’s file name for a store', () => {
  it.each([
    ['cookies.txt', 'Work', 'cookies-Work.txt'],
    ['cookies-example.com.txt', 'My  Work / 2', 'cookies-example.com-My-Work-2.txt'],
    ['cookies.txt', 'Travail d’été', 'cookies-Travail-d-été.txt'],
    ['cookies.txt', '★ Shopping ★', 'cookies-Shopping.txt'],
    ['cookies.txt', '-- Work --', 'cookies-Work.txt'],
    ['cookies.txt', '★★', 'cookies-store.txt'],
    ['cookies', 'Work', 'cookies-Work'],
    ['.cookies', 'Work', '.cookies-Work'],
  ])('%s of the store "%s" is %s', (filename, store, expected) => {
    expect(storeFileName(filename, store)).toBe(expected);
  });
});
