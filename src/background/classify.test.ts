// Which cookie store an event belongs to, and whether it is private (never written anywhere): each
// way the browsers say it, alone. service.test.ts and privacy.test.ts have the same through the worker.
import { describe, expect, it } from 'vitest';
import { CHROME_DEFAULT_STORE, CHROME_INCOGNITO_STORE, Classifier } from './classify';

const regular = { storeId: CHROME_DEFAULT_STORE, private: false };
const incognito = { storeId: CHROME_INCOGNITO_STORE, private: true };

describe('Chrome (no cookieStoreId on events)', () => {
  it('the regular instance: an event is regular unless it says incognito or its tab was seen incognito', () => {
    const classifier = new Classifier(false);
    classifier.noteTab({ id: 4, incognito: true });
    classifier.noteTab({ id: 0, incognito: true });
    classifier.noteTab({ id: 5, incognito: false });
    classifier.noteTab({ incognito: true });
    expect(classifier.classify({ tabId: 3 })).toEqual(regular);
    expect(classifier.classify({ tabId: 5 })).toEqual(regular);
    expect(classifier.classify({ tabId: -1 })).toEqual(regular);
    expect(classifier.classify({ tabId: 3, incognito: true })).toEqual(incognito);
    expect(classifier.classify({ tabId: 4 })).toEqual(incognito);
    expect(classifier.classify({ tabId: 0 })).toEqual(incognito);
    expect(classifier.classify({ tabId: 4, cookieStoreId: '' })).toEqual(incognito);
    expect(classifier.classify({ tabId: 3, cookieStoreId: '' })).toEqual(regular);
  });

  it('a tab seen incognito stays so however many later tabs are seen, up to 100,000 (the oldest mark goes first)', () => {
    const classifier = new Classifier(false);
    for (let tab = 1; tab <= 100_000; tab++) classifier.noteTab({ id: tab, incognito: true });
    expect(classifier.classify({ tabId: 1 })).toEqual(incognito);
    classifier.noteTab({ id: 100_001, incognito: true });
    expect(classifier.classify({ tabId: 1 })).toEqual(regular);
    expect(classifier.classify({ tabId: 2 })).toEqual(incognito);
    expect(classifier.classify({ tabId: 100_001 })).toEqual(incognito);
    // A tab without an id (a foreign session's) has no mark to keep, so it pushes no other one out.
    classifier.noteTab({ incognito: true });
    expect(classifier.classify({ tabId: 2 })).toEqual(incognito);
  });

  it('an incognito devtools window (tab id TAB_ID_NONE, -1) does not make the tab-less requests of regular service workers private', () => {
    const classifier = new Classifier(false);
    classifier.noteTab({ id: -1, incognito: true });
    expect(classifier.classify({ tabId: -1 })).toEqual(regular);
  });

  it('a page asking about a store by its id: the incognito store is private, the regular one is not', () => {
    const classifier = new Classifier(false);
    expect(classifier.keyOf(undefined)).toEqual(regular);
    expect(classifier.keyOf(CHROME_DEFAULT_STORE)).toEqual(regular);
    expect(classifier.keyOf(CHROME_INCOGNITO_STORE)).toEqual(incognito);
  });

  it('the incognito instance ("split"): everything is private, whatever the event says', () => {
    const classifier = new Classifier(true);
    expect(classifier.defaultStore).toEqual(incognito);
    expect(classifier.classify({ tabId: 3, incognito: false })).toEqual(incognito);
    expect(classifier.classify({ tabId: -1, cookieStoreId: 'firefox-default' })).toEqual(incognito);
    // Its pages can ask about no other store: whatever id they name is read as private.
    expect(classifier.keyOf(CHROME_DEFAULT_STORE)).toEqual({ storeId: CHROME_DEFAULT_STORE, private: true });
  });
});

describe('Firefox (cookieStoreId and incognito on every event)', () => {
  it('the event’s store is its cookieStoreId; private when incognito or the private store', () => {
    const classifier = new Classifier(false, 'firefox-default');
    expect(classifier.defaultStore).toEqual({ storeId: 'firefox-default', private: false });
    expect(classifier.classify({ tabId: 3, cookieStoreId: 'firefox-container-2', incognito: false })).toEqual({ storeId: 'firefox-container-2', private: false });
    expect(classifier.classify({ tabId: 3, cookieStoreId: 'firefox-container-2', incognito: true })).toEqual({ storeId: 'firefox-container-2', private: true });
    expect(classifier.classify({ tabId: 3, cookieStoreId: 'firefox-private' })).toEqual({ storeId: 'firefox-private', private: true });
    expect(classifier.classify({ tabId: -1 })).toEqual({ storeId: 'firefox-default', private: false });
  });

  it('a page asking about a store by its id: the private windows’ store is private, a container is not', () => {
    const classifier = new Classifier(false, 'firefox-default');
    expect(classifier.keyOf('firefox-private')).toEqual({ storeId: 'firefox-private', private: true });
    expect(classifier.keyOf('firefox-container-2')).toEqual({ storeId: 'firefox-container-2', private: false });
    expect(classifier.keyOf(undefined)).toEqual({ storeId: 'firefox-default', private: false });
  });
});
