/**
 * npm run lighthouse [-- <folder>] [--port 4430] [--out lighthouse-reports]
 *
 * Serves a built site (default dist/) locally, compressed as a host would, and runs Lighthouse's
 * mobile profile in Debian's Chromium on one page of each type: the home page, a chapter, a theme
 * page and the search page. A type the site does not have yet is skipped and said so. Prints the
 * four category scores, the audits that cost points, and saves the HTML and JSON reports in a
 * git-ignored folder. Targets (issue 7): accessibility, best practices and SEO 100, performance ≥ 98;
 * exits non-zero when a page misses one.
 *
 * Pages are requested as http://localhost:<port>/… so that their canonical links (SITE_URL,
 * http://localhost:4321 by default) name the same host.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { CHROMIUM_PATH } from '../src/quality/chromium.ts';
import { auditPage, CATEGORIES, choosePages } from '../src/quality/lighthouse.ts';
import { normaliseBase } from '../src/quality/site.ts';
import { serveStatic } from '../src/quality/static-server.ts';
import { CONTENT_DIR } from '../src/validation/paths.ts';

await runCommand({ name: 'lighthouse', refusedStatus: 2 }, async () => {
  const { values, positionals } = parseArguments({
    allowPositionals: true,
    options: {
      port: { type: 'string', default: '4430' },
      out: { type: 'string', default: 'lighthouse-reports' },
      content: { type: 'string', default: CONTENT_DIR },
      base: { type: 'string', default: process.env['BASE_PATH'] ?? '/' },
    },
  });
  const root = positionals[0] ?? 'dist';
  const base = normaliseBase(values.base);
  if (!existsSync(path.join(root, 'index.html'))) throw new ReportError(`${root} holds no built site: run npm run build first.`);
  if (!existsSync(CHROMIUM_PATH)) {
    throw new ReportError(`Lighthouse needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium), or set CHROMIUM_PATH.`);
  }

  const { pages, skipped } = await choosePages(root, values.content);
  await mkdir(values.out, { recursive: true });
  const port = Number(values.port);
  const server = await serveStatic(root, { port, base });
  const origin = `http://localhost:${port}`;
  const rows: string[] = [];
  const misses: string[] = [];
  try {
    for (const [name, page] of pages) {
      const url = `${origin}${base}${page}`;
      console.log(`lighthouse: ${name} ${url} …`);
      const audit = await auditPage(url, path.join(values.out, name));
      rows.push(`| ${name} | /${page} | ${audit.scores.join(' | ')} |`);
      misses.push(...audit.misses.map((miss) => `${name}: ${miss}`));
      for (const cost of audit.costs) console.log(`  ${cost}`);
    }
  } finally {
    await server.close();
  }

  console.log(
    `\n| page | path | ${CATEGORIES.join(' | ')} |\n| --- | --- | ${CATEGORIES.map(() => '---').join(' | ')} |\n${rows.join('\n')}`,
  );
  console.log(`\nReports: ${path.resolve(values.out)}/<page>.report.html (and .json).`);
  if (skipped.length) console.log(`Skipped: ${skipped.join('; ')}.`);
  if (misses.length) {
    console.error(`Below target (performance ≥ 98, others 100): ${misses.join('; ')}.`);
    process.exitCode = 1;
    return;
  }
  console.log('All audited pages meet the targets.');
});
