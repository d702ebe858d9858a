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
import { mkdir } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { runCommand } from '../src/lib/command.ts';
import { formatSize } from '../src/pdf/chapters.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { CHROMIUM_PATH } from '../src/quality/chromium.ts';
import { buildForPdfs, median, timeKazakhstan, timeSyntheticEdition } from '../src/quality/pdf-cost.ts';

const log = (line: string) => console.log(`[bench:pdf ${new Date().toISOString().slice(11, 19)}] ${line}`);

await runCommand({ name: 'bench:pdf' }, async () => {
  const { values } = parseArguments({
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

  await mkdir(work, { recursive: true });
  console.log(
    `Machine: ${cpus().length} cores, load ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}; Chromium at ${CHROMIUM_PATH}.`,
  );
  const real = values.site ? path.resolve(values.site) : (await buildForPdfs(work, path.resolve('content'), 'report', log)).site;
  const kz = await timeKazakhstan(real, work, runs, log);
  const syn = await timeSyntheticEdition(work, countries, log);
  const perChapter = syn.printed.map((r) => r.seconds);

  console.log('\nPDF figures');
  console.log(`  Kazakhstan 2026        ${formatSize(kz.bytes)} (${kz.bytes} bytes), ${kz.pages} pages (A4)`);
  console.log(`    print one chapter    ${median(kz.renders).toFixed(2)} s (median of ${runs}; load, print, set Author, write)`);
  console.log(`    whole --only job     ${median(kz.jobs).toFixed(2)} s (median of ${runs}; adds the server and Chromium's start)`);
  console.log(`  Synthetic, ${countries} countries (${syn.printed.length} chapters × every theme)`);
  console.log(`    build (for context)  ${syn.buildSeconds.toFixed(1)} s`);
  console.log(`    all PDFs             ${syn.seconds.toFixed(1)} s, ${formatSize(syn.bytes)} in all`);
  console.log(
    `    per chapter          median ${median(perChapter).toFixed(2)} s, slowest ${Math.max(...perChapter).toFixed(2)} s, median size ${formatSize(median(syn.printed.map((r) => r.bytes)))}`,
  );
  console.log(`  Work folder: ${work} (safe to delete)`);
});
