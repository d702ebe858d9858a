/**
 * The whole import of one chapter's text, as `npm run import` runs it: read the source, check the
 * data files, resolve the country, convert, then write every file of the chapter or none. A PDF
 * (of one chapter or the whole review) goes through review.ts, which shares these steps.
 *
 * Each input is read once and handed down: the data files are read and checked once, and both the
 * conversion and the check of the staged chapter use them; the chapter's text is parsed once, and
 * both the country (by its title) and the conversion use the result.
 *
 * All-or-nothing: the new files are first written to a staging folder and checked there with the
 * project's own validator (src/validation/validate.ts); only then are they moved into place
 * (commit.ts), or put back as they were if a move fails.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { contentPaths } from '../validation/paths.ts';
import { type FileChange, relative } from './changes.ts';
import type { ImportReport } from './chapter.ts';
import { type FileOperations, UndoFailedError } from './commit.ts';
import { ImportError } from './errors.ts';
import { commitAll, type ImportContext, openContext, type PreparedChapter, prepareChapter, readBytes } from './prepare.ts';
import { formatDiff } from './report.ts';

/** What an editor asks for: the command's arguments. */
export interface ImportRequest {
  /** The chapter's text file, as exported from the PDF, or the PDF itself. */
  file: string;
  /** The country's slug, name or ISO code (for a PDF: the one chapter to import). */
  country?: string | undefined;
  edition: string;
  /** The full title of an edition not yet in editions.yaml, to add it. */
  newEdition?: string | undefined;
  /** For a PDF: the pages to read, like "80-92". */
  pages?: string | undefined;
  /** ISO code and region, for a country not yet in countries.yaml. */
  iso?: string | undefined;
  region?: string | undefined;
  /** Replace an existing chapter; import a chapter whose title names another country. */
  force?: boolean | undefined;
  /** Work out and show the changes, write nothing. */
  dryRun?: boolean | undefined;
  /** The content folder (default `content`). */
  contentDir?: string | undefined;
}

export interface ImportOutcome {
  report: ImportReport;
  country: { slug: string; name: string; created: boolean };
  edition: string;
  /** Set when the edition was added to editions.yaml (or would be, in a dry run). */
  editionCreated?: boolean | undefined;
  /** The chapter's folder, relative to the working directory. */
  chapterDir: string;
  changes: FileChange[];
  /** True when the files were written (false for a dry run, or when nothing changed). */
  written: boolean;
  /** What would change, as a unified diff (section files and countries.yaml). */
  diff: string;
}

/** The bytes as UTF-8 text; refuses bytes that are not UTF-8 rather than publish replacement characters. */
export function decodeText(file: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (error) {
    throw new ImportError(`${file} is not UTF-8 text; export the chapter again as UTF-8.`, undefined, { cause: error });
  }
}

/**
 * Runs an import in a staging folder of its own, removed afterwards unless a failed undo left
 * the only copy of a file there. Staging sits next to the content so that moving a file into
 * place is one rename on the same disk; a dry run stages in the system's temporary folder.
 */
export async function withStaging<T>(request: ImportRequest, job: (staging: string, context: ImportContext) => Promise<T>): Promise<T> {
  const root = request.contentDir ?? 'content';
  if (!existsSync(root)) throw new ImportError(`the content folder ${root} does not exist.`);
  const staging = await mkdtemp(path.join(request.dryRun ? tmpdir() : root, '.import-'));
  let keepStaging = false;
  // Ctrl+C or a kill while importing: the staging folder goes too (nothing has been moved into
  // place before the last step, and that step undoes itself), rather than stay in content/.
  const interrupted = (signal: NodeJS.Signals) => {
    if (!keepStaging) rmSync(staging, { recursive: true, force: true });
    console.error(`import: stopped by ${signal}; nothing was written.`);
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const context = await openContext(contentPaths(root), request.edition, request.newEdition, staging);
    return await job(staging, context);
  } catch (error) {
    if (error instanceof UndoFailedError) keepStaging = true;
    throw error;
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    if (!keepStaging) await rm(staging, { recursive: true, force: true });
  }
}

/** What an import of one prepared chapter would change, as the command reports it (nothing written yet). */
export function outcomeOf(chapter: PreparedChapter, edition: string, context: ImportContext, changes: FileChange[]): ImportOutcome {
  return {
    report: chapter.report,
    country: { slug: chapter.country.slug, name: chapter.country.name, created: Boolean(chapter.country.create) },
    edition,
    editionCreated: context.editionChange !== undefined,
    chapterDir: relative(chapter.plan.chapterDir),
    changes,
    written: false,
    diff: formatDiff(changes),
  };
}

/**
 * Runs one import of a text file. Throws ImportError (never anything else for bad input) when it
 * refuses. `files` replaces how files are moved into place; only tests pass it, to make a write fail.
 */
export async function runImport(request: ImportRequest, files: FileOperations = {}): Promise<ImportOutcome> {
  const bytes = await readBytes(request.file);
  const text = decodeText(request.file, bytes);
  if (!request.country) throw new ImportError('--country is needed to import a text file: name the chapter’s country.');
  const country = request.country;
  return withStaging(request, async (staging, context) => {
    const chapter = await prepareChapter(context, {
      text,
      source: { file: request.file, bytes },
      country,
      iso: request.iso,
      region: request.region,
      force: request.force,
      staging: path.join(staging, 'chapter'),
    });
    const changes = [...(context.editionChange ? [context.editionChange.change] : []), ...chapter.plan.changes];
    const outcome = outcomeOf(chapter, request.edition, context, changes);
    if (request.dryRun || changes.every((c) => c.kind === 'same')) return outcome;
    await commitAll(context, [chapter], { force: request.force, staging, files });
    outcome.written = true;
    return outcome;
  });
}
