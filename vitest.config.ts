import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/build-site.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
  },
});
