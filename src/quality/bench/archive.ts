/**
 * The archive benchmark, `npm run bench -- --archive 1,5,15` (issue 13, "Scale"): SYNTHETIC
 * archives of 1, 5 and 15 editions of 54 countries (src/quality/synthetic.ts, `archive: true`:
 * older editions revise the newer text a little, some country-years are missing), each built cold
 * with the real build and measured: build time and peak memory, a rebuild after one section
 * changes as npm run build makes it (cache folder kept, built beside the site and swapped in), dist
 * and Pagefind sizes, and the search page's first query and
 * keystroke-to-results, with the newest edition (the default, its own index) and with edition=all
 * (every older edition's index merged in on demand), through the site's search page (archive-search.ts).
 * The report made from the runs is archive-report.ts.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ReportError } from '../../lib/problems.ts';
import { parseBuildLog } from '../build-log.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.ts';
import { folderBytes, isPagefindIndexFile } from '../page-weight.ts';
import { type BuildRun, runBuild } from '../run-build.ts';
import { listFiles } from '../site.ts';
import { serveStatic } from '../static-server.ts';
import { swapBuild } from '../swap-build.ts';
import { writeSyntheticContent } from '../synthetic.ts';
import { KB, kb, MB, mb, seconds } from '../units.ts';
import { FIRST_QUERY, measureSearchPage, type PageSearch, SEARCH_ADDRESSES } from './archive-search.ts';
import { type BuildFigures, buildFigures } from './build-figures.ts';

/** The archives of the default run, the only one whose figures are written to docs/. */
export const DEFAULT_ARCHIVE = [1, 5, 15];
export const ARCHIVE_COUNTRIES = 54;

/** Issue 13's targets for the 15-edition archive. */
export const ARCHIVE_TARGETS = { buildSeconds: 600, peakBytes: 4 * 1000 * MB, searchBytes: 100 * KB, searchMs: 100 };

export interface ArchiveRun {
  /** The commit measured (with the working tree as it was), so a report written later can say so. */
  commit?: string | undefined;
  editions: number;
  countries: number;
  sections: number;
  /** Country-years left out of the archive (the "not covered" cells). */
  missingChapters: number;
  pages: number;
  build: BuildFigures;
  /**
   * The same build again after one section's text changed, as npm run build makes it: beside the
   * site, then swapped in, with the cache folder kept (Astro's, and the build cache of
   * src/build-cache/); with where its time went.
   */
  rebuild: { seconds: number; peakTreeBytes: number; changed: string; cpuSeconds?: number | undefined; phases?: BuildFigures['phases'] };
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
  /** The commit being measured, recorded in the run's figures. */
  commit?: string | undefined;
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
  log(
    `${tag}: rebuilding after changing sections/${changed} as npm run build does (cache folder kept; built beside the site, then swapped in)`,
  );
  // Through the same swap as `npm run build` (src/quality/swap-build.ts): into a fresh folder, the
  // last site removed once the new one is in place. Astro building over its last output instead
  // empties it first, which on this machine made the rebuild some 50% slower (5 editions: 150 s
  // against 94 s).
  const swapped: { run?: BuildRun } = {};
  const rebuildStarted = performance.now();
  await swapBuild({
    outDir: dist,
    build: async (dir) => {
      swapped.run = await runBuild({ contentDir, outDir: dir, cacheDir, warm: true, onProgress: progress('still rebuilding') });
      return 0;
    },
  });
  if (!swapped.run) throw new ReportError(`${tag}: the rebuild did not run.`);
  const rebuildPhases = buildFigures(swapped.run, parseBuildLog(await readFile(swapped.run.log, 'utf8')), loadBefore).phases;
  // The build's own time and the swap's (removing the last site).
  const rebuilt = { ...swapped.run, seconds: (performance.now() - rebuildStarted) / 1000 };
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
      commit: options.commit,
      ...archive,
      pages,
      build: buildFigures(built, phases, loadBefore),
      rebuild: {
        seconds: rebuilt.seconds,
        peakTreeBytes: rebuilt.peakTreeBytes,
        changed,
        cpuSeconds: rebuilt.cpuSeconds,
        phases: rebuildPhases,
      },
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
