/**
 * The archive benchmark, `npm run bench -- --archive 1,5,15` (issue 13, "Scale"): SYNTHETIC
 * archives of 1, 5 and 15 editions of 54 countries (src/quality/synthetic.ts, `archive: true`:
 * older editions revise the newer text a little, some country-years are missing), each built cold
 * with the real build and measured: build time and peak memory, a rebuild after one section
 * changes with Astro's cache kept, dist and Pagefind sizes, and the search page's first query and
 * keystroke-to-results, with the newest edition (the default, its own index) and with edition=all
 * (every older edition's index merged in on demand), through the site's search page (archive-search.ts).
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ReportError } from '../../lib/problems.ts';
import { parseBuildLog } from '../build-log.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { folderBytes, isPagefindIndexFile } from '../page-weight.ts';
import { runBuild } from '../run-build.ts';
import { listFiles } from '../site.ts';
import { serveStatic } from '../static-server.ts';
import { writeSyntheticContent } from '../synthetic.ts';
import { KB, kb, MB, mb, seconds } from '../units.ts';
import { type FetchCost, FIRST_QUERY, measureSearchPage, type PageSearch, SEARCH_ADDRESSES } from './archive-search.ts';
import { type BuildFigures, buildFigures } from './build-figures.ts';

/** The archives of the default run, the only one whose figures are written to docs/. */
export const DEFAULT_ARCHIVE = [1, 5, 15];
export const ARCHIVE_COUNTRIES = 54;

/** Issue 13's targets for the 15-edition archive. */
export const ARCHIVE_TARGETS = { buildSeconds: 600, peakBytes: 4 * 1000 * MB, searchBytes: 100 * KB, searchMs: 100 };

export interface ArchiveRun {
  editions: number;
  countries: number;
  sections: number;
  /** Country-years left out of the archive (the "not covered" cells). */
  missingChapters: number;
  pages: number;
  build: BuildFigures;
  /** The same build again after one section's text changed, output and Astro's cache kept. */
  rebuild: { seconds: number; peakTreeBytes: number; changed: string };
  dist: { bytes: number; files: number };
  pagefind: { totalBytes: number; indexBytes: number; indexFiles: number };
  search: { newest: PageSearch; all: PageSearch };
}

/** An archive whose cold build was stopped at the time limit (`--limit`): what was seen until then. */
export interface ArchiveStopped {
  editions: number;
  countries: number;
  sections: number;
  missingChapters: number;
  /** Seconds the build ran before it was stopped, unfinished. */
  stoppedAfter: number;
  /** Highest memory of the build's processes until then: a lower bound of its peak. */
  peakTreeBytes: number;
  loadBefore: number;
  /** The cold build finished (in `stoppedAfter` seconds, with this peak); the run stopped later, before the rest was measured. */
  buildFinished?: boolean;
  /** Why the cold build failed, when it did (its memory is then the highest sampled every 10 s). */
  failed?: string;
}

export const isStopped = (r: ArchiveRun | ArchiveStopped): r is ArchiveStopped => 'stoppedAfter' in r;

