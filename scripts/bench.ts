/**
 * npm run bench: how the site's cost grows with the report.
 *
 * Generates synthetic editions of 1, 10 and 54 countries (every country with the full theme
 * vocabulary, text from shuffled sentences of the seed chapter, labelled SYNTHETIC on every page)
 * in a temporary folder, builds each with the real build, and measures: build wall time and peak
 * memory, dist size, Pagefind index size, bytes fetched by the first search, compressed HTML+CSS+JS
 * of each page type, and PDF generation time when `npm run pdf` exists. Prints progress and a
 * summary, and writes docs/bench.json and docs/bench.md (only for the default run, so a quick
 * trial never overwrites the committed figures).
 *
 *   npm run bench                                  the full run (about 3 minutes on 2 cores)
 *   npm run bench -- --countries 1,10              a quicker trial; prints, writes nothing
 *   npm run bench -- --generate 50 --out <dir>     only write a synthetic content folder
 *                                                  (CONTENT_DIR=<dir> npm run build uses it)
 *   options: --work <dir> (default /tmp/report-bench), --port <4400–4499>, --keep
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { median, parseBuildLog } from '../src/quality/build-log.ts';
import { judgeGrowth, type GrowthVerdict } from '../src/quality/growth.ts';
import { formatVnuMessage, judge } from '../src/quality/html-validity.ts';
import { checkLinks, formatFinding } from '../src/quality/links.ts';
import { loadSiteFacts } from '../src/quality/load-site.ts';
import { listFiles } from '../src/quality/site.ts';
import { runVnu } from '../src/quality/vnu.ts';
import { folderBytes, isPagefindIndexFile, pageType, urlVocabulary, weighPageTypes, type PageTypeWeight } from '../src/quality/page-weight.ts';
import { runBuild } from '../src/quality/run-build.ts';
import { CHROMIUM_PATH, measureFirstSearch, type SearchCost } from '../src/quality/search-cost.ts';
import { serveStatic } from '../src/quality/static-server.ts';
import { REVIEW_COUNTRIES, writeSyntheticContent } from '../src/quality/synthetic.ts';

const DEFAULT_COUNTRIES = [1, 10, 54];
const { values } = parseArgs({
  options: {
    countries: { type: 'string', default: DEFAULT_COUNTRIES.join(',') },
    work: { type: 'string', default: '/tmp/report-bench' },
    port: { type: 'string', default: '4420' },
    keep: { type: 'boolean', default: false },
    generate: { type: 'string' },
    out: { type: 'string' },
    editions: { type: 'string', default: '1' },
  },
});

if (values.generate) {
  if (!values.out) throw new Error('--generate needs --out <folder> for the synthetic content.');
  const written = await writeSyntheticContent(values.out, { countries: Number(values.generate), editions: Number(values.editions) });
  console.log(`Wrote ${written.files} files of SYNTHETIC content to ${written.dir}. Build it with:\n  CONTENT_DIR=${written.dir} OUT_DIR=/tmp/synthetic-dist CACHE_DIR=/tmp/synthetic-cache npm run build`);
  process.exit(0);
}

const counts = values.countries.split(',').map(Number);
if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > REVIEW_COUNTRIES.length)) {
  throw new Error(`--countries takes whole numbers from 1 to ${REVIEW_COUNTRIES.length}, separated by commas.`);
}
const writeDocs = values.countries === DEFAULT_COUNTRIES.join(',');
const port = Number(values.port);
const work = path.resolve(values.work);
const KB = 1000;
const MB = 1000 * 1000;
const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;
const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

interface PdfResult {
  seconds?: number;
  files?: number;
  /** Median seconds per chapter, from the job's own progress lines, and the first and last chapter's. */
  perChapter?: { median: number; first: number; last: number } | undefined;
  skipped?: string;
}

interface Run {
  countries: number;
  sections: number;
  pages: number;
  build: {
    seconds: number;
    peakTreeBytes: number;
    peakProcessBytes?: number | undefined;
    loadBefore: number;
    /** Phases from Astro's log; startup is the wall time before Astro's own clock starts (config, content validation, sync). */
    phases: { startup?: number; collect?: number; render?: number; bundle?: number; afterRender?: number };
    /** Median render milliseconds per page, by page type. */
    renderMs: Record<string, number>;
  };
  dist: { bytes: number; files: number };
  pagefind: { totalBytes: number; indexBytes: number; indexFiles: number };
  search: SearchCost;
  pageTypes: PageTypeWeight[];
  pdf: PdfResult;
  /** The quality gates of npm test, run on the synthetic build: correctness at scale. */
  quality: { linkProblems: number; htmlProblems: number; seconds: number; examples: string[] };
}

