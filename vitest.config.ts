import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 300_000,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  },
});
