/**
 * npm run pdf [-- --only 2026-kazakhstan] [--site <built site>] [--out <folder>]
 *
 * Prints every chapter of the built site to a tagged, bookmarked PDF through the print stylesheet
 * in Chromium (src/pdf/generate.ts). By default each PDF goes to public/pdf/ (which the next
 * build copies into the site, where the chapter page links to it) and into <site>/pdf/, so the
 * site already built offers it at once. With --out, PDFs go to that folder only and the site is
 * left untouched (the tests use this).
 *
 * Reads OUT_DIR (the built site, default dist), BASE_PATH (checked against the build),
 * CONTENT_DIR (editions.yaml, for the publisher) and CHROMIUM_PATH (default /usr/bin/chromium).
 * A failure that stops the job is one sentence and exit code 2; DEBUG=1 also prints its cause.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSize } from '../src/pdf/chapters.ts';
import { generatePdfs, PdfSetupError } from '../src/pdf/generate.ts';
import { CONTENT_DIR } from '../src/validation/paths.ts';

const usage = 'Usage: npm run pdf [-- --only <edition>-<country> …] [--site <built site>] [--out <folder>]';

let values;
try {
  ({ values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true, default: [] },
      site: { type: 'string', default: process.env['OUT_DIR'] ?? 'dist' },
      out: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  }));
} catch (error) {
  console.error(`${(error as Error).message}\n${usage}`);
  process.exit(2);
}
if (values.help) {
  console.log(usage);
  process.exit(0);
}

const site = values.site;
const outDirs = values.out ? [values.out] : ['public/pdf', path.join(site, 'pdf')];
const shown = (file: string) => {
  const relative = path.relative('.', file);
  return relative === '' || relative.startsWith('..') ? path.resolve(file) : relative;
};

try {
  const report = await generatePdfs({
    site,
    outDirs,
    only: values.only,
    chromiumPath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    contentDir: CONTENT_DIR,
    base: process.env['BASE_PATH'],
    onChapter(result, index, total) {
      const counter = `[${index + 1}/${total}] ${result.chapter.file}`;
      if (result.ok) console.log(`${counter} ${formatSize(result.bytes)} ${result.seconds.toFixed(1)} s`);
      else console.error(`${counter} FAILED (${result.chapter.path}): ${result.error.message}`);
    },
  });
  const made = report.results.filter((r) => r.ok);
  const failed = report.results.filter((r) => !r.ok);
  const bytes = made.reduce((sum, r) => sum + r.bytes, 0);
  console.log(
    `${made.length} PDF${made.length === 1 ? '' : 's'} (${formatSize(bytes)}) in ${outDirs.map((d) => `${shown(d)}/`).join(' and ')} ` +
      `in ${report.seconds.toFixed(1)} s.`,
  );
  if (failed.length > 0) {
    console.error(
      `${failed.length} chapter${failed.length === 1 ? '' : 's'} failed to print: ${failed.map((r) => `${r.chapter.edition}-${r.chapter.country}`).join(', ')}. ` +
        'The PDFs listed above were written whole; earlier PDFs of the failed chapters, if any, were left as they were.',
    );
    process.exit(1);
  }
  if (!values.out) console.log('Run `npm run build` again for the chapter pages to link to their PDFs with their sizes.');
} catch (error) {
  if (error instanceof PdfSetupError) {
    console.error(error.message);
    if (process.env['DEBUG'] && error.cause) console.error(error.cause);
    process.exit(2);
  }
  // Not a setup problem but a fault (a full disk, a bug): still a sentence, not a stack trace.
  const message = (error as Error)?.message?.split('\n')[0] ?? String(error);
  console.error(
    `npm run pdf stopped on an unexpected error: ${message}. PDFs already written are whole; run it again with DEBUG=1 for the details, and report it if it persists.`,
  );
  if (process.env['DEBUG']) console.error(error);
  process.exit(2);
}
