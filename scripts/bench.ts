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
 *   npm run bench -- --archive 1,5,15              the archive (issue 13): SYNTHETIC archives of 1, 5 and
 *                                                  15 editions × 54 countries (15 editions: about 20,000
 *                                                  sections, 20 minutes or more on 2 cores); writes its part
 *                                                  of docs/ only for 1,5,15. --limit <seconds> stops a cold build still running then
 *                                                  (reported as stopped, with an estimate); --from-work
 *                                                  measures nothing and reports the archives kept in
 *                                                  <work>/archive by earlier runs with --keep.
 *   npm run bench -- --generate 50 --editions 15 --archive-content --out <dir>
 *                                                  only write a synthetic archive folder
 *   options: --work <dir> (default /tmp/report-bench), --port <4400–4499>, --keep
 */
import path from 'node:path';
import { runCommand } from '../src/lib/command.ts';
import { ReportError } from '../src/lib/problems.ts';
import { parseArguments } from '../src/quality/arguments.ts';
import { DEFAULT_ARCHIVE } from '../src/quality/bench/archive.ts';
import {
  DEFAULT_COUNTRIES,
  isDefaultRun,
  parseArchive,
  parseCountries,
  runArchiveBench,
  runBench,
  writeBenchDocs,
} from '../src/quality/bench/run.ts';
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
      archive: { type: 'string' },
      'archive-content': { type: 'boolean', default: false },
      limit: { type: 'string' },
      'from-work': { type: 'boolean', default: false },
    },
  }).values;

  if (values.generate) {
    if (!values.out) throw new ReportError('--generate needs --out <folder> for the synthetic content.');
    const written = await writeSyntheticContent(values.out, {
      countries: Number(values.generate),
      editions: Number(values.editions),
      archive: values['archive-content'],
    });
    console.log(
      `Wrote ${written.files} files of SYNTHETIC content to ${written.dir}. Build it with:\n  CONTENT_DIR=${written.dir} OUT_DIR=/tmp/synthetic-dist CACHE_DIR=/tmp/synthetic-cache npm run build`,
    );
    return;
  }

  const work = path.resolve(values.work);
  if (values.archive) {
    const editions = parseArchive(values.archive);
    const archive = await runArchiveBench({
      editions,
      work: path.join(work, 'archive'),
      port: Number(values.port),
      keep: values.keep,
      log,
      limitSeconds: values.limit === undefined ? undefined : Number(values.limit),
      fromWork: values['from-work'],
    });
    console.log(`\n${archive.markdown}`);
    if (values.archive === DEFAULT_ARCHIVE.join(',')) {
      await writeBenchDocs({ archive });
      log('wrote the archive part of docs/bench.md and docs/bench.json');
    } else {
      log(`not writing docs/ (only --archive ${DEFAULT_ARCHIVE.join(',')} does)`);
    }
    log(
      `done${Number.isNaN(archive.seconds) ? '' : ` in ${archive.seconds.toFixed(0)} s`}${values.keep ? `; builds kept in ${work}/archive` : ''}`,
    );
    return;
  }
  const counts = parseCountries(values.countries);
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
