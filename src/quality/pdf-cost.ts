/**
 * What the PDFs cost to make (npm run bench:pdf, scripts/bench-pdf.ts): the Kazakhstan chapter
 * printed several times over, and every chapter of a synthetic edition. Everything is built and
 * written under a work folder of its own: never dist/, public/ or content/.
 */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from '../lib/problems.ts';
import { formatSize } from '../pdf/chapters.ts';
import { chapterLine } from '../pdf/command-line.ts';
import { type ChapterResult, type GenerateOptions, generatePdfs } from '../pdf/generate.ts';
import { pdfInfo } from '../pdf/read-back.ts';
import { runBuild } from './run-build.ts';
import { writeSyntheticContent } from './synthetic.ts';

type Log = (line: string) => void;
type Printed = Extract<ChapterResult, { ok: true }>;

/** The middle value (the upper one of an even count), as this benchmark has always reported. */
export const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
const made = (results: ChapterResult[]) => results.filter((r): r is Printed => r.ok);

/** Builds `contentDir` into <work>/<name>-dist, for the root path. */
export async function buildForPdfs(work: string, contentDir: string, name: string, log: Log): Promise<{ site: string; seconds: number }> {
  const site = path.join(work, `${name}-dist`);
  log(`building ${name} into ${site} …`);
  const options = {
    contentDir,
    outDir: site,
    cacheDir: path.join(work, `${name}-cache`),
    env: { BASE_PATH: '/' },
    onProgress: (seconds: number) => log(`  … ${seconds.toFixed(0)} s`),
  };
  // Astro keeps its prerender chunks in the checkout's .astro/, whatever OUT_DIR and CACHE_DIR say:
  // a build someone else runs at the same moment can remove them under ours. Such a build is tried again once.
  const run = await runBuild(options).catch(async (error: Error) => {
    if (!/\.astro\/\.prerender/.test(error.message)) throw error;
    log('the build lost its prerender chunks to a build running alongside; building again');
    return runBuild(options);
  });
  log(`built ${name} in ${run.seconds.toFixed(1)} s`);
  return { site, seconds: run.seconds };
}

/** Prints chapters; any chapter that fails stops the benchmark (its figures would be wrong). */
async function generate(options: GenerateOptions) {
  const report = await generatePdfs({ ...options, base: '/' });
  const failed = report.results.filter((r) => !r.ok);
  if (failed.length > 0) {
    throw new ReportError(
      `${failed.length} chapter(s) failed: ${failed.map((r) => `${r.chapter.file}: ${r.ok ? '' : r.error.message}`).join('; ')}`,
    );
  }
  return report;
}

/** The Kazakhstan chapter of the build `site`, printed `runs` times: its size, pages, print and job times. */
export async function timeKazakhstan(site: string, work: string, runs: number, log: Log) {
  if (!existsSync(path.join(site, '2026/kazakhstan/index.html')))
    throw new ReportError(`${site} has no Kazakhstan chapter: build the report first.`);
  const out = path.join(work, 'kazakhstan-pdf');
  const renders: number[] = [];
  const jobs: number[] = [];
  let bytes = 0;
  for (let run = 1; run <= runs; run++) {
    await rm(out, { recursive: true, force: true });
    const report = await generate({ site, outDirs: [out], only: ['2026-kazakhstan'], contentDir: 'content' });
    const result = made(report.results)[0]!;
    renders.push(result.seconds);
    jobs.push(report.seconds);
    bytes = result.bytes;
    log(
      `Kazakhstan run ${run}/${runs}: ${formatSize(result.bytes)}, printed in ${result.seconds.toFixed(2)} s, whole job ${report.seconds.toFixed(2)} s`,
    );
  }
  const pages = (await pdfInfo(path.join(out, '2026-kazakhstan.pdf')).catch(() => ({}) as Record<string, string>))['Pages'] ?? '?';
  return { bytes, pages, renders, jobs };
}

/** A SYNTHETIC edition of `countries` countries, built, then every chapter printed. */
export async function timeSyntheticEdition(work: string, countries: number, log: Log) {
  const contentDir = path.join(work, 'synthetic-content');
  const written = await writeSyntheticContent(contentDir, { countries });
  log(`wrote ${written.files} files of SYNTHETIC content (${countries} countries) to ${written.dir}`);
  const synthetic = await buildForPdfs(work, contentDir, 'synthetic', log);
  const out = path.join(work, 'synthetic-pdf');
  await rm(out, { recursive: true, force: true });
  const report = await generate({
    site: synthetic.site,
    outDirs: [out],
    contentDir,
    onChapter: (result, index, total) => {
      if (result.ok) log(`  ${chapterLine(result, index, total)}`);
    },
  });
  const printed = made(report.results);
  return { buildSeconds: synthetic.seconds, printed, seconds: report.seconds, bytes: printed.reduce((sum, r) => sum + r.bytes, 0) };
}
