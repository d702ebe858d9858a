/**
 * npm run bench:import: how long importing takes. Prints figures (medians after a warm-up), never
 * judged by a test:
 *   - the seed chapter's text: converting it to MDX in memory, and the whole import as
 *     `npm run import -- --dry-run` does it (read, check the data files, convert, stage, validate,
 *     diff), into a temporary copy of the content folder; target under one second;
 *   - a synthetic 54-country review printed as one PDF by Chromium (about 240 pages, see
 *     src/import/synthetic-review.ts), imported as a dry run in a child process: time, time per
 *     page, peak memory (the child's maximum resident set), and the words imported against the
 *     words printed; target under 30 s and 1 GB on 2 cores. `--skip-pdf` leaves it out.
 * Nothing in content/ is touched.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importChapter } from '../src/import/chapter.ts';
import { runPdfImport } from '../src/import/review.ts';
import { runImport } from '../src/import/run.ts';
import { bodyText, wordCount, writeSyntheticReview } from '../src/import/synthetic-review.ts';
import { runCommand } from '../src/lib/command.ts';
import { contentPaths } from '../src/validation/paths.ts';
import { validateContent } from '../src/validation/validate.ts';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: 'content/sources/2026/kazakhstan.txt' },
    runs: { type: 'string', default: '20' },
    'skip-pdf': { type: 'boolean', default: false },
    // Internal: the child process that imports the synthetic PDF and reports on itself.
    child: { type: 'string' },
  },
});

/** In the child: import the PDF once (dry run) and print what it cost, as JSON. */
async function child(dir: string): Promise<void> {
  const started = performance.now();
  const review = await runPdfImport({
    file: path.join(dir, 'review.pdf'),
    edition: '2026',
    contentDir: path.join(dir, 'content'),
    dryRun: true,
  });
  const seconds = (performance.now() - started) / 1000;
  const words = review.chapters.reduce((n, c) => n + c.report.sections.reduce((m, s) => m + wordCount(bodyText(s.mdx)), 0), 0);
  const result = {
    seconds,
    pages: review.pages.read,
    chapters: review.chapters.length,
    words,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(JSON.stringify(result));
}

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
async function time(job: () => unknown, runs: number): Promise<number> {
  await job(); // warm-up: module loading and JIT are not the import's cost
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await job();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function seedFigures(): Promise<boolean> {
  const runs = Math.max(1, Number(values.runs));
  const text = readFileSync(values.file, 'utf8');
  const { themes } = await validateContent(contentPaths());
  const convert = await time(() => importChapter(text, { edition: '2026', country: 'kazakhstan', themes }), runs);
  const work = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
  try {
    const content = path.join(work, 'content');
    mkdirSync(path.join(content, 'sections'), { recursive: true });
    for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml'])
      copyFileSync(path.join('content', file), path.join(content, file));
    const whole = await time(
      () => runImport({ file: values.file, country: 'kazakhstan', edition: '2026', contentDir: content, dryRun: true }),
      runs,
    );
    const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
    console.log(`Importing ${values.file} (${kb} kB), median of ${runs} runs:`);
    console.log(`  convert to MDX   ${convert.toFixed(1)} ms`);
    console.log(`  whole import     ${whole.toFixed(1)} ms  (read, convert, stage, validate, diff)`);
    console.log(whole < 1000 ? '  under one second: yes' : '  under one second: NO');
    return whole < 1000;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function pdfFigures(): Promise<boolean> {
  const work = mkdtempSync(path.join(tmpdir(), 'bench-import-pdf-'));
  try {
    console.log('Printing a synthetic 54-country review to one PDF with Chromium…');
    const printStart = performance.now();
    const { words } = await writeSyntheticReview(work);
    console.log(`  printed in ${((performance.now() - printStart) / 1000).toFixed(1)} s`);
    const out = execFileSync(process.execPath, [process.argv[1]!, '--child', work], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
      seconds: number;
      pages: number;
      chapters: number;
      words: number;
      maxRssMb: number;
    };
    const fast = r.seconds < 30 && r.maxRssMb < 1024;
    console.log(`Importing it (dry run, ${r.chapters} chapters, ${r.pages} pages):`);
    console.log(`  whole import     ${r.seconds.toFixed(1)} s  (${((r.seconds * 1000) / r.pages).toFixed(1)} ms per page)`);
    console.log(`  peak memory      ${r.maxRssMb.toFixed(0)} MB  (the importing process's maximum resident set)`);
    console.log(`  words imported   ${r.words} of the ${words} printed${r.words === words ? '' : '  DIFFERENT'}`);
    console.log(fast ? '  under 30 s and 1 GB: yes' : '  under 30 s and 1 GB: NO');
    return fast && r.words === words;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await runCommand({ name: 'bench:import' }, async () => {
  if (values.child) return child(values.child);
  const seed = await seedFigures();
  const pdf = values['skip-pdf'] ? true : await pdfFigures();
  process.exitCode = seed && pdf ? 0 : 1;
});
