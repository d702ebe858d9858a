/**
 * The benchmark, `npm run bench` (scripts/bench.ts): synthetic editions of 1, 10 and 54 countries
 * built and measured one at a time in a work folder (src/quality/bench/edition.ts), reported
 * together (report.ts); the default run's report is kept in docs/bench.md and docs/bench.json.
 */
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import { ReportError } from '../../lib/problems.ts';
import { REVIEW_COUNTRIES } from '../review-countries.ts';
import { type ArchiveRun, type ArchiveStopped, isStopped, measureArchive } from './archive.ts';
import { type ArchiveContext, archiveMarkdown, archiveTargets } from './archive-report.ts';
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

export function currentCommit(): Promise<string> {
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
  const machine = machineName();
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

/** What docs/bench.json holds of the archive run (`--archive`). */
export interface ArchiveJson {
  generated: string;
  commit: string;
  machine: string;
  seconds: number;
  runs: ArchiveRun[];
  /** Archives whose build was stopped at the time limit, unfinished. */
  stopped?: ArchiveStopped[];
  targets: string[];
}

export const machineName = () =>
  `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}`;

/** `--archive 1,5,15`: the archives to measure, by number of editions (1–15). */
export function parseArchive(list: string): number[] {
  const counts = list.split(',').map(Number);
  if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 15)) {
    throw new ReportError('--archive takes numbers of editions from 1 to 15, separated by commas (e.g. 1,5,15).');
  }
  return counts;
}

/** Measures every archive in turn (54 countries each) and reports them together. */
export async function runArchiveBench(
  options: Omit<BenchOptions, 'counts'> & {
    editions: readonly number[];
    limitSeconds?: number | undefined;
    /** Measure nothing: report the archives already measured in `work` (each kept as <work>/archive-<n>.json). */
    fromWork?: boolean;
  },
): Promise<{ json: ArchiveJson; markdown: string; seconds: number }> {
  const started = performance.now();
  await mkdir(options.work, { recursive: true });
  const measured: (ArchiveRun | ArchiveStopped)[] = [];
  for (const n of options.editions) {
    if (options.fromWork) {
      const file = path.join(options.work, `archive-${n}.json`);
      const text = await readFile(file, 'utf8').catch(() => {
        throw new ReportError(`${file} is missing: the ${n}-edition archive was not measured in ${options.work}.`);
      });
      measured.push(JSON.parse(text) as ArchiveRun | ArchiveStopped);
      continue;
    }
    measured.push(
      await measureArchive(n, {
        work: options.work,
        port: options.port,
        log: options.log,
        limitSeconds: options.limitSeconds,
        commit: await currentCommit(),
      }),
    );
  }
  const runs = measured.filter((r): r is ArchiveRun => !isStopped(r));
  const stopped = measured.filter(isStopped);
  const context: ArchiveContext = {
    commit: await currentCommit(),
    machine: machineName(),
    seconds: options.fromWork ? Number.NaN : (performance.now() - started) / 1000,
    date: new Date(),
  };
  if (!options.keep && !options.fromWork) await rm(options.work, { recursive: true, force: true });
  return {
    json: {
      generated: context.date.toISOString(),
      commit: context.commit,
      machine: context.machine,
      seconds: context.seconds,
      runs,
      stopped,
      targets: archiveTargets(runs, stopped),
    },
    markdown: archiveMarkdown(runs, context, stopped),
    seconds: context.seconds,
  };
}

const archiveSection = (archive: ArchiveJson | undefined) =>
  archive
    ? `\n${archiveMarkdown(archive.runs, { commit: archive.commit, machine: archive.machine, seconds: archive.seconds, date: new Date(archive.generated) }, archive.stopped ?? [])}`
    : '';

async function readBenchJson(): Promise<(BenchResult['json'] & { archive?: ArchiveJson }) | undefined> {
  return readFile('docs/bench.json', 'utf8').then(
    (text) => JSON.parse(text) as BenchResult['json'] & { archive?: ArchiveJson },
    () => undefined,
  );
}

/**
 * Keeps the report in docs/bench.md and docs/bench.json. Each run rewrites its own part, the
 * editions (the default run) or the archive (`--archive`); the other part is regenerated from
 * docs/bench.json as it was, so docs/bench.md is never edited by hand.
 */
export async function writeBenchDocs(result: BenchResult | { archive: { json: ArchiveJson } }): Promise<void> {
  await mkdir('docs', { recursive: true });
  const previous = await readBenchJson();
  let json: BenchResult['json'] & { archive?: ArchiveJson };
  let editionsMarkdown: string;
  if ('archive' in result) {
    if (!previous) throw new ReportError('docs/bench.json is missing: run npm run bench first, then the archive.');
    json = { ...previous, archive: result.archive.json };
    const { generated, commit, machine, seconds, runs } = previous;
    const pdfSkip = runs.find((r) => r.pdf.skipped)?.pdf.skipped;
    editionsMarkdown = benchReport(runs, { commit, machine, cores: cpus().length, seconds, date: new Date(generated), pdfSkip }).markdown;
  } else {
    json = { ...result.json, ...(previous?.archive && { archive: previous.archive }) };
    editionsMarkdown = result.markdown;
  }
  await writeFile('docs/bench.json', `${JSON.stringify(json, null, 2)}\n`);
  await writeFile('docs/bench.md', `${editionsMarkdown}${archiveSection(json.archive)}`);
}
