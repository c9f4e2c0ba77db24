// @ts-check
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// ------------------------------------------------------------------------------------------------
// The layers (docs/architecture.md): what each folder of src/ may import. One table, applied to the
// folders whether or not they exist yet; scripts/lint-boundaries.test.ts proves every rule below
// by linting throwaway files that break it.
//
//   mayImport   the src/ folders (or single files) its files may import, its own folder included
//   packages    the npm packages its non-test files may import: 'any', or a list
//   node        whether its non-test files may import Node's built-in modules
//   browserApi  whether it may touch the browser API (only src/shared/browser.ts does, see below)

/** The pure engines: no browser API, no Node built-ins, no package beyond the ones listed. */
const ENGINES = ['jar', 'browser-model', 'formats'];

/** @type {{ folder: string; mayImport: string[]; packages: 'any' | string[]; node: boolean; why: string }[]} */
const LAYERS = [
  { folder: 'jar', mayImport: ['jar'], packages: [], node: false,
    why: 'src/jar is the pure cookie engine: it imports nothing outside src/jar (no npm package, no Node built-in, no browser API).' },
  { folder: 'browser-model', mayImport: ['browser-model', 'jar'], packages: ['tldts'], node: false,
    why: 'src/browser-model is a pure engine: it imports only itself, src/jar and tldts.' },
  { folder: 'formats', mayImport: ['formats', 'jar'], packages: [], node: false,
    why: 'src/formats is a pure engine: it imports only itself and src/jar.' },
  { folder: 'jar-node', mayImport: ['jar-node', 'jar'], packages: 'any', node: true,
    why: 'src/jar-node is the Node file store of src/jar: it imports only src/jar of this repo.' },
  { folder: 'shared', mayImport: ['shared', ...ENGINES], packages: 'any', node: false,
    why: 'src/shared imports only the engines (never the background, the popup or the CLI).' },
  { folder: 'background', mayImport: ['background', 'shared', ...ENGINES], packages: 'any', node: false,
    why: 'The background imports only src/shared and the engines: never the popup (it answers it through src/shared/protocol.ts), the CLI or src/jar-node.' },
  { folder: 'popup', mayImport: ['popup', 'shared', ...ENGINES], packages: 'any', node: false,
    why: 'The popup imports only src/shared and the engines: never the background (it talks to it through src/shared/messaging.ts), the CLI or src/jar-node.' },
  { folder: 'cli', mayImport: ['cli', ...ENGINES, 'jar-node', 'shared/settings.ts'], packages: 'any', node: true,
    why: 'The CLI imports the engines, src/formats, src/jar-node, src/shared/settings.ts (the policy presets) and its own libraries: never the extension layers (the rest of src/shared, src/background, src/popup).' },
];

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];
const NODE_BUILTIN = '^(node:|(assert|buffer|child_process|crypto|events|fs|http|https|module|net|os|path|process|readline|stream|url|util|worker_threads|zlib)(/|$))';
const BROWSER_API = 'Import the browser API from src/shared/browser.ts: it is the only module that touches it.';
/** Globals a pure engine never reads: the caller does the I/O. */
const IMPURE_GLOBALS = ['window', 'document', 'navigator', 'process', 'Buffer', 'require', 'fetch'];
/** Cookie data is rendered as text, never markup (the build also removes Preact's innerHTML sink: build/noInnerHtml.ts). */
const NO_INNER_HTML = { selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]', message: 'Render text, never markup: the extension ships without Preact\'s innerHTML sink.' };

/**
 * The rules that keep one layer's files inside their boundary. `forTests`: test files may import
 * test libraries and Node built-ins, but never another layer's code.
 * @param {(typeof LAYERS)[number]} layer
 * @param {boolean} forTests
 */
