/**
 * The layer boundaries of eslint.config.js, proved: each case writes a throwaway file that breaks
 * one rule into the folder the rule guards (creating the folder if it does not exist yet, as for
 * src/browser-model, src/formats and src/cli), lints it with the repo's own config and requires the
 * rule to report it; a clean file per folder must pass. The files are removed afterwards.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Case {
  /** The folder under src/ the file is written to. */
  folder: string;
  what: string;
  code: string;
  /** The rule that must report it; null: a clean control file, which must pass. */
  rule: string | null;
  test?: boolean;
  tsx?: boolean;
}

const ZONE = 'import-x/no-restricted-paths';
const IMPORTS = 'no-restricted-imports';
const SYNTAX = 'no-restricted-syntax';
const PROPERTIES = 'no-restricted-properties';
const GLOBALS = 'no-restricted-globals';

const CASES: Case[] = [
  // src/jar: nothing outside itself
  { folder: 'jar', what: 'clean: its own modules', code: "export { Cookie } from './cookie';\n", rule: null },
  { folder: 'jar', what: 'an npm package (tldts)', code: "export { getDomain } from 'tldts';\n", rule: IMPORTS },
  { folder: 'jar', what: 'an npm package, re-exported by path', code: "export * from '../../node_modules/tldts';\n", rule: ZONE },
  { folder: 'jar', what: 'an npm package through import()', code: "export const load = () => import('tldts');\n", rule: SYNTAX },
  { folder: 'jar', what: 'a Node built-in', code: "export { readFileSync } from 'node:fs';\n", rule: IMPORTS },
  { folder: 'jar', what: 'src/shared', code: "export { DEFAULT_SETTINGS } from '../shared/settings';\n", rule: ZONE },
  { folder: 'jar', what: 'globalThis.chrome', code: 'export const api: unknown = globalThis.chrome;\n', rule: PROPERTIES },
  // src/browser-model: itself, src/jar, tldts
  { folder: 'browser-model', what: 'clean: src/jar and tldts', code: "export { Cookie } from '../jar';\nexport { getDomain } from 'tldts';\n", rule: null },
  { folder: 'browser-model', what: 'src/shared', code: "export { DEFAULT_SETTINGS } from '../shared/settings';\n", rule: ZONE },
  { folder: 'browser-model', what: 'the background, through import()', code: "export const load = () => import('../background/cookies');\n", rule: ZONE },
  { folder: 'browser-model', what: 'another npm package (preact)', code: "export { h } from 'preact';\n", rule: IMPORTS },
  { folder: 'browser-model', what: 'a Node built-in', code: "export { join } from 'node:path';\n", rule: IMPORTS },
  { folder: 'browser-model', what: 'self.chrome', code: 'export const api: unknown = self.chrome;\n', rule: PROPERTIES },
  // src/formats: itself and src/jar
  { folder: 'formats', what: 'clean: src/jar', code: "export { MozillaCookieJar } from '../jar';\n", rule: null },
  { folder: 'formats', what: 'an npm package (tldts)', code: "export { getDomain } from 'tldts';\n", rule: IMPORTS },
  { folder: 'formats', what: 'the background', code: "export { siteOf } from '../background/cookies';\n", rule: ZONE },
  { folder: 'formats', what: 'a Node built-in', code: "export { writeFileSync } from 'fs';\n", rule: IMPORTS },
  { folder: 'formats', what: 'a Node global (process)', code: 'export const cwd = process.cwd();\n', rule: GLOBALS },
  // src/cli: the engines, src/jar-node, its libraries; never the extension layers
  { folder: 'cli', what: 'clean: src/jar, src/jar-node, Node, a package', code: "export { Cookie } from '../jar';\nexport { NodeFileStore } from '../jar-node/fileStore';\nexport { readFileSync } from 'node:fs';\nexport { getDomain } from 'tldts';\n", rule: null },
  { folder: 'cli', what: 'clean: the policy presets of src/shared/settings.ts', code: "export { PRESETS } from '../shared/settings';\n", rule: null },
  { folder: 'cli', what: 'the rest of src/shared', code: "export { checkMessage } from '../shared/protocol';\n", rule: ZONE },
  { folder: 'cli', what: 'the background', code: "export { siteOf } from '../background/cookies';\n", rule: ZONE },
  { folder: 'cli', what: 'the popup, through import()', code: "export const load = () => import('../popup/format');\n", rule: ZONE },
  // src/jar-node: src/jar and Node
  { folder: 'jar-node', what: 'clean: src/jar and Node', code: "export { Cookie } from '../jar';\nexport { readFileSync } from 'node:fs';\n", rule: null },
  { folder: 'jar-node', what: 'src/shared', code: "export { DEFAULT_SETTINGS } from '../shared/settings';\n", rule: ZONE },
  // src/shared: the engines only
  { folder: 'shared', what: 'clean: src/jar', code: "export { Cookie } from '../jar';\n", rule: null },
  { folder: 'shared', what: 'the background', code: "export { siteOf } from '../background/cookies';\n", rule: ZONE },
  { folder: 'shared', what: 'the browser API outside browser.ts', code: "export { default as polyfill } from 'webextension-polyfill';\n", rule: IMPORTS },
  { folder: 'shared', what: 'globalThis.browser', code: 'export const api: unknown = globalThis.browser;\n', rule: PROPERTIES },
  // src/background: never the popup
  { folder: 'background', what: 'clean: src/shared, src/jar, tldts', code: "export { DEFAULT_SETTINGS } from '../shared/settings';\nexport { Cookie } from '../jar';\nexport { getDomain } from 'tldts';\n", rule: null },
  { folder: 'background', what: 'the popup', code: "export { hostOf } from '../popup/format';\n", rule: ZONE },
  { folder: 'background', what: 'the popup, through import()', code: "export const load = () => import('../popup/format');\n", rule: ZONE },
  { folder: 'background', what: 'preact', code: "export { h } from 'preact';\n", rule: IMPORTS },
  { folder: 'background', what: 'the bare chrome global', code: 'export const api: unknown = chrome;\n', rule: GLOBALS },
  // src/popup: never the background
  { folder: 'popup', what: 'clean: src/shared, src/jar, preact', code: "export { DEFAULT_SETTINGS } from '../shared/settings';\nexport { Cookie } from '../jar';\nexport { h } from 'preact';\n", rule: null },
  { folder: 'popup', what: 'the background', code: "import { siteOf } from '../background/cookies';\nexport const site = siteOf('www.example.com');\n", rule: ZONE },
  { folder: 'popup', what: 'the background, re-exported', code: "export * from '../background/cookies';\n", rule: ZONE },
  { folder: 'popup', what: 'the background, as a type only', code: "import type { Background } from '../background/service';\nexport type Worker = Background;\n", rule: ZONE },
  { folder: 'popup', what: 'the background through import()', code: "export const load = () => import('../background/service');\n", rule: ZONE },
  { folder: 'popup', what: 'import() of a computed path', code: "const where = 'background';\nexport const load = () => import(`../${where}/service`);\n", rule: SYNTAX },
  { folder: 'popup', what: 'a type written as import("…")', code: "export type Worker = import('../background/service').Background;\n", rule: SYNTAX },
  { folder: 'popup', what: 'globalThis.chrome', code: 'export const api: unknown = globalThis.chrome;\n', rule: PROPERTIES },
  { folder: 'popup', what: 'window.chrome', code: 'export const api: unknown = window.chrome;\n', rule: PROPERTIES },
  { folder: 'popup', what: 'the chrome global by destructuring', code: 'const { chrome: api } = globalThis;\nexport { api };\n', rule: PROPERTIES },
  { folder: 'popup', what: 'the browser API outside src/shared/browser.ts', code: "export { default as polyfill } from 'webextension-polyfill';\n", rule: IMPORTS },
  { folder: 'popup', what: 'markup from data (dangerouslySetInnerHTML)', code: "export const Cell = ({ html }: { html: string }) => <td dangerouslySetInnerHTML={{ __html: html }} />;\n", rule: SYNTAX, tsx: true },
  { folder: 'popup', what: 'the background, from a test', code: "export { siteOf } from '../background/cookies';\n", rule: ZONE, test: true },
];

