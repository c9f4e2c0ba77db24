import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import { manifestFor, OUT_DIR, type Target } from './build/manifest.ts';
import { noInnerHtml } from './build/noInnerHtml.ts';

// `npm run build` writes the Chrome extension to extension/ ("Load unpacked" from there);
// `npm run build:firefox` (mode "firefox") writes the Firefox one to extension-firefox/;
// `npm run dev` serves the Chrome build with crxjs hot reload (with source maps, as Vite serves).
export default defineConfig(({ mode }) => {
  const target: Target = mode === 'firefox' ? 'firefox' : 'chrome';
  return {
    // The manifest is derived JSON; crxjs's type lists every key it might hold.
    plugins: [noInnerHtml(), preact(), crx({ manifest: manifestFor(target) as unknown as ManifestV3Export, browser: target })],
    build: {
      outDir: OUT_DIR[target],
      emptyOutDir: true,
      // The built extensions are what users install and stores review: no source maps in them.
      sourcemap: false,
      target: target === 'firefox' ? 'firefox140' : 'chrome116',
      // Pages the manifest does not name, so crxjs does not find them: the DevTools panel (created by
      // the devtools_page's script) and the side panel page (Firefox names it in sidebar_action,
      // which crxjs does not read).
      rolldownOptions: { input: { 'devtools-panel': 'src/popup/devtools-panel.html', 'side-panel': 'src/popup/side-panel.html' } },
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
