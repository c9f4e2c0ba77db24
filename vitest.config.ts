import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts', 'build/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // The property tests run thousands of cases; on a shared 2-core machine at a load average of 20
    // they took over 5 s (vitest's default) and failed for that alone. Speed is measured by the
    // benches, never by a test's time limit.
    testTimeout: 30_000,
  },
});
