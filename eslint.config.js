// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Imports that break the layout of docs/DESIGN (src/jar is pure; popup and background never meet). */
const restrict = (/** @type {string[]} */ groups, /** @type {string} */ message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});

export default tseslint.config(
  { ignores: ['extension/', 'extension-firefox/', 'node_modules/', 'test-results/', 'playwright-report/', 'e2e-output/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true, allowNullish: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // The engine: nothing outside src/jar, no browser API, no Node built-ins.
    files: ['src/jar/**/*.ts'],
    ignores: ['src/jar/**/*.test.ts'],
    rules: restrict(
      ['../*', 'node:*', 'fs', 'path', 'os', 'webextension-polyfill', 'preact', 'preact/*'],
      'src/jar is pure: it imports nothing outside src/jar (no browser API, no Node built-ins).',
    ),
  },
  {
    files: ['src/shared/**/*.ts'],
    ignores: ['src/shared/browser.ts'],
    rules: restrict(['../background/*', '../popup/*', '**/background/**', '**/popup/**', 'webextension-polyfill'], 'src/shared may import only src/jar; the browser API comes from src/shared/browser.ts.'),
  },
  {
    files: ['src/background/**/*.ts'],
    rules: restrict(['../popup/*', '**/popup/**', 'preact', 'preact/*', 'webextension-polyfill'], 'The background never imports the popup; the browser API comes from src/shared/browser.ts.'),
  },
  {
    files: ['src/popup/**/*.{ts,tsx}'],
    rules: restrict(['../background/*', '**/background/**', 'webextension-polyfill'], 'The popup never imports the background (it talks to it through src/shared); the browser API comes from src/shared/browser.ts.'),
  },
  {
    // Cookie data is rendered as text, never markup (the build also removes Preact's innerHTML sink: build/noInnerHtml.ts).
    files: ['src/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', { selector: 'JSXAttribute[name.name="dangerouslySetInnerHTML"]', message: 'Render text, never markup: the extension ships without Preact\'s innerHTML sink.' }],
    },
  },
  {
    // The browser API is imported in exactly one module: src/shared/browser.ts.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/browser.ts'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Import the browser API from src/shared/browser.ts.' }, { name: 'browser', message: 'Import the browser API from src/shared/browser.ts.' }],
    },
  },
  {
    // The file formats: pure like the engine, over src/jar only (the extension and the CLI share them).
    // After the src/** block: this rule list replaces that one's no-restricted-globals.
    files: ['src/formats/**/*.ts'],
    ignores: ['src/formats/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{
        regex: '^(?!\\./|\\.\\./jar(?:/|$))',
        message: 'src/formats is pure: it imports only itself and src/jar (no package, no browser API, no Node built-in).',
      }] }],
      'no-restricted-globals': ['error', ...['chrome', 'browser', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', 'fetch'].map((name) => ({
        name, message: 'src/formats is pure: no browser or Node API (the caller does the I/O).',
      }))],
    },
  },
  {
    // The command-line tool: thin over the engines, src/formats and src/jar-node; never the extension's layers.
    files: ['src/cli/**/*.ts'],
    rules: restrict(
      ['../background', '../background/*', '../popup', '../popup/*', '../shared/*', '!../shared/settings', 'webextension-polyfill', 'preact', 'preact/*'],
      'src/cli imports the engines (src/jar, the browser model), src/formats, src/jar-node, src/shared/settings (the policy presets) and its CLI libraries, never the extension.',
    ),
  },
);
