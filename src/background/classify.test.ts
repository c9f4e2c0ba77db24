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
  });

  it('the incognito instance ("split"): everything is private, whatever the event says', () => {
    const classifier = new Classifier(true);
    expect(classifier.defaultStore).toEqual(incognito);
    expect(classifier.classify({ tabId: 3, incognito: false })).toEqual(incognito);
    expect(classifier.classify({ tabId: -1, cookieStoreId: 'firefox-default' })).toEqual(incognito);
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
});
