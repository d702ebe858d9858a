import { defineConfig } from 'vitest/config';

/**
 * Two kinds of test, named by what they need:
 *   unit   pure code and small fixtures; seconds on a fresh clone (npm run test:unit)
 *   built    the built site in dist/, a real `astro build`, Chromium, poppler or Java (npm run test:built;
 *            npm test builds first)
 *   engines  the built site in Firefox ESR and WebKitGTK, Debian's (npm run test:engines; npm test
 *            builds first). Chromium's browser tests are Playwright's (tests/e2e/).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // Builds, PDFs and the Nu Html Checker take tens of seconds each.
      { test: { name: 'built', include: ['tests/built/**/*.test.ts'], testTimeout: 120_000 } },
      // A browser start takes seconds; each suite file starts its own engine and server.
      { test: { name: 'engines', include: ['tests/engines/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
    ],
  },
});