function boundaryRules(layer, forTests) {
  const packagesFree = forTests || layer.packages === 'any';
  const allowedPackages = layer.packages === 'any' ? [] : layer.packages;
  // Repo paths it may import from (resolved: relative, exported, dynamic, import-equals alike).
  const except = [...layer.mayImport.map((path) => `./src/${path}`),
    ...(packagesFree ? ['./node_modules'] : allowedPackages.map((name) => `./node_modules/${name}`))];
  /** @type {{ regex: string; message: string }[]} */
  const importPatterns = [];
  /** @type {{ selector: string; message: string }[]} */
  const syntax = [
    NO_INNER_HTML,
    { selector: "ImportExpression[source.type!='Literal']", message: 'import() must name its module with a plain string, so that the layer rules can check it.' },
    { selector: 'TSImportType', message: 'Use `import type` (a type written as import("...") escapes the layer rules).' },
  ];
  if (!packagesFree) {
    const allowed = allowedPackages.map((name) => `${name}(/|$)`).join('|');
    const bare = `^(?![./])${allowed === '' ? '' : `(?!(${allowed}))`}`;
    importPatterns.push({ regex: bare, message: layer.why });
    syntax.push({ selector: `ImportExpression[source.value=/${bare.replaceAll('/', '\\/')}/]`, message: layer.why });
  } else if (!forTests && !layer.node) {
    importPatterns.push({ regex: NODE_BUILTIN, message: `No Node built-in in src/${layer.folder}: it runs in the browser.` });
    syntax.push({ selector: `ImportExpression[source.value=/${NODE_BUILTIN.replaceAll('/', '\\/')}/]`, message: `No Node built-in in src/${layer.folder}: it runs in the browser.` });
  }
  return {
    'import-x/no-restricted-paths': ['error', {
      basePath: import.meta.dirname,
      zones: [{ target: `./src/${layer.folder}`, from: '.', except, message: layer.why }],
    }],
    'no-restricted-imports': ['error', { patterns: importPatterns }],
    'no-restricted-syntax': ['error', ...syntax],
  };
}

/** The browser API as a global, bare or reached through the global object; in the engines, any I/O global. */
const browserGlobals = (/** @type {boolean} */ engine) => ({
  'no-restricted-globals': ['error', { name: 'chrome', message: BROWSER_API }, { name: 'browser', message: BROWSER_API },
    ...(engine ? IMPURE_GLOBALS.map((name) => ({ name, message: 'A pure engine uses no browser or Node API: the caller does the I/O.' })) : [])],
  'no-restricted-properties': ['error',
    ...['globalThis', 'self', 'window', 'global', 'frames', 'parent', 'top'].flatMap((object) =>
      ['chrome', 'browser'].map((property) => ({ object, property, message: BROWSER_API }))),
  ],
});

/** Packages that only some layers may import. */
const packageRules = {
  background: [{ group: ['preact', 'preact/*', 'webextension-polyfill'], message: 'The background has no UI; the browser API comes from src/shared/browser.ts.' }],
  popup: [{ group: ['webextension-polyfill'], message: BROWSER_API }],
  shared: [{ group: ['webextension-polyfill', 'preact', 'preact/*'], message: BROWSER_API }],
};

/** @param {(typeof LAYERS)[number]} layer @param {boolean} forTests */
function layerConfig(layer, forTests) {
  const rules = boundaryRules(layer, forTests);
  const extra = /** @type {Record<string, { group: string[]; message: string }[]>} */ (packageRules)[layer.folder];
  if (!forTests && extra !== undefined) {
    rules['no-restricted-imports'] = ['error', { patterns: [...rules['no-restricted-imports'][1].patterns, ...extra] }];
  }
  return {
    files: forTests ? TESTS.map((glob) => `src/${layer.folder}/${glob}`) : [`src/${layer.folder}/**/*.{ts,tsx}`],
    ...(forTests ? {} : { ignores: TESTS }),
    rules: { ...rules, ...browserGlobals(ENGINES.includes(layer.folder) && !forTests) },
  };
}

export default tseslint.config(
  { ignores: ['extension/', 'extension-firefox/', 'node_modules/', 'test-results/', 'playwright-report/', 'e2e-output/', 'dist/', 'lib/', 'reports/', '.stryker-tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] })] },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...LAYERS.flatMap((layer) => [layerConfig(layer, false), layerConfig(layer, true)]),
  {
    // The browser model has no clock of its own: the caller passes `now` (docs/browser-model.md).
    files: ['src/browser-model/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-globals': [...browserGlobals(true)['no-restricted-globals'], ...['performance', 'setTimeout', 'setInterval'].map((name) => ({
        name, message: 'The browser model never reads a clock or waits: the caller passes `now`.',
      }))],
      'no-restricted-properties': [...browserGlobals(true)['no-restricted-properties'],
        { object: 'Date', property: 'now', message: 'The browser model never reads the clock: use the `now` it is given.' }],
    },
  },
  {
    // The one module that touches the browser API.
    files: ['src/shared/browser.ts'],
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-imports': ['error', { patterns: [{ regex: NODE_BUILTIN, message: 'No Node built-in in src/shared: it runs in the browser.' }] }],
    },
  },
);
