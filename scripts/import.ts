/**
 * npm run import -- <file.txt> --country <name or slug> --edition <year> [--dry-run] [--force]
 *                   [--iso <code>] [--region <region>] [--new-edition "<title>"] [--content <dir>]
 *
 * Turns a chapter exported from the published PDF into one MDX section per theme, writing every
 * file of the chapter or none (see src/import/run.ts). Prints a short report; on refusal,
 * prints why (with the source line) and exits 1, never with a stack trace.
 *
 * Failures are printed with the project's printFailure (src/lib/command.ts), but the command
 * does not end through runCommand: that runner words a fault its own way ("stopped on an
 * unexpected error … DEBUG=1"), and this command's fault sentence, which says that no file was
 * changed, is kept as editors know it.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ImportError } from '../src/import/errors.ts';
import { formatOutcome, formatReview } from '../src/import/report.ts';
import { isPdf, runPdfImport } from '../src/import/review.ts';
import { runImport } from '../src/import/run.ts';
import { printFailure } from '../src/lib/command.ts';
import { CONTENT_DIR } from '../src/validation/paths.ts';

const USAGE =
  'usage: npm run import -- <file.txt> --country <name or slug> --edition <year> [--dry-run] [--force]\n' +
  '       npm run import -- <review.pdf> --edition <year> [--country <one chapter>] [--pages 80-92] [--dry-run] [--force]\n' +
  '         [--iso <ISO 3166-1 code>] [--region <region>]   (for a country not yet in countries.yaml)\n' +
  '         [--new-edition "<full title>"]                    (for an edition not yet in editions.yaml)';

function fail(message: string, status = 1): never {
  printFailure('import', message);
  process.exit(status);
}

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        country: { type: 'string' },
        edition: { type: 'string' },
        iso: { type: 'string' },
        region: { type: 'string' },
        'new-edition': { type: 'string' },
        pages: { type: 'string' },
        force: { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        content: { type: 'string', default: CONTENT_DIR },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    fail(`${(error as Error).message}\n${USAGE}`);
  }
}
const args = readArguments();
const { values, positionals } = args;
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [file, ...extra] = positionals;
if (!file || !values.edition || extra.length) fail(USAGE);

/** A PDF by its name or its first bytes; a file that cannot be read is left to the import to report. */
function looksLikePdf(name: string): boolean {
  if (name.toLowerCase().endsWith('.pdf')) return true;
  try {
    return isPdf(readFileSync(name).subarray(0, 5));
  } catch {
    return false;
  }
}

const request = {
  file,
  country: values.country,
  edition: values.edition,
  iso: values.iso,
  region: values.region,
  newEdition: values['new-edition'],
  pages: values.pages,
  force: values.force,
  dryRun: values['dry-run'],
  contentDir: values.content,
};

try {
  if (looksLikePdf(file)) {
    const started = performance.now();
    const review = await runPdfImport(request, { progress: (line) => console.error(line) });
    if (values['dry-run']) for (const chapter of review.chapters) if (chapter.diff) process.stdout.write(`${chapter.diff}\n`);
    console.log(formatReview(review, file, (performance.now() - started) / 1000));
    process.exit(0);
  }
  if (!values.country) fail(USAGE);
  const outcome = await runImport({ ...request, country: values.country });
  if (values['dry-run'] && outcome.diff) process.stdout.write(`${outcome.diff}\n`);
  console.log(formatOutcome(outcome, file));
} catch (error) {
  if (error instanceof ImportError) {
    const located = error.problems.every((p) => p.line !== undefined);
    fail(located ? error.problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n') : error.message);
  }
  // Not a refusal but a fault (a full disk, a bug): still a sentence, not a stack trace.
  fail(`unexpected error: ${(error as Error).message ?? String(error)}. No file was changed; please report this.`, 2);
}
