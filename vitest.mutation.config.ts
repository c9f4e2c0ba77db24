// The unit tests that can kill a mutant of the extension layers (stryker.config.mjs): theirs, not the
// engine's thousands of vectors or the lint proof, which never touch these folders.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/{background,shared,popup}/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Instrumented code runs several times slower: a test that needs a second here may need ten.
    testTimeout: 60_000,
  },
});