async function qualityAtScale(dist: string): Promise<Run['quality']> {
  const started = performance.now();
  const links = checkLinks(await loadSiteFacts(dist), { base: '/', origin: 'http://localhost:4321' });
  const files = (await listFiles(dist)).filter((f) => /\.(html|css|svg)$/.test(f)).map((f) => path.join(dist, f));
  const html = judge(await runVnu(files)).failures;
  return {
    linkProblems: links.length,
    htmlProblems: html.length,
    seconds: (performance.now() - started) / 1000,
    examples: [...links.slice(0, 3).map(formatFinding), ...html.slice(0, 3).map((m) => formatVnuMessage(m, dist))],
  };
}

/** Whether `npm run pdf` can be measured without touching dist/, and why not when it cannot. */
async function pdfPlan(): Promise<string | undefined> {
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { scripts?: Record<string, string> };
  const command = pkg.scripts?.['pdf'];
  if (!command) return 'no `npm run pdf` script yet';
  if (!existsSync(CHROMIUM_PATH)) return `no Chromium at ${CHROMIUM_PATH}`;
  const script = /node\s+(\S+\.[cm]?[jt]s)/.exec(command)?.[1];
  const source = script ? await readFile(script, 'utf8').catch(() => '') : '';
  // Others build into dist/ and public/ at the same time: a PDF job that cannot be told to write
  // only into the synthetic build must not run (by default npm run pdf also writes public/pdf/,
  // which the next real build would copy into the site).
  if (!source.includes('OUT_DIR') || !source.includes('--out')) {
    return `\`npm run pdf\` (${command}) cannot be pointed at the synthetic build alone (needs OUT_DIR and --out)`;
  }
  return undefined;
}