export interface ArchiveOptions {
  /** Stop a cold build still running after this many seconds, and report what was seen. */
  limitSeconds?: number | undefined;
  work: string;
  port: number;
  log: (line: string) => void;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Builds and measures one synthetic archive of `editions` editions. */
export async function measureArchive(editions: number, options: ArchiveOptions): Promise<ArchiveRun | ArchiveStopped> {
  const { work, port, log } = options;
  const name = `archive-${editions}`;
  const contentDir = path.join(work, `content-${name}`);
  const dist = path.join(work, `site-${name}`, 'dist');
  const cacheDir = path.join(work, `site-${name}`, 'cache');
  const tag = `${plural(editions, 'edition')}`;
  log(`${tag}: generating SYNTHETIC content (${ARCHIVE_COUNTRIES} countries × 27 themes) in ${contentDir}`);
  await writeSyntheticContent(contentDir, { countries: ARCHIVE_COUNTRIES, editions, archive: true });
  const sectionFiles = (await listFiles(path.join(contentDir, 'sections'))).filter((f) => f.endsWith('.mdx'));
  const chapters = new Set(sectionFiles.map((f) => path.dirname(f))).size;
  const loadBefore = loadavg()[0]!;
  // What every record of this archive states, whether its build finished, stopped or failed.
  const archive = {
    editions,
    countries: ARCHIVE_COUNTRIES,
    sections: sectionFiles.length,
    missingChapters: editions * ARCHIVE_COUNTRIES - chapters,
  };
  log(`${tag}: ${sectionFiles.length} sections; building (cold cache); load average ${loadBefore.toFixed(1)} on ${cpus().length} cores`);
  const progress = (what: string) => (s: number, rss: number) => log(`${tag}: … ${what}, ${s.toFixed(0)} s, ${mb(rss)} resident`);
  let peakSeen = 0;
  const buildStarted = performance.now();
  let built: Awaited<ReturnType<typeof runBuild>>;
  try {
    built = await runBuild({
      contentDir,
      outDir: dist,
      cacheDir,
      onProgress: (s, rss) => {
        peakSeen = Math.max(peakSeen, rss);
        progress('still building')(s, rss);
      },
      limitSeconds: options.limitSeconds,
    });
  } catch (error) {
    // A build that fails (out of memory, most likely, at this size) is a finding, not the end of the run.
    const message = (error as Error).message;
    const cause = /heap out of memory|Allocation failed/i.test(message) ? 'Node ran out of heap memory' : message.split('\n')[0]!;
    const failed: ArchiveStopped = {
      ...archive,
      stoppedAfter: (performance.now() - buildStarted) / 1000,
      peakTreeBytes: peakSeen,
      loadBefore,
      failed: cause,
    };
    log(`${tag}: the build FAILED after ${seconds(failed.stoppedAfter)}: ${cause}`);
    await writeFile(path.join(work, `${name}.json`), `${JSON.stringify(failed, null, 2)}\n`);
    return failed;
  }
  if (built.stopped) {
    const stopped: ArchiveStopped = {
      ...archive,
      stoppedAfter: built.seconds,
      peakTreeBytes: built.peakTreeBytes,
      loadBefore,
    };
    log(`${tag}: build stopped unfinished after ${seconds(built.seconds)} (--limit); peak so far ${mb(built.peakTreeBytes)}`);
    await writeFile(path.join(work, `${name}.json`), `${JSON.stringify(stopped, null, 2)}\n`);
    return stopped;
  }
  // Kept at once: the rebuild and the search take as long again, and a stopped run keeps this much.
  const interim: ArchiveStopped = {
    ...archive,
    stoppedAfter: built.seconds,
    peakTreeBytes: built.peakTreeBytes,
    loadBefore,
    buildFinished: true,
  };
  await writeFile(path.join(work, `${name}.json`), `${JSON.stringify(interim, null, 2)}\n`);
  const phases = parseBuildLog(await readFile(built.log, 'utf8'));
  log(`${tag}: built in ${seconds(built.seconds)}, peak ${mb(built.peakTreeBytes)} (all processes)`);

  const distSize = await folderBytes(dist);
  const pagefindTotal = await folderBytes(path.join(dist, 'pagefind'));
  const pagefindIndex = await folderBytes(path.join(dist, 'pagefind'), isPagefindIndexFile);
  const pages = (await listFiles(dist)).filter((f) => f.endsWith('.html')).length;

  // One section of the newest edition changes, as an editor's correction would.
  const newestYear = sectionFiles
    .map((f) => f.split('/')[0]!)
    .sort()
    .at(-1)!;
  const changed = sectionFiles.filter((f) => f.startsWith(`${newestYear}/`)).sort()[0]!;
  await appendFile(
    path.join(contentDir, 'sections', changed),
    '\nSYNTHETIC BENCHMARK TEXT. A paragraph added to measure a rebuild after one section changes.\n',
  );
  log(`${tag}: rebuilding after changing sections/${changed} (output and Astro's cache kept)`);
  const rebuilt = await runBuild({ contentDir, outDir: dist, cacheDir, warm: true, onProgress: progress('still rebuilding') });
  log(`${tag}: rebuilt in ${seconds(rebuilt.seconds)}; measuring the search page in Chromium`);

  const server = await serveStatic(dist, { port });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  let run: ArchiveRun;
  try {
    const newest = await measureSearchPage(browser, server, SEARCH_ADDRESSES.newest);
    const all = await measureSearchPage(browser, server, SEARCH_ADDRESSES.all);
    const foreign = [...newest.foreign, ...all.foreign];
    if (foreign.length) throw new ReportError(`The search contacted another origin: ${foreign.join(', ')}`);
    log(
      `${tag}: first search "${FIRST_QUERY}": ${kb(newest.search.bytes)} (newest edition), ${kb(all.search.bytes)} (edition=all); ` +
        `keystroke to results median ${newest.median.toFixed(0)} ms / ${all.median.toFixed(0)} ms`,
    );
    run = {
      ...archive,
      pages,
      build: buildFigures(built, phases, loadBefore),
      rebuild: { seconds: rebuilt.seconds, peakTreeBytes: rebuilt.peakTreeBytes, changed },
      dist: distSize,
      pagefind: { totalBytes: pagefindTotal.bytes, indexBytes: pagefindIndex.bytes, indexFiles: pagefindIndex.files },
      search: { newest, all },
    };
  } finally {
    await browser.close();
    await server.close();
  }
  log(`${tag}: ${run.pages} pages, dist ${mb(run.dist.bytes)}, Pagefind index ${mb(run.pagefind.indexBytes)}`);
  // Kept at once, so a later failure (or a stopped run) does not lose this archive's figures.
  await writeFile(path.join(work, `${name}.json`), `${JSON.stringify(run, null, 2)}\n`);
  return run;
}

function table(head: string[], body: string[][]): string {
  return [head, head.map(() => '---'), ...body].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

const kind = (f: FetchCost, pattern: RegExp) => f.files.filter((x) => pattern.test(x.path)).reduce((n, x) => n + x.bytes, 0);
const SEARCH_KINDS: [string, RegExp][] = [
  ['Pagefind code (JS, WASM)', /\.(js|pagefind)$/],
  ['metadata (an entry per indexed section)', /\.pf_meta$|pagefind-entry\.json$/],
  ['filter index (counts on the search page)', /\/filter\//],
  ['index chunks holding the words', /\/index\//],
  ['result fragments', /\/fragment\//],
];

/** What a figure would be at `sections`, extending its growth per section between two runs in a straight line. */
function extend(a: ArchiveRun, b: ArchiveRun, sections: number, value: (r: ArchiveRun) => number): number {
  const perSection = (value(b) - value(a)) / (b.sections - a.sections);
  return value(b) + perSection * (sections - b.sections);
}

/** Estimates for the target archive from the two largest complete runs, when it was not measured whole. */
export function archiveEstimate(runs: readonly ArchiveRun[], stopped: readonly ArchiveStopped[]) {
  const [a, b] = [...runs].sort((x, y) => x.sections - y.sections).slice(-2);
  if (!a || !b || b.editions >= 15 || a.sections === b.sections) return undefined;
  const target = stopped.find((s) => s.editions === 15);
  const sections = target?.sections ?? Math.round((b.sections / b.editions) * 15);
  const at = (value: (r: ArchiveRun) => number) => extend(a, b, sections, value);
  return {
    from: [a.editions, b.editions] as const,
    sections,
    buildSeconds: at((r) => r.build.seconds),
    peakTreeBytes: at((r) => r.build.peakTreeBytes),
    rebuildSeconds: at((r) => r.rebuild.seconds),
    distBytes: at((r) => r.dist.bytes),
    indexBytes: at((r) => r.pagefind.indexBytes),
    searchNewest: at((r) => r.search.newest.search.bytes),
    searchAll: at((r) => r.search.all.search.bytes),
  };
}

/** Whether the 15-edition archive meets each of issue 13's targets, in sentences: measured, stopped or estimated. */
export function archiveTargets(runs: readonly ArchiveRun[], stopped: readonly ArchiveStopped[] = []): string[] {
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const full = runs.find((r) => r.editions === 15);
  const cut = stopped.find((r) => r.editions === 15);
  const estimate = archiveEstimate(runs, stopped);
  const largest = [...runs].sort((x, y) => x.sections - y.sections).at(-1);
  const lines: string[] = [];
  const est = (n: number, show: (n: number) => string, limit: number) =>
    `estimated ${show(n)} (a straight line from ${estimate?.from.join(' and ')} editions, not measured) — ${n < limit ? 'probably met' : '**probably not met**'}`;
  if (full) {
    lines.push(
      `- Full build under 10 minutes on 2 cores (15 editions, ${full.sections} sections): ${seconds(full.build.seconds)} — ${met(full.build.seconds < ARCHIVE_TARGETS.buildSeconds)}.`,
    );
    lines.push(
      `- Peak memory under 4 GB (all processes of the build): ${mb(full.build.peakTreeBytes)} — ${met(full.build.peakTreeBytes < ARCHIVE_TARGETS.peakBytes)}.`,
    );
  } else {
    const time = cut?.failed
      ? `the build failed after ${seconds(cut.stoppedAfter)} (${cut.failed}) — **not met**`
      : cut?.buildFinished
        ? `${seconds(cut.stoppedAfter)} — ${met(cut.stoppedAfter < ARCHIVE_TARGETS.buildSeconds)}`
        : cut && cut.stoppedAfter >= ARCHIVE_TARGETS.buildSeconds
          ? `still building when stopped after ${seconds(cut.stoppedAfter)} — **not met**`
          : estimate
            ? est(estimate.buildSeconds, seconds, ARCHIVE_TARGETS.buildSeconds)
            : 'not measured';
    const memory = cut?.failed
      ? `at least ${mb(cut.peakTreeBytes)} in use when the build failed (${cut.failed}) — **not met**`
      : cut?.buildFinished
        ? `${mb(cut.peakTreeBytes)} — ${met(cut.peakTreeBytes < ARCHIVE_TARGETS.peakBytes)}`
        : cut && cut.peakTreeBytes >= ARCHIVE_TARGETS.peakBytes
          ? `${mb(cut.peakTreeBytes)} in use before the build was stopped — **not met**`
          : estimate
            ? `${est(estimate.peakTreeBytes, mb, ARCHIVE_TARGETS.peakBytes)}${cut ? `; ${mb(cut.peakTreeBytes)} in use when the unfinished build was stopped` : ''}`
            : 'not measured';
    lines.push(`- Full build under 10 minutes on 2 cores (15 editions, ${estimate?.sections ?? cut?.sections ?? '?'} sections): ${time}.`);
    lines.push(`- Peak memory under 4 GB (all processes of the build): ${memory}.`);
  }
  const searched = full ?? largest;
  if (searched) {
    for (const [label, pick, guess] of [
      ['newest edition, the default', (r: ArchiveRun) => r.search.newest, estimate?.searchNewest],
      ['edition=all', (r: ArchiveRun) => r.search.all, estimate?.searchAll],
    ] as const) {
      const s = pick(searched);
      const measured = `${kb(s.search.bytes)} at ${searched.editions} editions`;
      const bytes =
        full || guess === undefined
          ? `${measured} — ${met(s.search.bytes < ARCHIVE_TARGETS.searchBytes)}`
          : `${measured}; at 15 ${est(guess, kb, ARCHIVE_TARGETS.searchBytes)}`;
      lines.push(
        `- First search on the search page under 100 KB compressed, runtime included (${label}): ${bytes}.`,
        `- Results under 100 ms median from keystroke (${label}): ${s.median.toFixed(0)} ms at ${searched.editions} editions — ${met(s.median < ARCHIVE_TARGETS.searchMs)}${full ? '' : ' there (not measured at 15)'}.`,
      );
    }
  }
  return lines;
}

export interface ArchiveContext {
  commit: string;
  machine: string;
  seconds: number;
  date: Date;
}

/** The archive part of docs/bench.md, from the runs alone (so it can be rewritten from docs/bench.json). */
export function archiveMarkdown(runs: readonly ArchiveRun[], context: ArchiveContext, stopped: readonly ArchiveStopped[] = []): string {
  const header = ['editions', ...runs.map((r) => String(r.editions))];
  const row = (label: string, value: (r: ArchiveRun) => string) => [label, ...runs.map(value)];
  const opt = (n: number | undefined, show: (n: number) => string) => (n === undefined ? 'n/a' : show(n));
  const rows = [
    row('sections (54 countries × 27 themes, less the missing country-years)', (r) => String(r.sections)),
    row('country-years not covered', (r) => String(r.missingChapters)),
    row('HTML pages', (r) => String(r.pages)),
    row('load average before the build', (r) => r.build.loadBefore.toFixed(1)),
    row('build wall time (cold)', (r) => seconds(r.build.seconds)),
    row('… start-up: config, content validation, content sync', (r) => opt(r.build.phases.startup, seconds)),
    row('… collecting build info (content collections)', (r) => opt(r.build.phases.collect, seconds)),
    row('… bundling (Vite)', (r) => opt(r.build.phases.bundle, seconds)),
    row('… rendering every page', (r) => opt(r.build.phases.render, seconds)),
    row('… after rendering (Pagefind index, build hooks)', (r) => opt(r.build.phases.afterRender, seconds)),
    row('build peak memory (all processes)', (r) => mb(r.build.peakTreeBytes)),
    row('build peak memory (largest process)', (r) => opt(r.build.peakProcessBytes, mb)),
    row("rebuild after one section changes (Astro's cache kept)", (r) => seconds(r.rebuild.seconds)),
    row('dist size', (r) => mb(r.dist.bytes)),
    row('Pagefind index (fragments, index chunks, filters, meta)', (r) => mb(r.pagefind.indexBytes)),
    row('Pagefind folder (index + fixed JS/CSS/WASM)', (r) => mb(r.pagefind.totalBytes)),
  ];
  // A phase Astro's log did not give for any archive is left out rather than shown as n/a throughout.
  const shown = rows.filter((cells) => cells.slice(1).some((cell) => cell !== 'n/a'));
  rows.splice(0, rows.length, ...shown);
  for (const [label, pick] of [
    ['newest edition (`/search/`, the default)', (r: ArchiveRun) => r.search.newest],
    ['all editions (`/search/?edition=all`)', (r: ArchiveRun) => r.search.all],
  ] as const) {
    rows.push(
      row(`first search, ${label}: bytes fetched until the results are on screen`, (r) => {
        const until = pick(r).untilResults;
        return until ? `${kb(until.bytes)} (${until.requests} requests)` : 'n/a';
      }),
      row(
        '… and with the filters’ counts, once the page is idle',
        (r) => `${kb(pick(r).search.bytes)} (${pick(r).search.requests} requests)`,
      ),
      ...SEARCH_KINDS.map(([what, pattern]) => row(`… of which ${what}`, (r) => kb(kind(pick(r).search, pattern)))),
      row('… keystroke to results, median (p90)', (r) => {
        const t = [...pick(r).timings].sort((a, b) => a - b);
        return `${pick(r).median.toFixed(0)} ms (${t[Math.ceil(t.length * 0.9) - 1]?.toFixed(0)} ms)`;
      }),
    );
  }
  rows.push(row('the search page itself (HTML, CSS, scripts), not counted above', (r) => kb(r.search.newest.page.bytes)));

  const cut = stopped
    .map((r) =>
      r.failed
        ? `The ${r.editions}-edition archive (${r.sections} sections, ${r.missingChapters} country-years not covered) was built too: ` +
          `the build **failed** after ${seconds(r.stoppedAfter)} (${r.failed}), with at least ${mb(r.peakTreeBytes)} in use by its ` +
          `processes (load average ${r.loadBefore.toFixed(1)} before it). Its figures are not in the table.`
        : r.buildFinished
          ? `The ${r.editions}-edition archive (${r.sections} sections, ${r.missingChapters} country-years not covered) was built cold in ` +
            `${seconds(r.stoppedAfter)} with a peak of ${mb(r.peakTreeBytes)} (all processes; load average ${r.loadBefore.toFixed(1)} before it); ` +
            'the run was stopped before its rebuild and search were measured, so it is not in the table.'
          : `The ${r.editions}-edition archive (${r.sections} sections, ${r.missingChapters} country-years not covered) was built too and ` +
            `stopped unfinished after ${seconds(r.stoppedAfter)} (the run's \`--limit\`), with ${mb(r.peakTreeBytes)} in use by its ` +
            `processes by then (load average ${r.loadBefore.toFixed(1)} before it). Its figures are not in the table.`,
    )
    .join('\n\n');
  const estimate = archiveEstimate(runs, stopped);
  const estimated = estimate
    ? `Estimated for 15 editions (${estimate.sections} sections), extending each figure's growth per section from the
${estimate.from[0]}- to the ${estimate.from[1]}-edition archive in a straight line (an estimate, not a measurement; a cost that grows faster
than the sections makes it low): build ${seconds(estimate.buildSeconds)}, peak memory ${mb(estimate.peakTreeBytes)}, rebuild
${seconds(estimate.rebuildSeconds)}, dist ${mb(estimate.distBytes)}, Pagefind index ${mb(estimate.indexBytes)}, first search
${kb(estimate.searchNewest)} (newest edition) and ${kb(estimate.searchAll)} (edition=all).`
    : '';
  const all = [...runs.map((r) => r.editions), ...stopped.map((r) => r.editions)].sort((x, y) => x - y);

  return `## The archive: many editions

Generated by \`npm run bench -- --archive ${all.join(',')}\` (scripts/bench.ts, src/quality/bench/archive.ts); do not
edit by hand. Run ${context.date.toISOString().slice(0, 16).replace('T', ' ')} UTC at commit ${context.commit} (with the working tree as it was),
on ${context.machine}, ${Number.isNaN(context.seconds) ? 'from the figures each archive run kept in its work folder (`--from-work`)' : `in ${context.seconds.toFixed(0)} s`}.

Each archive is SYNTHETIC (src/quality/synthetic.ts, \`archive: true\`, seed 1): 54 countries × 27 themes per
edition, newest 2026; each older edition is the next newer one with about one paragraph in three changed by a
sentence and one in ten shortened by one, so compare pages have words to mark; about one country in ten
joined later than the oldest edition and one country-year in fifty is missing, so "not covered" appears. Every
page says it is synthetic. Builds are cold (empty cache), one at a time, with the project's real build; the
rebuild appends a paragraph to one section of the newest edition and builds again with the output and
Astro's cache kept. The search page is measured in Debian's Chromium against the build served by
src/quality/static-server.ts (compressed as a host would, Pagefind's files as their brotli copies): bytes are
every response under \`pagefind/\` from opening the page until the results of "${FIRST_QUERY}" are on screen,
and until the page is idle with the filters' counts, which the page loads after the results. Each edition has
its own index: the default search loads the newest edition's; \`edition=all\` merges the others in. Keystroke to results is the search page's field, from the key that completes
each of 20 queries to the frame after its results or status change (the 40 ms debounce included).

${table(header, rows)}

${[cut, estimated].filter(Boolean).join('\n\n')}

Targets (issue 13), for 15 editions × 54 countries:

${archiveTargets(runs, stopped).join('\n')}
`;
}
