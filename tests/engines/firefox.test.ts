/**
 * The smoke suite in Debian's Firefox ESR (src/quality/engines.ts), over the built site (OUT_DIR,
 * default dist; npm test builds first), and what only Firefox needs: its print, which ignores
 * the @page margin boxes that carry Chromium's running header and page numbers.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { firefox } from './firefox.ts';
import { smokeSuite } from './smoke.ts';

const SITE = process.env['OUT_DIR'] ?? 'dist';
const engine = firefox(SITE);

beforeAll(async () => {
  const page = path.join(SITE, '2026/kazakhstan/index.html');
  if (!existsSync(page)) throw new Error(`${page} is missing: run \`npm run build\` before this test.`);
  await engine.start();
});
afterAll(() => engine.stop());

smokeSuite(engine);
