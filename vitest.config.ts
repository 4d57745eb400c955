import { defineConfig } from 'vitest/config';

// Unit and integration tests sit next to the code (*.test.ts) or under tests/ (sync faults, integration).
// End-to-end browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['src-*/**/*.test.{ts,tsx}', 'tests/{unit,integration,sync,fuzz}/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
