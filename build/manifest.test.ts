import { describe, expect, it } from 'vitest';
import pkg from '../package.json' with { type: 'json' };
import { CHROME_ONLY_KEYS, CHROME_ONLY_PERMISSIONS, FIREFOX_ONLY_PERMISSIONS, chromeManifest, firefoxManifest, GECKO_ID, manifestFor } from './manifest';

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
    // Everything else is Chrome's, unchanged, but for the permissions Firefox does not know and
    // contextualIdentities (the containers' names: Firefox only).
    expect(firefox['permissions']).toEqual([...(chrome.permissions ?? []).filter((p) => !(CHROME_ONLY_PERMISSIONS as readonly string[]).includes(p)), ...FIREFOX_ONLY_PERMISSIONS]);
    expect(firefox['permissions']).toContain('contextualIdentities');
    expect(chrome.permissions).not.toContain('contextualIdentities');
    expect(firefox['incognito']).toBe('spanning');
    expect(firefox['permissions']).not.toContain('sidePanel');
    expect(firefox['host_permissions']).toEqual(chrome['host_permissions']);
    expect(firefox['content_security_policy']).toEqual(chrome['content_security_policy']);
    expect(firefox['action']).toEqual(chrome['action']);
  });

  it('the side panel: Chrome\'s side_panel with its permission, Firefox\'s sidebar_action on the same page; the DevTools page in both', () => {
    const chrome = chromeManifest();
    const firefox = manifestFor('firefox');
    expect(chrome['side_panel']).toEqual({ default_path: 'src/popup/side-panel.html' });
    expect(chrome.permissions).toContain('sidePanel');
    expect(firefox['sidebar_action']).toEqual({ default_panel: 'src/popup/side-panel.html', default_title: chrome.action?.default_title, default_icon: chrome.action?.default_icon });
    expect(chrome['devtools_page']).toBe('src/popup/devtools.html');
    expect(firefox['devtools_page']).toBe('src/popup/devtools.html');
    // The DevTools panel is a frame of DevTools: only DevTools and the extension itself may frame its pages.
    const csp = (chrome['content_security_policy'] as { extension_pages: string }).extension_pages;
    expect(csp).toMatch(/frame-ancestors 'self' devtools:;/);
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

