/**
 * npm run bench:import: how long importing the seed chapter takes, the target being under one
 * second. Prints two figures, medians over several runs after a warm-up:
 *   - convert: the text to MDX sections in memory (importChapter);
 *   - whole import: what `npm run import -- --dry-run` does after Node has started (read the file,
 *     check the data files, convert, stage and validate the chapter, diff), into a temporary copy
 *     of the content folder so that nothing in content/ is touched.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importChapter } from '../src/import/chapter.ts';
import { runImport } from '../src/import/run.ts';
import { contentPaths } from '../src/validation/paths.ts';
import { validateContent } from '../src/validation/validate.ts';

const { values } = parseArgs({
  options: {
    file: { type: 'string', default: 'content/sources/2026/kazakhstan.txt' },
    runs: { type: 'string', default: '20' },
  },
});
const runs = Math.max(1, Number(values.runs));
const text = readFileSync(values.file, 'utf8');
const { themes } = await validateContent(contentPaths());

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
async function time(job: () => unknown): Promise<number> {
  await job(); // warm-up: module loading and JIT are not the import's cost
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await job();
    times.push(performance.now() - start);
  }
  return median(times);
}

const convert = await time(() => importChapter(text, { edition: '2026', country: 'kazakhstan', themes }));

const work = mkdtempSync(path.join(tmpdir(), 'bench-import-'));
try {
  const content = path.join(work, 'content');
  mkdirSync(path.join(content, 'sections'), { recursive: true });
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) copyFileSync(path.join('content', file), path.join(content, file));
  const whole = await time(() =>
    runImport({ file: values.file, country: 'kazakhstan', edition: '2026', contentDir: content, dryRun: true }),
  );
  const kb = (Buffer.byteLength(text) / 1024).toFixed(1);
  console.log(`Importing ${values.file} (${kb} kB), median of ${runs} runs:`);
  console.log(`  convert to MDX   ${convert.toFixed(1)} ms`);
  console.log(`  whole import     ${whole.toFixed(1)} ms  (read, convert, stage, validate, diff)`);
  console.log(whole < 1000 ? '  under one second: yes' : '  under one second: NO');
  process.exitCode = whole < 1000 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
