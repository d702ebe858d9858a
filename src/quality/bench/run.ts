/**
 * The benchmark, `npm run bench` (scripts/bench.ts): synthetic editions of 1, 10 and 54 countries
 * built and measured one at a time in a work folder (src/quality/bench/edition.ts), reported
 * together (report.ts); the default run's report is kept in docs/bench.md and docs/bench.json.
 */
import { spawn } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { ReportError } from '../../lib/problems.ts';
import { REVIEW_COUNTRIES } from '../synthetic.ts';
import { measureEdition, type Run } from './edition.ts';
import { pdfSkipReason } from './pdf.ts';
import { type BenchReport, benchReport } from './report.ts';

/** The editions of the default run, the only one whose report is written to docs/. */
export const DEFAULT_COUNTRIES = [1, 10, 54];

/** `--countries 1,10`: the editions to measure, checked. */
export function parseCountries(list: string): number[] {
  const counts = list.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > REVIEW_COUNTRIES.length)) {
    throw new ReportError(`--countries takes whole numbers from 1 to ${REVIEW_COUNTRIES.length}, separated by commas.`);
  }
  return counts;
}

/** Whether `--countries` asks for the default run, whose report goes to docs/. */
export const isDefaultRun = (countries: string) => countries === DEFAULT_COUNTRIES.join(',');

export interface BenchOptions {
  counts: readonly number[];
  /** Work folder for every edition's content, build and cache; removed at the end unless `keep`. */
  work: string;
  port: number;
  keep: boolean;
  /** Prints one progress line. */
  log: (line: string) => void;
}

export interface BenchResult extends BenchReport {
  /** What docs/bench.json holds. */
  json: {
    generated: string;
    commit: string;
    machine: string;
    seconds: number;
    runs: Run[];
    growth: BenchReport['growth'];
    targets: string[];
  };
  seconds: number;
}

function currentCommit(): Promise<string> {
  return new Promise<string>((resolve) => {
    const git = spawn('git', ['rev-parse', '--short', 'HEAD']);
    let out = '';
    git.stdout.on('data', (c: Buffer) => (out += c.toString()));
    git.on('close', () => resolve(out.trim()));
  });
}

/** Measures every edition in turn and reports them together. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const started = performance.now();
  await mkdir(options.work, { recursive: true });
  const pdfSkip = pdfSkipReason();
  const runs: Run[] = [];
  for (const n of options.counts) {
    runs.push(await measureEdition(n, { work: options.work, port: options.port, pdfSkip, log: options.log }));
  }
  const commit = await currentCommit();
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}`;
  const seconds = (performance.now() - started) / 1000;
  const date = new Date();
  const report = benchReport(runs, { commit, machine, cores: cpus().length, seconds, date, pdfSkip });
  if (!options.keep) await rm(options.work, { recursive: true, force: true });
  return {
    ...report,
    json: { generated: date.toISOString(), commit, machine, seconds, runs, growth: report.growth, targets: report.targets },
    seconds,
  };
}

/** Keeps the report in docs/bench.md and docs/bench.json. */
export async function writeBenchDocs(result: BenchResult): Promise<void> {
  await mkdir('docs', { recursive: true });
  await writeFile('docs/bench.json', `${JSON.stringify(result.json, null, 2)}\n`);
  await writeFile('docs/bench.md', result.markdown);
}
