/**
 * npm run bench: how the site's cost grows with the report.
 *
 * Generates synthetic editions of 1, 10 and 54 countries (every country with the full theme
 * vocabulary, text from shuffled sentences of the seed chapter, labelled SYNTHETIC on every page)
 * in a temporary folder, builds each with the real build, and measures: build wall time and peak
 * memory, dist size, Pagefind index size, bytes fetched by the first search, compressed HTML+CSS+JS
 * of each page type, and PDF generation time. Prints progress and a summary, and writes
 * docs/bench.json and docs/bench.md (only for the default run, so a quick trial never overwrites
 * the committed figures). The work is done in src/quality/bench/.
 *
 *   npm run bench                                  the full run (about 3 minutes on 2 cores)
 *   npm run bench -- --countries 1,10              a quicker trial; prints, writes nothing
 *   npm run bench -- --generate 50 --out <dir>     only write a synthetic content folder
 *                                                  (CONTENT_DIR=<dir> npm run build uses it)
 *   options: --work <dir> (default /tmp/report-bench), --port <4400–4499>, --keep
 */
import path from 'node:path';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { DEFAULT_COUNTRIES, isDefaultRun, parseCountries, runBench, writeBenchDocs } from '../src/quality/bench/run.ts';
import { writeSyntheticContent } from '../src/quality/synthetic.ts';

const log = (line: string) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

await runCommand({ name: 'bench' }, async () => {
  const values = parseArguments({
    options: {
      countries: { type: 'string', default: DEFAULT_COUNTRIES.join(',') },
      work: { type: 'string', default: '/tmp/report-bench' },
      port: { type: 'string', default: '4420' },
      keep: { type: 'boolean', default: false },
      generate: { type: 'string' },
      out: { type: 'string' },
      editions: { type: 'string', default: '1' },
    },
  }).values;

  if (values.generate) {
    if (!values.out) throw new ReportError('--generate needs --out <folder> for the synthetic content.');
    const written = await writeSyntheticContent(values.out, { countries: Number(values.generate), editions: Number(values.editions) });
    console.log(
      `Wrote ${written.files} files of SYNTHETIC content to ${written.dir}. Build it with:\n  CONTENT_DIR=${written.dir} OUT_DIR=/tmp/synthetic-dist CACHE_DIR=/tmp/synthetic-cache npm run build`,
    );
    return;
  }

  const counts = parseCountries(values.countries);
  const work = path.resolve(values.work);
  const result = await runBench({ counts, work, port: Number(values.port), keep: values.keep, log });
  console.log(`\n${result.markdown}`);
  if (isDefaultRun(values.countries)) {
    await writeBenchDocs(result);
    log('wrote docs/bench.md and docs/bench.json');
  } else {
    log(`not writing docs/ (only the default run --countries ${DEFAULT_COUNTRIES.join(',')} does)`);
  }
  log(`done in ${result.seconds.toFixed(0)} s${values.keep ? `; builds kept in ${work}` : ''}`);
});
