/**
 * The whole import of one chapter, as `npm run import` runs it: read the source, check the data
 * files, resolve the country, convert, then write every file of the chapter or none.
 *
 * Each input is read once and handed down: the data files are read and checked once, and both the
 * conversion and the check of the staged chapter use them; the chapter's text is parsed once, and
 * both the country (by its title) and the conversion use the result.
 *
 * All-or-nothing: the new files are first written to a staging folder and checked there with the
 * project's own validator (src/validation/validate.ts); only then are they moved into place
 * (commit.ts), or put back as they were if a move fails.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { slugify } from '../lib/themes.ts';
import { type ContentPaths, contentPaths } from '../validation/paths.ts';
import { type ContentData, validateData, validateSections, withCountriesFile } from '../validation/validate.ts';
import { type FileChange, type ImportPlan, planImport, relative, stagedPaths } from './changes.ts';
import { convertChapter, type ImportReport, parseSource } from './chapter.ts';
import { commit, type FileOperations, UndoFailedError } from './commit.ts';
import { type CountryChoice, resolveCountry } from './country.ts';
import { ImportError } from './errors.ts';
import { formatDiff } from './report.ts';

/** What an editor asks for: the command's arguments. */
export interface ImportRequest {
  /** The chapter's text file, as exported from the PDF. */
  file: string;
  /** The country's slug, name or ISO code. */
  country: string;
  edition: string;
  /** ISO code and region, for a country not yet in countries.yaml. */
  iso?: string | undefined;
  region?: string | undefined;
  /** Replace an existing chapter. */
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
  /** The chapter's folder, relative to the working directory. */
  chapterDir: string;
  changes: FileChange[];
  /** True when the files were written (false for a dry run, or when nothing changed). */
  written: boolean;
  /** What would change, as a unified diff (section files and countries.yaml). */
  diff: string;
}

/** The source file's text; refuses bytes that are not UTF-8 rather than publish replacement characters. */
async function readSource(file: string): Promise<{ bytes: Buffer; text: string }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT' ? `${file} does not exist.` : `cannot read ${file} (${code ?? (error as Error).message}).`,
      undefined,
      { cause: error },
    );
  }
  try {
    return { bytes, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch (error) {
    throw new ImportError(`${file} is not UTF-8 text; export the chapter again as UTF-8.`, undefined, { cause: error });
  }
}

/** Problems found in the staging folder, named by the files they will become. */
function unstage(problems: Problem[], staging: string, root: string): Problem[] {
  const from = relative(staging);
  return problems.map((p) => ({ ...p, file: p.file?.startsWith(from) ? relative(path.join(root, path.relative(from, p.file))) : p.file }));
}

/**
 * Writes every file of the plan to the staging folder, the chapter's unchanged sections too (so
 * that links between sections are checked), and checks the staged chapter against the data files
 * already checked; a new country is checked in the staged countries.yaml, which alone is read.
 */
async function stageAndCheck(plan: ImportPlan, data: ContentData, staging: string, paths: ContentPaths): Promise<void> {
  for (const [entry, file] of plan.staged) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, entry.after!);
  }
  const staged = stagedPaths(staging);
  const against = plan.countryChange ? await withCountriesFile(data, staged.countries) : data;
  const sections = await validateSections(staged.sections, against.vocabulary);
  const problems = [...against.problems, ...sections.problems];
  if (problems.length) {
    throw new ImportError(
      `the imported chapter does not pass the content checks, so nothing was written:\n${formatProblems(unstage(problems, staged.sections, paths.sections))}`,
    );
  }
}

/**
 * Runs one import. Throws ImportError (never anything else for bad input) when it refuses.
 * `files` replaces how files are moved into place; only tests pass it, to make a write fail.
 */
export async function runImport(request: ImportRequest, files: FileOperations = {}): Promise<ImportOutcome> {
  const root = request.contentDir ?? 'content';
  const paths = contentPaths(root);
  const source = await readSource(request.file);
  if (!/^\d{4}$/.test(request.edition)) {
    throw new ImportError(`--edition "${request.edition}" is not a year (like --edition 2026).`);
  }
  if (!existsSync(root)) throw new ImportError(`the content folder ${root} does not exist.`);

  // Staging sits next to the content so that moving a file into place is one rename on the same
  // disk; a dry run writes nothing there and stages in the system's temporary folder instead.
  const staging = await mkdtemp(path.join(request.dryRun ? tmpdir() : root, '.import-'));
  let keepStaging = false;
  try {
    // The data files first (no section is read): the import needs the theme vocabulary, the
    // editions and the countries to be sound, and the staged chapter is checked against them.
    const data = await validateData(paths);
    if (data.problems.length) {
      throw new ImportError(`the content's data files have problems; fix them first (npm run check):\n${formatProblems(data.problems)}`);
    }
    if (!data.vocabulary.editions.includes(request.edition)) {
      throw new ImportError(
        `there is no edition ${request.edition} in ${relative(paths.editions)} (editions: ${data.vocabulary.editions.join(', ') || 'none'}).`,
      );
    }

    // Problems in the text come first: they take the editor longest to fix.
    const parsed = parseSource(source.text, data.themes);
    let country: CountryChoice | undefined;
    let countryError: unknown;
    try {
      country = await resolveCountry(request.country, data.countries, {
        iso: request.iso,
        region: request.region,
        title: parsed.source.title,
      });
    } catch (error) {
      countryError = error;
    }
    const report = convertChapter(parsed, {
      edition: request.edition,
      country: country?.slug ?? slugify(request.country),
      countryName: country?.name,
    });
    if (!country) throw countryError;

    const plan = await planImport({
      report,
      paths,
      edition: request.edition,
      country,
      source: { file: request.file, bytes: source.bytes },
      staging,
    });
    await stageAndCheck(plan, data, staging, paths);
    const outcome: ImportOutcome = {
      report,
      country: { slug: country.slug, name: country.name, created: Boolean(country.create) },
      edition: request.edition,
      chapterDir: relative(plan.chapterDir),
      changes: plan.changes,
      written: false,
      diff: formatDiff(plan.changes),
    };
    const pending = plan.changes.filter((c) => c.kind !== 'same');
    if (request.dryRun || pending.length === 0) return outcome;

    // Appending a country to countries.yaml replaces nothing.
    const overwrites = pending.filter((c) => (c.kind === 'update' && c !== plan.countryChange) || c.kind === 'delete');
    if (overwrites.length && !request.force) {
      const shown = overwrites
        .slice(0, 3)
        .map((c) => c.path)
        .join(', ');
      const more = overwrites.length > 3 ? ` and ${overwrites.length - 3} more` : '';
      throw new ImportError(
        `the import would replace or remove existing content (${shown}${more}); nothing was written. ` +
          'Pass --force to replace it, or --dry-run to see the changes first.',
      );
    }

    const { backups } = stagedPaths(staging);
    await mkdir(backups);
    try {
      await commit(
        pending.map((c) => ({ target: path.resolve(c.path), staged: plan.staged.get(c) })),
        backups,
        files,
      );
    } catch (error) {
      // The staging folder may hold the only copy of a file that could not be put back.
      if (error instanceof UndoFailedError) keepStaging = true;
      throw error;
    }
    outcome.written = true;
    return outcome;
  } finally {
    if (!keepStaging) await rm(staging, { recursive: true, force: true });
  }
}
