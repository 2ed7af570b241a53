import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    pool: 'forks',
    setupFiles: ['tests/setup.ts'],
  },
});
