/**
 * Measuring one synthetic edition for the benchmark: generate SYNTHETIC content of n countries,
 * build it cold with the real build, then measure the build (time, memory, phases, render time per
 * page type), the output (dist and Pagefind sizes, page weights), the first search, the PDF job,
 * and run the link check and the Nu Html Checker on every page (correctness at scale).
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { makeOfflineCopy } from '../../downloads/offline.ts';
import { ReportError } from '../../lib/problems.ts';
import { median, parseBuildLog } from '../build-log.ts';
import { formatVnuMessage, judge } from '../html-validity.ts';
import { checkLinks, formatFinding } from '../links.ts';
import { loadSiteFacts } from '../load-site.ts';
import { folderBytes, isPagefindIndexFile, type PageTypeWeight, pageType, urlVocabulary, weighPageTypes } from '../page-weight.ts';
import { runBuild } from '../run-build.ts';
import { measureFirstSearch, type SearchCost } from '../search-cost.ts';
import { listFiles } from '../site.ts';
import { serveStatic } from '../static-server.ts';
import { writeSyntheticContent } from '../synthetic.ts';
import { kb, mb } from '../units.ts';
import { runVnu } from '../vnu.ts';
import { type BuildFigures, buildFigures } from './build-figures.ts';
import { measurePdf, type PdfResult } from './pdf.ts';

/** Every figure of one edition, as docs/bench.json records it. */
export interface Run {
  countries: number;
  sections: number;
  pages: number;
  build: BuildFigures & {
    /** Median render milliseconds per page, by page type. */
    renderMs: Record<string, number>;
  };
  dist: { bytes: number; files: number };
  pagefind: { totalBytes: number; indexBytes: number; indexFiles: number };
  search: SearchCost;
  pageTypes: PageTypeWeight[];
  pdf: PdfResult;
  /** The edition's offline copy (`npm run offline`): one ZIP, made from the build. */
  offline?: { seconds: number; bytes: number; files: number } | undefined;
  /** The quality gates of npm test, run on the synthetic build: correctness at scale. */
  quality: { linkProblems: number; htmlProblems: number; seconds: number; examples: string[] };
}

export interface EditionOptions {
  /** Folder for the content, build and cache of each edition. */
  work: string;
  /** Port the build is served on for the search measurement. */
  port: number;
  /** Why the PDF job is not measured, or undefined to measure it. */
  pdfSkip: string | undefined;
  /** Prints one progress line. */
  log: (line: string) => void;
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

/** Makes the newest edition's offline copy of a built site into `out`, timed. */
function offlineCopy(dist: string, out: string): NonNullable<Run['offline']> {
  const [edition] = readdirSync(path.join(dist, 'data'))
    .filter((name) => /^\d{4}$/.test(name))
    .sort()
    .reverse();
  if (!edition) throw new ReportError(`${dist}/data/ lists no edition to make an offline copy of.`);
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  const made = makeOfflineCopy({ site: dist, edition, out, made: new Date().toISOString().slice(0, 10) });
  return { seconds: (performance.now() - started) / 1000, bytes: made.bytes, files: made.files };
}

/** Builds a cold edition of `countries` synthetic countries and measures it. */
export async function measureEdition(countries: number, options: EditionOptions): Promise<Run> {
  const { work, port, pdfSkip, log } = options;
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
    ...buildFigures(built, phases, loadBefore),
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
  if (search.foreign.length) throw new ReportError(`The search contacted another origin: ${search.foreign.join(', ')}`);
  const pdf = await measurePdf(dist, contentDir, pdfSkip);
  const offline = offlineCopy(dist, path.join(work, `offline-${countries}`));
  log(`${countries}: offline copy ${mb(offline.bytes)} (${offline.files} files) in ${offline.seconds.toFixed(1)} s`);
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
    offline,
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
