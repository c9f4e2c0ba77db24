// @ts-check
// Mutation testing of the extension layers (docs/testing.md): `npm run test:mutation` runs this over
// every folder, `npm run test:mutation -- popup` over one. Not part of `npm test`: it is slow.
//
// Scope: the logic of src/background, src/shared and src/popup, that is their .ts modules. Not the
// view markup (.tsx: logic a view needs lives in a .ts module beside it, as popup/decisions.ts and
// popup/rows.ts do), not tests, not testing helpers, and not the modules that only hand the real
// browser API over (they are exercised by the e2e suite, which Stryker does not run).

/** The folders mutation testing covers, and what in them is not logic. */
export const FOLDERS = {
  background: ['!src/background/testing/**', '!src/background/index.ts'],
  shared: ['!src/shared/browser.ts'],
  popup: ['!src/popup/mock.ts', '!src/popup/main.tsx'],
};

/** @param {string[]} folders */
export function mutateFor(folders) {
  return folders.flatMap((folder) => [`src/${folder}/**/*.ts`, `!src/${folder}/**/*.test.ts`, ...(FOLDERS[/** @type {keyof typeof FOLDERS} */ (folder)] ?? [])]);
}

/** The folders of this run: MUTATION_FOLDERS (set by scripts/mutation.ts), else all of them. */
const folders = globalThis.process.env['MUTATION_FOLDERS']?.split(',') ?? Object.keys(FOLDERS);
for (const folder of folders) {
  if (!Object.hasOwn(FOLDERS, folder)) throw new Error(`No mutation scope "${folder}": choose among ${Object.keys(FOLDERS).join(', ')}.`);
}
/** Where this run's reports go: one directory per set of folders, so a run of one folder keeps the others' reports. */
const reports = globalThis.process.env['MUTATION_REPORTS'] ?? `reports/mutation/${folders.join('+')}`;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: mutateFor(folders),
  // Only the tests that cover a mutant run against it (docs/testing.md has the time a run takes). `-- --incremental` reuses the results of the last run for unchanged code (one
  // file per set of folders under reports/, not committed): quick while killing survivors, but it
  // also reuses "no coverage" for code that a new test now covers, so the figures of docs/testing.md
  // come from full runs.
  coverageAnalysis: 'perTest',
  incremental: false,
  incrementalFile: `reports/stryker-incremental-${folders.join('+')}.json`,
  // Two test runners: one per core of the machines this runs on (`-- --concurrency 1` on a busier one).
  concurrency: 2,
  timeoutMS: 10_000,
  reporters: ['html', 'json', 'clear-text', 'progress'],
  htmlReporter: { fileName: `${reports}/mutation.html` },
  jsonReporter: { fileName: `${reports}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  // Thresholds of the issue: 80% is the aim for the extension layers (docs/testing.md).
  thresholds: { high: 90, low: 80, break: null },
};
