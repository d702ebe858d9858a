/**
 * npm run bench:pdf: what the PDFs cost to make. Not part of npm test (timings belong here, not in
 * assertions). Prints:
 *   - the Kazakhstan chapter: PDF size and pages, time to print it (median of --runs), and the time
 *     of a whole `--only 2026-kazakhstan` job including Chromium's start;
 *   - a synthetic edition of 50 countries (src/quality/synthetic.ts, labelled SYNTHETIC on every page):
 *     its build time, then the time and size of printing all its chapters.
 *
 * Everything is built and written under --work (default /tmp/report-pdf-bench): never dist/,
 * public/ or content/.
 *
 *   npm run bench:pdf                          builds the report and the synthetic edition first
 *   npm run bench:pdf -- --site /tmp/pdf/dist  uses a build of the report already made
 *   options: --countries <1–54> (default 50), --runs <n> (default 3)
 */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSize } from '../src/pdf/chapters.ts';
import { generatePdfs, PdfSetupError, type ChapterResult, type GenerateOptions } from '../src/pdf/generate.ts';
import { pdfInfo } from '../src/pdf/read-back.ts';
import { runBuild } from '../src/quality/run-build.ts';
import { writeSyntheticContent } from '../src/quality/synthetic.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    work: { type: 'string', default: '/tmp/report-pdf-bench' },
    countries: { type: 'string', default: '50' },
    runs: { type: 'string', default: '3' },
  },
});
const work = path.resolve(values.work);
const countries = Number(values.countries);
const runs = Math.max(1, Number(values.runs));
const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const log = (line: string) => console.log(`[bench:pdf ${new Date().toISOString().slice(11, 19)}] ${line}`);
const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)]!;
const made = (results: ChapterResult[]) => results.filter((r): r is Extract<ChapterResult, { ok: true }> => r.ok);

async function build(contentDir: string, name: string): Promise<{ site: string; seconds: number }> {
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

async function generate(options: Omit<GenerateOptions, 'chromiumPath'>) {
  const report = await generatePdfs({ ...options, chromiumPath, base: '/' });
  const failed = report.results.filter((r) => !r.ok);
  if (failed.length > 0) {
    throw new Error(`${failed.length} chapter(s) failed: ${failed.map((r) => `${r.chapter.file}: ${r.ok ? '' : r.error.message}`).join('; ')}`);
  }
  return report;
}

try {
  await mkdir(work, { recursive: true });
  console.log(`Machine: ${cpus().length} cores, load ${loadavg().map((n) => n.toFixed(1)).join(' ')}; Chromium at ${chromiumPath}.`);

  // The Kazakhstan chapter.
  const real = values.site ? { site: path.resolve(values.site), seconds: undefined } : await build(path.resolve('content'), 'report');
  if (!existsSync(path.join(real.site, '2026/kazakhstan/index.html'))) throw new Error(`${real.site} has no Kazakhstan chapter: build the report first.`);
  const kzOut = path.join(work, 'kazakhstan-pdf');
  const renders: number[] = [];
  const jobs: number[] = [];
  let bytes = 0;
  for (let run = 1; run <= runs; run++) {
    await rm(kzOut, { recursive: true, force: true });
    const report = await generate({ site: real.site, outDirs: [kzOut], only: ['2026-kazakhstan'], contentDir: 'content' });
    const result = made(report.results)[0]!;
    renders.push(result.seconds);
    jobs.push(report.seconds);
    bytes = result.bytes;
    log(`Kazakhstan run ${run}/${runs}: ${formatSize(result.bytes)}, printed in ${result.seconds.toFixed(2)} s, whole job ${report.seconds.toFixed(2)} s`);
  }
  const kzPages = (await pdfInfo(path.join(kzOut, '2026-kazakhstan.pdf')).catch(() => ({}) as Record<string, string>))['Pages'] ?? '?';

  // A synthetic edition.
  const contentDir = path.join(work, 'synthetic-content');
  const written = await writeSyntheticContent(contentDir, { countries });
  log(`wrote ${written.files} files of SYNTHETIC content (${countries} countries) to ${written.dir}`);
  const synthetic = await build(contentDir, 'synthetic');
  const synOut = path.join(work, 'synthetic-pdf');
  await rm(synOut, { recursive: true, force: true });
  const synReport = await generate({
    site: synthetic.site,
    outDirs: [synOut],
    contentDir,
    onChapter: (result, index, total) => {
      if (result.ok) log(`  [${index + 1}/${total}] ${result.chapter.file} ${formatSize(result.bytes)} ${result.seconds.toFixed(1)} s`);
    },
  });
  const synMade = made(synReport.results);
  const synBytes = synMade.reduce((sum, r) => sum + r.bytes, 0);
  const perChapter = synMade.map((r) => r.seconds);

  console.log('\nPDF figures');
  console.log(`  Kazakhstan 2026        ${formatSize(bytes)} (${bytes} bytes), ${kzPages} pages (A4)`);
  console.log(`    print one chapter    ${median(renders).toFixed(2)} s (median of ${runs}; load, print, set Author, write)`);
  console.log(`    whole --only job     ${median(jobs).toFixed(2)} s (median of ${runs}; adds the server and Chromium's start)`);
  console.log(`  Synthetic, ${countries} countries (${synMade.length} chapters × every theme)`);
  console.log(`    build (for context)  ${synthetic.seconds.toFixed(1)} s`);
  console.log(`    all PDFs             ${synReport.seconds.toFixed(1)} s, ${formatSize(synBytes)} in all`);
  console.log(`    per chapter          median ${median(perChapter).toFixed(2)} s, slowest ${Math.max(...perChapter).toFixed(2)} s, median size ${formatSize(median(synMade.map((r) => r.bytes)))}`);
  console.log(`  Work folder: ${work} (safe to delete)`);
} catch (error) {
  console.error(error instanceof PdfSetupError ? error.message : error);
  process.exit(1);
}
