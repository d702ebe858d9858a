import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    // The build-failure test runs a real `astro build`.
    testTimeout: 60_000,
  },
});
