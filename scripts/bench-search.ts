/**
 * npm run bench:search: what search costs a reader, through the site's own search field.
 *
 * Builds the report (content/) and a SYNTHETIC edition of 50 countries (src/quality/synthetic.ts,
 * written to a temporary folder, never into content/), serves each as a compressing static host
 * would (src/quality/static-server.ts), and in headless Chromium measures:
 *
 *   - bytes fetched for the first query in the header field of a chapter page (entered at once,
 *     and typed key by key at 150 ms a key, when each prefix is searched), and for the
 *     first query on the search page (which also loads the filter index for its counts): every
 *     response the server sends from the first key press until the results are on screen;
 *   - keystroke-to-rendered-results: from the key press that completes a query to the last change
 *     of the results list it causes, for 20 queries typed in turn after a warm-up, reported as a
 *     median (the debounce is included: it is part of what the reader waits for).
 *
 * Targets (issue 4): under 100 KB for the first query, under 100 ms median. Prints the figures;
 * not part of npm test (timings on a shared machine are not pass/fail material).
 *
 *   npm run bench:search
 *   npm run bench:search -- --countries 50 --work /tmp/bench-search --port 4550 --reuse
 *     --reuse   keep the builds of a previous run in --work instead of building again
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../src/quality/chromium.ts';
import { runBuild } from '../src/quality/run-build.ts';
import {
  BYTES_TARGET,
  firstChapter,
  kb,
  MS_TARGET,
  measureSearchExperience,
  type Site,
  verdict,
} from '../src/quality/search-experience.ts';
import { serveStatic } from '../src/quality/static-server.ts';
import { writeSyntheticContent } from '../src/quality/synthetic.ts';

function options() {
  const { values } = parseArguments({
    options: {
      countries: { type: 'string', default: '50' },
      work: { type: 'string', default: '/tmp/bench-search' },
      port: { type: 'string', default: '4550' },
      reuse: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!(port >= 4500 && port <= 4598)) throw new ReportError('--port must be within 4500–4598 (two ports are used).');
  return { ...values, port };
}

await runCommand({ name: 'bench:search' }, async () => {
  const values = options();

  async function build(name: string, contentDir: string): Promise<string> {
    const dist = path.join(values.work, name, 'dist');
    if (values.reuse && existsSync(path.join(dist, 'pagefind', 'pagefind-entry.json'))) return dist;
    process.stdout.write(`Building ${name}… `);
    const run = await runBuild({ contentDir, outDir: dist, cacheDir: path.join(values.work, name, 'cache') });
    console.log(`${run.seconds.toFixed(0)} s`);
    return dist;
  }

  await mkdir(values.work, { recursive: true });
  const syntheticContent = path.join(values.work, 'synthetic-content');
  if (!values.reuse || !existsSync(syntheticContent)) {
    await writeSyntheticContent(syntheticContent, { countries: Number(values.countries) });
  }
  const sites: Site[] = [];
  const reportDist = await build('report', 'content');
  sites.push({ name: 'Kazakhstan (content/)', dist: reportDist, chapter: await firstChapter(reportDist), query: 'Feminita' });
  const syntheticDist = await build(`synthetic-${values.countries}`, syntheticContent);
  sites.push({
    name: `SYNTHETIC ${values.countries} countries`,
    dist: syntheticDist,
    chapter: await firstChapter(syntheticDist),
    query: 'Feminita',
  });

  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  const rows: string[] = [];
  let failed = false;
  try {
    for (const [i, site] of sites.entries()) {
      const server = await serveStatic(site.dist, { port: values.port + i });
      try {
        const m = await measureSearchExperience(browser, server, site);
        const { median: med, p90, ok } = verdict(m);
        console.log(`\n${site.name}: first query "${site.query}" on /${site.chapter} and /search/`);
        console.log(
          `  header field, query entered at once: ${kb(m.headerCost.bytes)} in ${m.headerCost.requests} requests (${kb(m.headerCost.uncompressed)} uncompressed)`,
        );
        for (const file of m.headerCost.files) console.log(`      ${file}`);
        console.log(
          `  header field, typed at 150 ms a key: ${kb(m.typedCost.bytes)} in ${m.typedCost.requests} requests (each prefix is searched)`,
        );
        if (process.env['BENCH_VERBOSE']) for (const file of m.typedCost.files) console.log(`      ${file}`);
        console.log(
          `  search page, with filter counts:     ${kb(m.pageCost.bytes)} in ${m.pageCost.requests} requests (${kb(m.pageCost.uncompressed)} uncompressed)`,
        );
        console.log(`  keystroke to rendered results: median ${med.toFixed(1)} ms, p90 ${p90.toFixed(1)} ms, ${m.timings.length} queries`);
        console.log(`      ${m.timings.map((t) => t.toFixed(0)).join(' ')}`);
        if (m.foreign.length > 0) console.log(`  REQUESTS TO ANOTHER ORIGIN: ${m.foreign.join(', ')}`);
        failed ||= !ok;
        rows.push(
          `| ${site.name} | ${kb(m.headerCost.bytes)} | ${kb(m.typedCost.bytes)} | ${kb(m.pageCost.bytes)} | ${med.toFixed(1)} ms | ${ok ? 'yes' : 'NO'} |`,
        );
      } finally {
        await server.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log('\n| site | first query (header) | typed key by key | search page + filters | keystroke → results, median | targets met |');
  console.log('|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(
    `Targets: first query (header, entered at once) under ${kb(BYTES_TARGET)}; keystroke to results under ${MS_TARGET} ms median.`,
  );
  if (failed) process.exitCode = 1;
});
