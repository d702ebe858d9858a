import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './src/quality/chromium.ts';

/**
 * Browser tests run in Debian's Chromium (Playwright's own browser download is not available on
 * these machines). They browse the site as built by `npm run build` (npm test builds first), and a
 * second build under the sub-path /reports/ made here.
 */
// Ports and the sub-path build's folder can be moved so that two test runs can share a machine.
const PORT = Number(process.env['E2E_PORT'] ?? 4330);
const SUBPATH_PORT = Number(process.env['E2E_SUBPATH_PORT'] ?? 4331);
const SUBPATH_OUT = process.env['E2E_SUBPATH_OUT'] ?? 'dist-subpath';
const env = { ASTRO_TELEMETRY_DISABLED: '1' };

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  reporter: [['list']],
  use: {
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [
    {
      name: 'site',
      testIgnore: /subpath\.spec\.ts/,
      use: { baseURL: `http://localhost:${PORT}/` },
    },
    {
      name: 'subpath',
      testMatch: /subpath\.spec\.ts/,
      use: { baseURL: `http://localhost:${SUBPATH_PORT}/reports/` },
    },
  ],
  webServer: [
    {
      command: `astro preview --port ${PORT} --ignore-lock`,
      url: `http://localhost:${PORT}/`,
      env,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The same site built for publication under a sub-path, into its own folder.
      command: `astro build && astro preview --port ${SUBPATH_PORT} --ignore-lock`,
      url: `http://localhost:${SUBPATH_PORT}/reports/`,
      env: {
        ...env,
        BASE_PATH: '/reports/',
        OUT_DIR: SUBPATH_OUT,
        CACHE_DIR: `${SUBPATH_OUT}-cache`,
        SITE_URL: `http://localhost:${SUBPATH_PORT}`,
      },
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
