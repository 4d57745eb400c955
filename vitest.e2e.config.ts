import { defineConfig } from 'vitest/config';

// Real Chromium against the built renderer through the web host; one file at a time (2 cores).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    // One full first start of the web host per run; every test copies its data (support/demoTemplate.ts).
    globalSetup: ['tests/e2e/support/demoTemplate.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page reacts on its own schedule; waits end when the condition holds, this is only the ceiling.
    expect: { poll: { timeout: 20_000, interval: 100 } },
  },
});
