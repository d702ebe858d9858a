/**
 * The command line of `npm run pdf` (scripts/pdf.ts), in one place: its options, the arguments
 * that point a run at one built site alone, and the lines it prints. The benchmark runs the same
 * command and reads the same lines (src/quality/bench/pdf.ts), so both use these definitions.
 */
import path from 'node:path';
import type { ParseArgsOptionsConfig } from 'node:util';
import { formatSize } from './chapters.ts';
import type { ChapterResult, GenerateReport } from './generate.ts';

export const PDF_USAGE =
  'Usage: npm run pdf [-- --only <edition>-<country> …] [--site <built site>] [--out <folder>]\n' +
  '       npm run pdf -- --bundle "<edition>/<country>/<theme>,…" --out <file.pdf> [--site <built site>]';

/** For node:util parseArgs. Without --out, PDFs go to public/pdf/ and <site>/pdf/. */
export const PDF_OPTIONS = {
  only: { type: 'string', multiple: true, default: [] as string[] },
  site: { type: 'string', default: process.env['OUT_DIR'] ?? 'dist' },
  out: { type: 'string' },
  /** A bundle's selection, as in its address: printed to the one PDF --out names. */
  bundle: { type: 'string' },
  help: { type: 'boolean', default: false },
} satisfies ParseArgsOptionsConfig;

/** Where a run writes its PDFs: the --out folder only, or public/pdf/ and the site's own pdf/. */
export function pdfOutDirs(site: string, out: string | undefined): string[] {
  return out ? [out] : ['public/pdf', path.join(site, 'pdf')];
}

/** Arguments of a run that prints every chapter of `site` into `out` and touches nothing else. */
export function pdfArguments(site: string, out: string): string[] {
  return ['--site', site, '--out', out];
}

/** The line printed as each chapter is done: `[3/54] 2026-armenia.pdf 201 KB 1.4 s`, or why it failed. */
export function chapterLine(result: ChapterResult, index: number, total: number): string {
  const counter = `[${index + 1}/${total}] ${result.chapter.file}`;
  return result.ok
    ? `${counter} ${formatSize(result.bytes)} ${result.seconds.toFixed(1)} s`
    : `${counter} FAILED (${result.chapter.path}): ${result.error.message}`;
}

/** The seconds of each chapter printed, read back from a run's output (the lines of chapterLine). */
export function chapterSeconds(output: string): number[] {
  return [...output.matchAll(/^\[\d+\/\d+\] .* ([\d.]+) s$/gm)].map((m) => Number(m[1]));
}

/** A folder as the summary names it: relative to here when inside, absolute otherwise. */
function shown(folder: string): string {
  const relative = path.relative('.', folder);
  return relative === '' || relative.startsWith('..') ? path.resolve(folder) : relative;
}

/** What a run ends with: what was made, and which chapters failed (undefined when none did). */
export function summary(report: GenerateReport, outDirs: readonly string[]): { made: string; failed: string | undefined } {
  const made = report.results.filter((r) => r.ok);
  const failed = report.results.filter((r) => !r.ok);
  const bytes = made.reduce((sum, r) => sum + r.bytes, 0);
  const where = outDirs.map((d) => `${shown(d)}/`).join(' and ');
  return {
    // No size for nothing: formatSize rounds up to 1 KB, and "0 PDFs (1 KB)" read as a PDF made.
    made:
      made.length === 0
        ? `No PDF was written (${where} unchanged) in ${report.seconds.toFixed(1)} s.`
        : `${made.length} PDF${made.length === 1 ? '' : 's'} (${formatSize(bytes)}) in ${where} in ${report.seconds.toFixed(1)} s.`,
    failed:
      failed.length === 0
        ? undefined
        : `${failed.length} chapter${failed.length === 1 ? '' : 's'} failed to print: ${failed.map((r) => `${r.chapter.edition}-${r.chapter.country}`).join(', ')}. ` +
          'The PDFs listed above were written whole; earlier PDFs of the failed chapters, if any, were left as they were.',
  };
}