const probeName = (c: Case, i: number) => `__lint_probe_${i}${c.test === true ? '.test' : ''}.ts${c.tsx === true ? 'x' : ''}`;
const created: string[] = [];
const createdFolders: string[] = [];
let results = new Map<string, ESLint.LintResult>();

beforeAll(async () => {
  // Probes an interrupted run left behind would fail the repo's own lint: remove them first.
  for (const folder of readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const name of readdirSync(join(ROOT, 'src', folder.name))) {
      if (name.startsWith('__lint_probe_')) rmSync(join(ROOT, 'src', folder.name, name));
    }
  }
  const files = CASES.map((c, i) => {
    const folder = join(ROOT, 'src', c.folder);
    if (!existsSync(folder)) {
      mkdirSync(folder, { recursive: true });
      createdFolders.push(folder);
    }
    const file = join(folder, probeName(c, i));
    writeFileSync(file, `// A throwaway file of test/lint/boundaries.test.ts: ${c.what}.\n${c.code}`);
    created.push(file);
    return file;
  });
  const eslint = new ESLint({ cwd: ROOT });
  results = new Map((await eslint.lintFiles(files)).map((result) => [result.filePath, result]));
}, 120_000);

afterAll(() => {
  for (const file of created) rmSync(file, { force: true });
  for (const folder of createdFolders) rmSync(folder, { recursive: true, force: true });
});

describe('lint keeps the layers apart (eslint.config.js)', () => {
  it('has a case for every rule and a clean file for every folder', () => {
    expect(CASES).toHaveLength(47);
    const folders = new Set(CASES.map((c) => c.folder));
    for (const folder of folders) expect(CASES.some((c) => c.folder === folder && c.rule === null)).toBe(true);
  });

  it.each(CASES.map((c, i) => [`src/${c.folder}: ${c.what}`, c, i] as const))('%s', (_name, c, i) => {
    const { rule } = c;
    const result = results.get(join(ROOT, 'src', c.folder, probeName(c, i)));
    expect(result).toBeDefined();
    const messages = (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
    if (rule === null) expect(messages).toEqual([]);
    else expect(messages).toContainEqual(expect.stringMatching(new RegExp(`^${rule}: `)));
  });
});
