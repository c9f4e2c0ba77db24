// The unit tests that can kill a mutant of the extension layers (stryker.config.mjs): theirs, not the
// engine's thousands of vectors or the lint proof, which never touch these folders. A run whose
// scopes are all in src/background runs only the background's tests (MUTATION_TEST_FOLDERS, set by
// stryker.config.mjs): lint keeps src/shared and src/popup from importing the background, so no
// other test can reach its code, and the initial run of every test is then a third as long.
import { defineConfig } from 'vitest/config';

const folders = process.env['MUTATION_TEST_FOLDERS'] ?? 'background,shared,popup';

export default defineConfig({
  test: {
    include: folders.split(',').map((folder) => `src/${folder}/**/*.test.{ts,tsx}`),
    environment: 'node',
    // Instrumented code runs several times slower, and more on a machine shared with other work: a
    // test that needs a few seconds here may need a minute or two.
    testTimeout: 180_000,
  },
});
