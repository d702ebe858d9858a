import { defineConfig } from 'vitest/config';

/**
 * Two kinds of test, named by what they need:
 *   unit   pure code and small fixtures; seconds on a fresh clone (npm run test:unit)
 *   built  the built site in dist/, a real `astro build`, Chromium, poppler or Java (npm run test:built;
 *          npm test builds first)
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Builds, PDFs and the Nu Html Checker take tens of seconds each.
      { test: { name: 'built', include: ['tests/built/**/*.test.ts'], testTimeout: 120_000 } },
    ],
  },
});
