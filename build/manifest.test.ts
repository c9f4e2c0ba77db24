import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { CHROME_ONLY_KEYS, chromeManifest, firefoxManifest, GECKO_ID, manifestFor } from './manifest';

describe('the two manifests', () => {
  it('both carry package.json\'s version', () => {
    expect(manifestFor('chrome')['version']).toBe(pkg.version);
    expect(manifestFor('firefox')['version']).toBe(pkg.version);
  });

  it('Firefox: the Chrome worker as a module background script, the gecko settings, no Chrome-only key', () => {
    const chrome = chromeManifest();
    const firefox = manifestFor('firefox');
    expect(firefox['background']).toEqual({ scripts: [chrome.background.service_worker], type: 'module' });
    expect(firefox['browser_specific_settings']).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
    for (const key of CHROME_ONLY_KEYS) expect(firefox).not.toHaveProperty(key);
    expect(chrome).toHaveProperty('minimum_chrome_version');
    // Everything else is Chrome's, unchanged.
    expect(firefox['permissions']).toEqual(chrome['permissions']);
    expect(firefox['host_permissions']).toEqual(chrome['host_permissions']);
    expect(firefox['content_security_policy']).toEqual(chrome['content_security_policy']);
    expect(firefox['action']).toEqual(chrome['action']);
  });

  it.each(['split', 'spanning', undefined])('Firefox runs "spanning" whatever Chrome\'s incognito mode (%s)', (mode) => {
    const { incognito: _ours, ...withoutMode } = chromeManifest();
    const chrome = { ...withoutMode, ...(mode === undefined ? {} : { incognito: mode }) };
    expect(firefoxManifest(chrome)['incognito']).toBe('spanning');
    expect(chrome['incognito']).toBe(mode);
  });

  it('Chrome: a memory-only instance for incognito, no messages from other extensions or pages, a CSP without data: images', () => {
    const chrome = chromeManifest();
    expect(chrome['incognito']).toBe('split');
    expect(chrome['externally_connectable']).toEqual({ ids: [] });
    const csp = (chrome['content_security_policy'] as { extension_pages: string }).extension_pages;
    expect(csp).not.toMatch(/data:/);
    expect(csp).toMatch(/default-src 'self'; script-src 'self'; object-src 'none'/);
  });
});

