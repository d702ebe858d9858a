/**
 * The smoke suite in Debian's WebKitGTK (MiniBrowser through WebKitWebDriver, started by
 * src/quality/engines.ts), over the built site (OUT_DIR, default dist; npm test builds first).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { smokeSuite } from './smoke.ts';
import { webkit } from './webkit.ts';

const SITE = process.env['OUT_DIR'] ?? 'dist';
const engine = webkit(SITE);

beforeAll(async () => {
  const page = path.join(SITE, '2026/kazakhstan/index.html');
  if (!existsSync(page)) throw new Error(`${page} is missing: run \`npm run build\` before this test.`);
  await engine.start();
});
afterAll(() => engine.stop());

smokeSuite(engine);
