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
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { urlVocabulary, weighPageTypes } from '../src/quality/page-weight.ts';
import { runBuild } from '../src/quality/run-build.ts';
import { measureFirstSearch } from '../src/quality/search-cost.ts';
import { serveStatic } from '../src/quality/static-server.ts';
import { writeSyntheticContent } from '../src/quality/synthetic.ts';
import { CONTENT_DIR } from '../src/validation/paths.ts';

const KB = 1000;
const CHAPTER_BUDGET = 50 * KB;
const SEARCH_BUDGET = 100 * KB;
const CHAPTER = '/<edition>/<country>/';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    content: { type: 'string', default: CONTENT_DIR },
    base: { type: 'string', default: process.env['BASE_PATH'] ?? '/' },
    port: { type: 'string', default: '4421' },
  },
});
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const started = performance.now();

interface Figures {
  site: string;
  chapters: number;
  heaviestChapter: string;
  chapterBytes: number;
  searchBytes: number;
  searchRequests: number;
  /** Every page type, for the report's own figures (the budget itself is on the chapter). */
  types: Awaited<ReturnType<typeof weighPageTypes>>;
}

async function measure(site: string, dist: string, contentDir: string, base: string): Promise<Figures> {
  const types = await weighPageTypes(dist, base, await urlVocabulary(contentDir));
  const chapters = types.find((t) => t.type === CHAPTER);
  if (!chapters) throw new Error(`${dist} has no chapter page (${CHAPTER}); is it a build of the report?`);
  const server = await serveStatic(dist, { port: Number(values.port), base });
  try {
    const search = await measureFirstSearch(server);
    if (search.foreign.length) throw new Error(`The search contacted another origin: ${search.foreign.join(', ')}`);
    return {
      site,
      chapters: chapters.pages,
      heaviestChapter: chapters.heaviest.page,
      // Without search: the chapter's HTML and stylesheets, not the scripts that enhance it.
      chapterBytes: chapters.heaviest.html.gzip + chapters.heaviest.css.gzip,
      searchBytes: search.transferred,
      searchRequests: search.requests,
      types,
    };
  } finally {
    await server.close();
  }
}

if (!existsSync(path.join(values.dist, 'index.html'))) {
  console.error(`${values.dist} holds no built site: run npm run build first (or pass --dist <folder>).`);
  process.exit(2);
}
const results: Figures[] = [];
console.log(`budget: measuring the report as built in ${values.dist}/`);
results.push(await measure('report (content/)', values.dist, values.content, values.base));

const work = await mkdtemp(path.join(tmpdir(), 'report-budget-'));
try {
  console.log(`budget: building a 10-country SYNTHETIC edition in ${work}`);
  const contentDir = path.join(work, 'content');
  await writeSyntheticContent(contentDir, { countries: 10 });
  const dist = path.join(work, 'dist');
  const build = await runBuild({ contentDir, outDir: dist, cacheDir: path.join(work, 'cache') });
  console.log(`budget: built in ${build.seconds.toFixed(1)} s; measuring`);
  results.push(await measure('10 synthetic countries', dist, contentDir, '/'));
} finally {
  await rm(work, { recursive: true, force: true });
}

const breaches: string[] = [];
console.log('\n| site | heaviest chapter (HTML+CSS, gzip) | budget | first search | budget |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of results) {
  const chapterOk = r.chapterBytes < CHAPTER_BUDGET;
  const searchOk = r.searchBytes < SEARCH_BUDGET;
  console.log(
    `| ${r.site} | ${kb(r.chapterBytes)} (${r.heaviestChapter}, of ${r.chapters}) | ${chapterOk ? 'ok' : 'OVER'} < ${kb(CHAPTER_BUDGET)} | ${kb(r.searchBytes)} in ${r.searchRequests} requests | ${searchOk ? 'ok' : 'OVER'} < ${kb(SEARCH_BUDGET)} |`,
  );
  if (!chapterOk) breaches.push(`${r.site}: chapter ${r.heaviestChapter} is ${kb(r.chapterBytes)} compressed, over ${kb(CHAPTER_BUDGET)}`);
  if (!searchOk) breaches.push(`${r.site}: the first search fetches ${kb(r.searchBytes)}, over ${kb(SEARCH_BUDGET)}`);
}
const [report] = results;
if (report) {
  console.log(`\nEvery page type of ${report.site}, heaviest page (gzip; scripts only enhance, pages read without them):\n`);
  console.log('| page type | pages | HTML+CSS | HTML+CSS+JS |');
  console.log('| --- | --- | --- | --- |');
  for (const t of report.types) {
    const h = t.heaviest;
    console.log(`| \`${t.type}\` | ${t.pages} | ${kb(h.html.gzip + h.css.gzip)} | ${kb(h.total.gzip)} |`);
  }
}
const seconds = ((performance.now() - started) / 1000).toFixed(0);
if (breaches.length) {
  console.error(`\nBudget exceeded (${seconds} s):\n  ${breaches.join('\n  ')}`);
  process.exit(1);
}
console.log(`\nBudget met on both builds (${seconds} s).`);