async function measurePdf(dist: string, contentDir: string, skip: string | undefined): Promise<PdfResult> {
  if (skip) return { skipped: skip };
  const started = performance.now();
  let output = '';
  const code: number = await new Promise((resolve) => {
    const child = spawn('npm', ['run', 'pdf', '--', '--site', dist, '--out', path.join(dist, 'pdf')], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: dist, CONTENT_DIR: contentDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (c) => resolve(c ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) return { skipped: `npm run pdf failed (exit ${code})` };
  const pdfs = await folderBytes(path.join(dist, 'pdf'), (f) => f.endsWith('.pdf'));
  // Its progress lines end with each chapter's time ("[3/54] 2026-armenia.pdf 201 KB 1.4 s").
  const times = [...output.matchAll(/^\[\d+\/\d+\] .* ([\d.]+) s$/gm)].map((m) => Number(m[1]));
  const perChapter = times.length ? { median: median(times)!, first: times[0]!, last: times.at(-1)! } : undefined;
  return { seconds, files: pdfs.files, perChapter };
}

async function benchOne(countries: number, pdfSkip: string | undefined): Promise<Run> {
  const contentDir = path.join(work, `content-${countries}`);
  const dist = path.join(work, `site-${countries}`, 'dist');
  log(`${countries} ${countries === 1 ? 'country' : 'countries'}: generating SYNTHETIC content in ${contentDir}`);
  await writeSyntheticContent(contentDir, { countries });
  // The machine is shared: the load average says how much the other work may have slowed a build.
  const loadBefore = loadavg()[0]!;
  log(`${countries}: building (cold cache) into ${dist}; load average ${loadBefore.toFixed(1)} on ${cpus().length} cores`);
  const built = await runBuild({
    contentDir,
    outDir: dist,
    cacheDir: path.join(work, `site-${countries}`, 'cache'),
    onProgress: (s, rss) => log(`${countries}: … still building, ${s.toFixed(0)} s, ${mb(rss)} resident`),
  });
  const vocabulary = await urlVocabulary(contentDir);
  const phases = parseBuildLog(await readFile(built.log, 'utf8'));
  const renderByType = new Map<string, number[]>();
  for (const [route, ms] of phases.routes) {
    const type = pageType(route.replace(/index\.html$/, ''), '/', vocabulary);
    renderByType.set(type, [...(renderByType.get(type) ?? []), ms]);
  }
  const build = {
    seconds: built.seconds,
    peakTreeBytes: built.peakTreeBytes,
    peakProcessBytes: built.peakProcessBytes,
    loadBefore,
    phases: {
      ...(phases.builtSeconds !== undefined && { startup: built.seconds - phases.builtSeconds }),
      ...(phases.collectSeconds !== undefined && { collect: phases.collectSeconds }),
      ...(phases.renderSeconds !== undefined && { render: phases.renderSeconds }),
      ...(phases.staticSeconds !== undefined && phases.renderSeconds !== undefined && { bundle: phases.staticSeconds - phases.renderSeconds }),
      ...(phases.afterRenderSeconds !== undefined && { afterRender: phases.afterRenderSeconds }),
    },
    renderMs: Object.fromEntries([...renderByType].map(([type, ms]) => [type, median(ms)!])),
  };
  log(`${countries}: built in ${build.seconds.toFixed(1)} s, peak ${mb(build.peakTreeBytes)} (all processes); measuring`);
  const distSize = await folderBytes(dist);
  const pagefindTotal = await folderBytes(path.join(dist, 'pagefind'));
  const pagefindIndex = await folderBytes(path.join(dist, 'pagefind'), isPagefindIndexFile);
  const pageTypes = await weighPageTypes(dist, '/', vocabulary);
  const server = await serveStatic(dist, { port });
  let search: SearchCost;
  try {
    search = await measureFirstSearch(server);
  } finally {
    await server.close();
  }
  if (search.foreign.length) throw new Error(`The search contacted another origin: ${search.foreign.join(', ')}`);
  const pdf = await measurePdf(dist, contentDir, pdfSkip);
  log(`${countries}: running the link check and the Nu Html Checker on every page`);
  const quality = await qualityAtScale(dist);
  const run: Run = {
    countries,
    sections: countries * 27,
    pages: pageTypes.reduce((n, t) => n + t.pages, 0),
    build,
    dist: distSize,
    pagefind: { totalBytes: pagefindTotal.bytes, indexBytes: pagefindIndex.bytes, indexFiles: pagefindIndex.files },
    search,
    pageTypes,
    pdf,
    quality,
  };
  log(
    `${countries}: ${run.pages} pages, dist ${mb(run.dist.bytes)}, index ${mb(run.pagefind.indexBytes)}, first search ${kb(search.transferred)} in ${search.requests} requests` +
      (pdf.seconds !== undefined ? `, PDF ${pdf.seconds.toFixed(1)} s` : `, PDF skipped (${pdf.skipped})`) +
      `; ${quality.linkProblems} link and ${quality.htmlProblems} HTML problems (${quality.seconds.toFixed(0)} s)`,
  );
  for (const example of quality.examples) log(`${countries}:   e.g. ${example.split('\n')[0]}`);
  return run;
}

// ---------------------------------------------------------------------------------------------

const startedAll = performance.now();
await mkdir(work, { recursive: true });
const pdfSkip = await pdfPlan();
const runs: Run[] = [];
for (const n of counts) runs.push(await benchOne(n, pdfSkip));

const header = ['countries', ...runs.map((r) => String(r.countries))];
const row = (label: string, cell: (r: Run) => string) => [label, ...runs.map(cell)];
const seconds = (n: number) => `${n.toFixed(1)} s`;
/** Pagefind's own code (script, worker, WebAssembly): the part of a search that no content changes. */
const SEARCH_PARTS = {
  code: /\.(js|pagefind)$/,
  meta: /\.pf_meta$|pagefind-entry\.json$/,
  chunk: /\/index\//,
  fragments: /\/fragment\//,
};
const searchPart = (r: Run, part: keyof typeof SEARCH_PARTS) =>
  r.search.files.filter((f) => SEARCH_PARTS[part].test(f.path)).reduce((n, f) => n + f.bytes, 0);
const figures: [label: string, value: (r: Run) => number | undefined, show: (n: number) => string][] = [
  ['build wall time', (r) => r.build.seconds, seconds],
  ['… start-up: config, content validation, content sync', (r) => r.build.phases.startup, seconds],
  ['… collecting build info (content collections)', (r) => r.build.phases.collect, seconds],
  ['… bundling (Vite)', (r) => r.build.phases.bundle, seconds],
  ['… rendering every page', (r) => r.build.phases.render, seconds],
  ['… after rendering (Pagefind index, build hooks)', (r) => r.build.phases.afterRender, seconds],
  ['build peak memory (all processes)', (r) => r.build.peakTreeBytes, mb],
  ['build peak memory (largest process)', (r) => r.build.peakProcessBytes, mb],
  ['dist size', (r) => r.dist.bytes, mb],
  ['Pagefind index (fragments, index chunks, meta)', (r) => r.pagefind.indexBytes, mb],
  ['Pagefind folder (index + fixed JS/CSS/WASM)', (r) => r.pagefind.totalBytes, mb],
  ['first search query, bytes fetched', (r) => r.search.transferred, kb],
  ['… of which Pagefind code (JS, worker, WASM)', (r) => searchPart(r, 'code'), kb],
  ['… of which metadata (an entry per indexed page)', (r) => searchPart(r, 'meta'), kb],
  ['… of which the index chunk holding the word', (r) => searchPart(r, 'chunk'), kb],
  ['… of which five result fragments', (r) => searchPart(r, 'fragments'), kb],
  ['PDF generation, all chapters', (r) => r.pdf.seconds, seconds],
  ['… per chapter (median)', (r) => r.pdf.perChapter?.median, seconds],
];
const types = [...new Set(runs.flatMap((r) => r.pageTypes.map((t) => t.type)))].sort();
const typeOf = (r: Run, type: string) => r.pageTypes.find((t) => t.type === type);
const rows: string[][] = [
  row('sections (27 themes each)', (r) => String(r.sections)),
  row('HTML pages', (r) => String(r.pages)),
  row('load average before the build (other work on the machine)', (r) => r.build.loadBefore.toFixed(1)),
  row('link check / Nu Html Checker problems', (r) => `${r.quality.linkProblems} / ${r.quality.htmlProblems}`),
  ...figures.map(([label, value, show]) => row(label, (r) => {
    const v = value(r);
    if (v !== undefined) return show(v);
    return label.startsWith('PDF') || label.includes('per chapter') ? 'skipped' : 'n/a';
  })),
];
const typeRows: string[][] = types.map((type) => [
  `\`${type}\``,
  ...runs.map((r) => {
    const t = typeOf(r, type);
    return t ? `${kb(t.heaviest.total.gzip)} / ${kb(t.heaviest.total.brotli)} (${t.pages})` : '—';
  }),
]);

const renderRows: string[][] = types.map((type) => [
  `\`${type}\``,
  ...runs.map((r) => (r.build.renderMs[type] !== undefined ? `${r.build.renderMs[type]} ms` : '—')),
]);

function table(head: string[], body: string[][]): string {
  const lines = [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`);
  return lines.join('\n');
}

const points = (value: (r: Run) => number | undefined) =>
  runs.flatMap((r) => {
    const v = value(r);
    return v === undefined ? [] : [{ countries: r.countries, value: v }];
  });

/**
 * Why a figure grows as it does, where the cause is known from the site's design. Printed only
 * next to the judgement it explains, so a change in behaviour shows up as an unexplained line.
 */
const WHY: Record<string, Partial<Record<GrowthVerdict['growth'], string>>> = {
  'build wall time': {
    superlinear: 'See the phases below and the render time per page: a phase whose cost per country rises is where the extra time goes. Timings are wall-clock on a shared machine (see the load average), so the smaller builds carry a few seconds of noise.',
  },
  'first search query, bytes fetched': {
    linear: 'Pagefind\'s code is fixed and its index chunks are cut to a bounded size; what grows is the metadata, one entry per indexed page of every edition.',
    superlinear: 'Pagefind\'s code is fixed and its index chunks are cut to a bounded size; what grows is the metadata, one entry per indexed page of every edition.',
  },
  '… of which the index chunk holding the word': {
    flat: 'Pagefind cuts its index into chunks of bounded size, so the chunk a query loads does not grow with the report.',
  },
  '`/`': { linear: 'The home page lists every country (and draws it on the map), so it grows by design.' },
  '`/<edition>/`': { linear: 'The edition page lists every country, so it grows by design.' },
  '`/<edition>/themes/<theme>/`': {
    linear: "A theme page shows every country's section on that theme side by side, so it grows by design: one section per country.",
    sublinear: "A theme page shows every country's section on that theme side by side, so it grows with the countries by design; compression makes each added section cheaper.",
  },
};

const growthLines: string[] = [];
const growthData: Record<string, GrowthVerdict> = {};
if (runs.length > 1) {
  for (const [label, value, show] of figures) {
    const p = points(value);
    if (p.length < 2) continue;
    const verdict = judgeGrowth(p, show);
    growthData[label] = verdict;
    growthLines.push(`- **${label}**: ${verdict.summary}${WHY[label]?.[verdict.growth] ? ` ${WHY[label][verdict.growth]}` : ''}`);
  }
  for (const type of types) {
    const p = points((r) => typeOf(r, type)?.heaviest.total.gzip);
    if (p.length < 2) continue;
    const verdict = judgeGrowth(p, kb);
    growthData[`page ${type}`] = verdict;
    const why = WHY[`\`${type}\``]?.[verdict.growth];
    growthLines.push(`- **\`${type}\` page (gzip)**: ${verdict.summary}${why ? ` ${why}` : ''}`);
  }
}

const at = (n: number) => runs.find((r) => r.countries === n);
const chapterType = '/<edition>/<country>/';
const targets: string[] = [];
const largest = at(54);
if (largest) {
  const ok = largest.build.seconds < 60;
  targets.push(`- Full build of the 54-country edition under 60 s on this ${cpus().length}-core machine: ${largest.build.seconds.toFixed(1)} s — ${ok ? 'met' : '**MISSED**'}.`);
}
const ten = at(10);
if (ten) {
  const chapter = typeOf(ten, chapterType);
  if (chapter) {
    const htmlCss = chapter.heaviest.html.gzip + chapter.heaviest.css.gzip;
    targets.push(`- Chapter page under 50 KB compressed, HTML+CSS without search (10 countries, heaviest chapter, gzip): ${kb(htmlCss)} — ${htmlCss < 50 * KB ? 'met' : '**MISSED**'} (\`npm run budget\` checks it).`);
  }
  targets.push(`- First search query under 100 KB (10 countries): ${kb(ten.search.transferred)} — ${ten.search.transferred < 100 * KB ? 'met' : '**MISSED**'} (\`npm run budget\` checks it).`);
}

const commit = await new Promise<string>((resolve) => {
  const git = spawn('git', ['rev-parse', '--short', 'HEAD']);
  let out = '';
  git.stdout.on('data', (c: Buffer) => (out += c.toString()));
  git.on('close', () => resolve(out.trim()));
});
const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}`;
const totalSeconds = (performance.now() - startedAll) / 1000;

const markdown = `# Benchmark: how the site's cost grows with the report

Generated by \`npm run bench\` (scripts/bench.ts); do not edit by hand. Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC
at commit ${commit} (with the working tree as it was), on ${machine}, in ${totalSeconds.toFixed(0)} s.

Each edition is SYNTHETIC: every country has a section for each of the 27 themes, written from shuffled
sentences of the Kazakhstan chapter (src/quality/synthetic.ts, seed 1), and every page says so. Builds are cold
(empty cache), one at a time, with the project's real build. KB and MB are 1,000 and 1,000,000 bytes.

${table(header, rows)}

Heaviest page of each type: HTML + the CSS and JS it loads, gzip level 9 / brotli quality 11 (number of pages of the type):

${table(header, typeRows)}

Median time Astro took to render one page of each type (from its build log; a per-page time that rises with the
countries is a cost that grows faster than the number of pages):

${table(header, renderRows)}

How each figure grows from ${runs[0]?.countries} to ${runs.at(-1)?.countries} ${runs.at(-1)?.countries === 1 ? 'country' : 'countries'} (the cost of each added country, early versus late):

${growthLines.join('\n')}

Targets:

${targets.join('\n')}

Method: peak memory is sampled every 200 ms over the build's whole process tree (Pagefind indexes in a child
process), and GNU time gives the largest single process. The first search runs Pagefind's JS API in Debian's
Chromium (\`import('/pagefind/pagefind.js')\`, \`init()\`, \`search('propaganda')\`, \`data()\` of the first five
results) against the site served by src/quality/static-server.ts, which compresses text as a host would;
bytes are counted by the server (bodies on the wire plus headers). PDF: ${pdfSkip ? `not measured: ${pdfSkip}.` : '`npm run pdf -- --site <build> --out <build>/pdf` timed on each build (every chapter, one PDF each).'}
`;

console.log(`\n${markdown}`);
if (writeDocs) {
  await mkdir('docs', { recursive: true });
  const json = { generated: new Date().toISOString(), commit, machine, seconds: totalSeconds, runs, growth: growthData, targets };
  await writeFile('docs/bench.json', `${JSON.stringify(json, null, 2)}\n`);
  await writeFile('docs/bench.md', markdown);
  log('wrote docs/bench.md and docs/bench.json');
} else {
  log(`not writing docs/ (only the default run --countries ${DEFAULT_COUNTRIES.join(',')} does)`);
}
if (!values.keep) await rm(work, { recursive: true, force: true });
log(`done in ${totalSeconds.toFixed(0)} s${values.keep ? `; builds kept in ${work}` : ''}`);
