/**
 * The environment for an `astro build` a test starts: the test's own, without what Vitest adds
 * (NODE_ENV=test, MODE=test, VITEST_*, and Vite's DEV, PROD, SSR, TEST, BASE_URL), which Vite would
 * read back as import.meta.env and build the site as for `npm run dev` (with no search, for one). Plus the variables the build reads, as the test sets them.
 */
export function buildEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const own = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST.*|MODE|NODE_ENV|DEV|PROD|SSR|TEST|BASE_URL)$/.test(key)),
  );
  return { ...own, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}
