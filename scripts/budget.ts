/**
 * npm run budget [-- --dist <folder>] [--port 4421]
 *
 * The performance budget, checked on two builds: the real report (default dist/, as `npm test`
 * builds it just before) and a 10-country SYNTHETIC edition built here into /tmp.
 *
 *   - every chapter page under 50 KB compressed: its HTML and stylesheets, gzip, without search;
 *   - the first search query under 100 KB fetched (Pagefind's script, WebAssembly, index, results).
 *
 * KB is 1,000 bytes. Prints every figure, and exits non-zero on any breach.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { type Figures, judgeBudget, measureBudget, measureSyntheticBudget } from '../src/quality/budget.ts';
import { kb } from '../src/quality/units.ts';
import { CONTENT_DIR } from '../src/validation/paths.ts';

// Exit 2: nothing to measure, or the measurement could not be made; exit 1: over budget.
await runCommand({ name: 'budget', refusedStatus: 2 }, async () => {
  const values = parseArguments({
    options: {
      dist: { type: 'string', default: 'dist' },
      content: { type: 'string', default: CONTENT_DIR },
      base: { type: 'string', default: process.env['BASE_PATH'] ?? '/' },
      port: { type: 'string', default: '4421' },
    },
  }).values;
  const started = performance.now();
  if (!existsSync(path.join(values.dist, 'index.html'))) {
    throw new ReportError(`${values.dist} holds no built site: run npm run build first (or pass --dist <folder>).`);
  }
  const port = Number(values.port);
  const results: Figures[] = [];
  console.log(`budget: measuring the report as built in ${values.dist}/`);
  results.push(await measureBudget('report (content/)', values.dist, values.content, values.base, port));
  results.push(await measureSyntheticBudget(port, (line) => console.log(`budget: ${line}`)));

  const breaches: string[] = [];
  console.log('\n| site | heaviest chapter (HTML+CSS, gzip) | budget | first search | budget |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of results) {
    const judged = judgeBudget(r);
    console.log(judged.row);
    breaches.push(...judged.breaches);
  }
  const [report] = results;
  if (report) {
    console.log(`\nEvery page type of ${report.site}, heaviest page (gzip; scripts only enhance, pages read without them):\n`);
    console.log('| page type | pages | HTML+CSS | HTML+CSS+JS | requests (first visit) |');
    console.log('| --- | --- | --- | --- | --- |');
    for (const t of report.types) {
      const h = t.heaviest;
      console.log(`| \`${t.type}\` | ${t.pages} | ${kb(h.html.gzip + h.css.gzip)} | ${kb(h.total.gzip)} | ${h.requests} |`);
    }
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  if (breaches.length) {
    console.error(`\nBudget exceeded (${seconds} s):\n  ${breaches.join('\n  ')}`);
    process.exitCode = 1;
    return;
  }
  console.log(`\nBudget met on both builds (${seconds} s).`);
});
