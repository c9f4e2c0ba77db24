// The npm package's build: the CLI and the engine's entry points as ES modules with bundled type
// declarations in lib/ (dist/ holds the extension's store zips) (run by `prepare`, so a clean clone's `npm ci` and `npm pack` both build it).
import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: {
    cli: 'src/cli/bin.ts',
    jar: 'src/jar/index.ts',
    'jar-node': 'src/jar-node/index.ts',
    formats: 'src/formats/index.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'lib',
  dts: true,
  clean: true,
  sourcemap: false,
  tsconfig: 'tsconfig.build.json',
  inputOptions: { checks: { pluginTimings: false } },
});
