import { defineConfig } from 'vitest/config';

/**
 * Three projects, by what a test needs: `unit` runs code in this process only (`npm run test:unit`, for
 * quick feedback); `integration` starts servers, databases and child processes; `e2e` drives the built
 * app in Chromium. `npm test` runs all three.
 */
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 300_000,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'] } },
    ],
  },
});
