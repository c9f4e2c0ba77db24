// The two manifests the one source tree builds: manifest.json is Chrome's (the source of truth for
// names, permissions and CSP); Firefox's is derived from it, so a key added for Chrome reaches
// Firefox too unless it is listed here as Chrome-only. The version of both comes from package.json.
import base from '../manifest.json' with { type: 'json' };
import pkg from '../package.json' with { type: 'json' };

export type Target = 'chrome' | 'firefox';

/** The add-on id Firefox (and addons.mozilla.org) knows the extension by; permanent once published. */
export const GECKO_ID = 'cookie-jar-inspector@cookie-jar-inspector';

/** Output directory of each build (npm run build / npm run build:firefox). */
export const OUT_DIR: Record<Target, string> = { chrome: 'extension', firefox: 'extension-firefox' };

/** Keys Firefox does not know (web-ext lint reports each as unsupported): dropped from its manifest. */
export const CHROME_ONLY_KEYS = ['minimum_chrome_version', 'key', 'update_url', 'offline_enabled', 'side_panel'] as const;

/** Permissions Firefox does not know (web-ext lint reports each): dropped from its manifest. */
export const CHROME_ONLY_PERMISSIONS = ['sidePanel'] as const;

/** Permissions only Firefox has: the containers' names and colours (contextualIdentities). */
export const FIREFOX_ONLY_PERMISSIONS = ['contextualIdentities'] as const;

export type Manifest = Record<string, unknown> & {
  manifest_version: 3;
  version: string;
  background: { service_worker: string; type?: string };
  action?: { default_title?: string; default_icon?: Record<string, string> };
  side_panel?: { default_path: string };
  permissions?: string[];
};

export function chromeManifest(): Manifest {
  return { ...structuredClone(base), manifest_version: 3, version: pkg.version };
}

/** Firefox's manifest for a Chrome one. */
export function firefoxManifest(chrome: Manifest): Record<string, unknown> {
  const firefox: Record<string, unknown> = { ...structuredClone(chrome) };
  for (const key of CHROME_ONLY_KEYS) Reflect.deleteProperty(firefox, key);
  const chromeOnly: readonly string[] = CHROME_ONLY_PERMISSIONS;
  firefox['permissions'] = [...(chrome.permissions ?? []).filter((p) => !chromeOnly.includes(p)), ...FIREFOX_ONLY_PERMISSIONS];
  return {
    ...firefox,
    // Chrome's side panel is Firefox's sidebar: the same page, the toolbar button's title and icon.
    ...(chrome.side_panel === undefined ? {} : {
      sidebar_action: {
        default_panel: chrome.side_panel.default_path,
        ...(chrome.action?.default_title === undefined ? {} : { default_title: chrome.action.default_title }),
        ...(chrome.action?.default_icon === undefined ? {} : { default_icon: chrome.action.default_icon }),
      },
    }),
    // Firefox runs an event page, not a service worker: the same module as a background script.
    background: { scripts: [chrome.background.service_worker], type: 'module' },
    // Firefox does not support "split" (it treats it as "not allowed in private windows").
    incognito: 'spanning',
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // storage.session with QUOTA_BYTES (131), MV3 host permissions granted at install (127).
        strict_min_version: '140.0',
        // Nothing leaves the machine except a file the user exports.
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

export function manifestFor(target: Target): Record<string, unknown> {
  return target === 'chrome' ? chromeManifest() : firefoxManifest(chromeManifest());
}
