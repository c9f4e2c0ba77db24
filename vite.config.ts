import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// `npm run build` writes the unpacked extension to extension/ ("Load unpacked" from there);
// `npm run dev` serves the same with crxjs hot reload.
export default defineConfig({
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: 'extension',
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome116',
  },
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
