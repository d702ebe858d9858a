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
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { urlVocabulary } from '../src/quality/page-weight.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../src/quality/search-cost.ts';
import { normaliseBase } from '../src/quality/site.ts';
import { serveStatic } from '../src/quality/static-server.ts';
import { CONTENT_DIR } from '../src/validation/paths.ts';

const { values, positionals } = parseArgs({
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
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };

if (!existsSync(path.join(root, 'index.html'))) {
  console.error(`${root} holds no built site: run npm run build first.`);
  process.exit(2);
}
if (!existsSync(CHROMIUM_PATH)) {
  console.error(`Lighthouse needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium), or set CHROMIUM_PATH.`);
  process.exit(2);
}

/** One page of each type, chosen from what was built; a type with no page is skipped. */
async function choosePages(): Promise<{ pages: [name: string, urlPath: string][]; skipped: string[] }> {
  const vocabulary = await urlVocabulary(values.content);
  const built = (p: string) => existsSync(path.join(root, p, 'index.html'));
  const edition = [...vocabulary.editions].sort().reverse().find((e) => built(e));
  const country = edition ? [...vocabulary.countries].sort().find((c) => built(`${edition}/${c}`)) : undefined;
  const theme = edition ? [...vocabulary.themes].sort().find((t) => built(`${edition}/themes/${t}`)) : undefined;
  const candidates: [string, string | undefined, string][] = [
    ['home', '', 'no home page'],
    ['chapter', edition && country ? `${edition}/${country}/` : undefined, 'no chapter page /<edition>/<country>/ built'],
    ['theme', edition && theme ? `${edition}/themes/${theme}/` : undefined, 'no theme page /<edition>/themes/<theme>/ built yet'],
    ['search', built('search') ? 'search/' : undefined, 'no search page /search/ built yet'],
  ];
  const pages: [string, string][] = [];
  const skipped: string[] = [];
  for (const [name, page, reason] of candidates) {
    if (page === undefined) skipped.push(`${name}: ${reason}`);
    else pages.push([name, page]);
  }
  return { pages, skipped };
}

interface Report {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { title: string; score: number | null; displayValue?: string; details?: { items?: { node?: { selector?: string } }[] } }
  >;
  runtimeError?: { message: string };
}

function runLighthouse(url: string, outputPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [
      path.resolve('node_modules/lighthouse/cli/index.js'),
      url,
      '--quiet',
      '--form-factor=mobile',
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
      '--output=json',
      '--output=html',
      `--output-path=${outputPath}`,
    ];
    const child = spawn(process.execPath, args, { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH }, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`Lighthouse exited with ${code} on ${url}`))));
  });
}

const { pages, skipped } = await choosePages();
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
    const output = path.join(values.out, name);
    await runLighthouse(url, output);
    const report = JSON.parse(await readFile(`${output}.report.json`, 'utf8')) as Report;
    if (report.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${report.runtimeError.message}`);
    const scores = CATEGORIES.map((c) => Math.round((report.categories[c]?.score ?? 0) * 100));
    rows.push(`| ${name} | /${page} | ${scores.join(' | ')} |`);
    CATEGORIES.forEach((category, i) => {
      if (scores[i]! < TARGETS[category]) misses.push(`${name}: ${category} ${scores[i]} < ${TARGETS[category]}`);
    });
    // Only audits that count towards a score; Lighthouse's "insights" carry no weight.
    const weighted = new Set(CATEGORIES.flatMap((c) => report.categories[c]?.auditRefs.filter((r) => r.weight > 0).map((r) => r.id) ?? []));
    for (const [id, audit] of Object.entries(report.audits)) {
      if (!weighted.has(id) || audit.score === null || audit.score >= 1) continue;
      const where = audit.details?.items?.[0]?.node?.selector;
      console.log(`  ${id}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}${where ? `, e.g. ${where}` : ''}`);
    }
  }
} finally {
  await server.close();
}

console.log(`\n| page | path | ${CATEGORIES.join(' | ')} |\n| --- | --- | ${CATEGORIES.map(() => '---').join(' | ')} |\n${rows.join('\n')}`);
console.log(`\nReports: ${path.resolve(values.out)}/<page>.report.html (and .json).`);
if (skipped.length) console.log(`Skipped: ${skipped.join('; ')}.`);
if (misses.length) {
  console.error(`Below target (performance ≥ 98, others 100): ${misses.join('; ')}.`);
  process.exit(1);
}
console.log('All audited pages meet the targets.');
