// The listeners registered on the browser (registerListeners), as the worker registers them: here
// the one on storage.onChanged, through which a change of the stored settings reaches the worker.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { startFakeBrowser } from './testing/fakeBrowser';

const comparing = { ...DEFAULT_SETTINGS, compareSentHeaders: true };

describe('the stored settings changed elsewhere', () => {
  it('are followed from storage.local only: a "settings" key of another area changes nothing', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    const listening = () => fake.events.webRequest.onBeforeSendHeaders.hasListeners();
    for (const area of ['session', 'sync', 'managed']) {
      fake.events.storage.onChanged.dispatch({ settings: { newValue: comparing } }, area);
      expect(listening(), area).toBe(false);
    }
    fake.events.storage.onChanged.dispatch({ settings: { newValue: comparing } }, 'local');
    expect(listening()).toBe(true);
  });

  it('stay as they are when storage.local changes other keys (the worker’s own writes of the jar)', async () => {
    const fake = startFakeBrowser();
    await fake.background.ready;
    fake.events.storage.onChanged.dispatch({ settings: { newValue: comparing } }, 'local');
    fake.events.storage.onChanged.dispatch({ 'jar/0/example.com': { newValue: { cookies: [] } } }, 'local');
    fake.events.storage.onChanged.dispatch({ 'jar/0/example.com': {} }, 'session');
    expect(fake.events.webRequest.onBeforeSendHeaders.hasListeners()).toBe(true);
  });
});
