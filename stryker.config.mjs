// @ts-check
// Mutation testing of the extension layers (docs/testing.md): `npm run test:mutation` runs this over
// every folder, `npm run test:mutation -- popup` over one, `-- background/service.ts` over one file.
// Not part of `npm test`: it is slow.
//
// Scope: the logic of src/background, src/shared and src/popup, that is their .ts modules. Not the
// view markup (.tsx: logic a view needs lives in a .ts module beside it, as popup/decisions.ts and
// popup/rows.ts do), not tests, not testing helpers, and not the modules that only hand the real
// browser API over (they are exercised by the e2e suite, which Stryker does not run).
import { existsSync } from 'node:fs';

/** The folders mutation testing covers, and what in them is not logic. */
export const FOLDERS = {
  background: ['!src/background/testing/**', '!src/background/index.ts'],
  shared: ['!src/shared/browser.ts'],
  popup: ['!src/popup/mock.ts', '!src/popup/main.tsx', '!src/popup/devtools.ts'],
};

/** Whether a file of the scope is left out (a test, a testing helper, a module that only hands over the browser). */
function leftOut(/** @type {string} */ file, /** @type {string[]} */ exclusions) {
  return file.endsWith('.test.ts') || exclusions.some((pattern) => {
    const path = pattern.slice(1);
    return path.endsWith('/**') ? file.startsWith(path.slice(0, -2)) : file === path;
  });
}

/**
 * The files to mutate for these scopes: a folder (`background`) or one module of one
 * (`background/service.ts`, with or without `src/`).
 * @param {string[]} scopes
 */
export function mutateFor(scopes) {
  return scopes.flatMap((scope) => {
    const name = scope.replace(/^src\//, '');
    const [folder = '', ...rest] = name.split('/');
    if (!Object.hasOwn(FOLDERS, folder)) throw new Error(`No mutation scope "${scope}": choose among ${Object.keys(FOLDERS).join(', ')}, or one .ts module in them.`);
    const exclusions = FOLDERS[/** @type {keyof typeof FOLDERS} */ (folder)];
    if (rest.length === 0) return [`src/${folder}/**/*.ts`, `!src/${folder}/**/*.test.ts`, ...exclusions];
    const file = `src/${name}`;
    if (!file.endsWith('.ts') || !existsSync(file) || leftOut(file, exclusions)) throw new Error(`No mutation scope "${scope}": ${file} is not a module of the scope (see FOLDERS in stryker.config.mjs).`);
    return [file];
  });
}

/** This run's scopes: MUTATION_SCOPE (set by scripts/mutation.ts), else every folder. */
const scopes = globalThis.process.env['MUTATION_SCOPE']?.split(',') ?? Object.keys(FOLDERS);
const mutate = mutateFor(scopes);
// Only the background's own tests can reach its code (lint forbids the other layers to import it).
const folders = new Set(scopes.map((scope) => scope.replace(/^src\//, '').split('/')[0]));
if (folders.size === 1 && folders.has('background')) globalThis.process.env['MUTATION_TEST_FOLDERS'] = 'background';
/** The scopes as one name for a directory or file: `background`, `shared+popup`, `background-service.ts`. */
const scopeName = scopes.map((scope) => scope.replace(/^src\//, '').replaceAll('/', '-')).join('+');
/** Where this run's reports go: one directory per set of scopes, so a run of one folder keeps the others' reports. */
const reports = globalThis.process.env['MUTATION_REPORTS'] ?? `reports/mutation/${scopeName}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate,
  // Only the tests that cover a mutant run against it (docs/testing.md has the time a run takes).
  // `-- --incremental` reuses the results of the last run for unchanged code (one file per set of
  // scopes under reports/, not committed): quick while killing survivors, but it also reuses "no
  // coverage" for code that a new test now covers, so the figures of docs/testing.md come from full
  // runs.
  coverageAnalysis: 'perTest',
  incremental: false,
  incrementalFile: `reports/stryker-incremental-${scopeName}.json`,
  // Two test runners: one per core of the machines this runs on (`-- --concurrency 1` on a busier one).
  concurrency: 2,
  timeoutMS: 10_000,
  // The initial run of every test, instrumented: on a loaded 2-core machine the background's tests took over Stryker's default 5 minutes.
  dryRunTimeoutMinutes: 30,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Thresholds of the issue: 80% is the aim for the extension layers (docs/testing.md).
  thresholds: { high: 90, low: 80, break: null },
};
