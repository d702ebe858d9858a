/**
 * The steps every import shares, whether of one text file or of a whole review's PDF: check the
 * data files (with a new edition when one is asked for), prepare each chapter (read, resolve its
 * country, convert, plan, stage and check it), then move every file of every chapter into place
 * at once, or none (commit.ts).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { slugify } from '../lib/themes.ts';
import type { ContentPaths } from '../validation/paths.ts';
import { type ContentData, validateData, validateSections, withCountriesFile } from '../validation/validate.ts';
import { change, type FileChange, type ImportPlan, planImport, readIfExists, relative, stagedPaths } from './changes.ts';
import { convertChapter, type ImportReport, parseSource } from './chapter.ts';
import { commit, type FileOperations } from './commit.ts';
import { type CountryChoice, isoCodeOf, resolveCountry } from './country.ts';
import { addEdition } from './edition.ts';
import { ImportError } from './errors.ts';
import { WordCounts, type Words } from './hyphens.ts';
import type { MissingSource } from './links.ts';
import type { ParseOptions } from './source-text.ts';

/** The content the import works against, read and checked once. */
export interface ImportContext {
  paths: ContentPaths;
  data: ContentData;
  edition: string;
  /** The append to editions.yaml, when the edition is new (--new-edition). */
  editionChange?: { change: FileChange; staged: string } | undefined;
}

/** Problems found in the staging folder, named by the files they will become. */
function unstage(problems: Problem[], staging: string, root: string): Problem[] {
  const from = path.resolve(staging);
  const inside = (file: string) => path.resolve(file).startsWith(from + path.sep);
  return problems.map((p) => ({
    ...p,
    file: p.file && inside(p.file) ? relative(path.join(root, path.relative(from, path.resolve(p.file)))) : p.file,
  }));
}

/** Checks the data files, and adds the edition to a staged editions.yaml when asked to. */
export async function openContext(
  paths: ContentPaths,
  edition: string,
  newEdition: string | undefined,
  staging: string,
): Promise<ImportContext> {
  if (!/^\d{4}$/.test(edition)) throw new ImportError(`--edition "${edition}" is not a year (like --edition 2026).`);
  let data = await validateData(paths);
  if (data.problems.length) {
    throw new ImportError(`the content's data files have problems; fix them first (npm run check):\n${formatProblems(data.problems)}`);
  }
  const known = data.vocabulary.editions;
  if (known.includes(edition)) {
    if (newEdition !== undefined)
      throw new ImportError(`edition ${edition} is already in ${relative(paths.editions)}; leave out --new-edition.`);
    return { paths, data, edition };
  }
  if (newEdition === undefined) {
    throw new ImportError(
      `there is no edition ${edition} in ${relative(paths.editions)} (editions: ${known.join(', ') || 'none'}). ` +
        `To add it, pass its full title: --new-edition "Annual Review … ${edition}".`,
    );
  }
  const before = await readIfExists(paths.editions);
  const after = addEdition(before?.toString('utf8') ?? '', { year: edition, title: newEdition });
  const staged = stagedPaths(staging).editions;
  await writeFile(staged, after);
  data = await validateData({ ...paths, editions: staged });
  if (data.problems.length) {
    throw new ImportError(
      `the new edition ${edition} does not pass the content checks:\n${formatProblems(unstage(data.problems, staged, paths.editions))}`,
    );
  }
  return { paths, data, edition, editionChange: { change: change(paths.editions, before, after), staged } };
}

/** One chapter's text and what it is imported as. */
export interface ChapterInput {
  text: string;
  /** What is kept in content/sources/: the text as received. */
  source: { file: string; bytes: Buffer };
  /** --country as typed, or the country the PDF's chapter heading names. */
  country: string;
  iso?: string | undefined;
  region?: string | undefined;
  force?: boolean | undefined;
  dictionary?: Words | undefined;
  /** Set for a chapter laid out from a PDF: its heading lines (see ParseOptions.layout). */
  layout?: ParseOptions['layout'];
  /** missingSources to keep, by theme, while their words are still in the section (a PDF cannot hold them). */
  keepMissingSources?: ReadonlyMap<string, readonly MissingSource[]> | undefined;
  /** This chapter's own staging folder. */
  staging: string;
}

export interface PreparedChapter {
  report: ImportReport;
  country: CountryChoice;
  plan: ImportPlan;
}

/** Whether a line names a country of countries.yaml, or a country ISO 3166 knows (looked up only when it may be a title). */
async function countryNamer(context: ImportContext, input: ChapterInput): Promise<(line: string) => boolean> {
  const names = new Set([slugify(input.country), ...context.data.countries.flatMap((c) => [c.slug, slugify(c.name)])]);
  const first = input.text.split(/\r\n|\r|\n|\f/).find((line) => line.trim() !== '');
  if (first && !names.has(slugify(first)) && first.trim().length < 60 && (await isoCodeOf(first.trim()))) names.add(slugify(first));
  return (line) => names.has(slugify(line));
}

/** Reads, converts, plans, stages and checks one chapter; writes nothing in the content folder. */
export async function prepareChapter(context: ImportContext, input: ChapterInput): Promise<PreparedChapter> {
  const { data, paths, edition } = context;
  const isCountry = await countryNamer(context, input);
  // Problems in the text come first: they take the editor longest to fix.
  const shortTitle = data.editions.find((e) => e.id === edition)?.shortTitle;
  const parsed = parseSource(input.text, data.themes, {
    isCountry,
    // The theme labels are words of every chapter ("Participation", "non-discrimination").
    dictionary: input.dictionary ?? data.themes.reduce((words, theme) => words.add(theme.label), new WordCounts()),
    phrases: shortTitle ? [shortTitle] : [],
    layout: input.layout,
  });
  let country: CountryChoice | undefined;
  let countryError: unknown;
  try {
    country = await resolveCountry(input.country, data.countries, { iso: input.iso, region: input.region, title: parsed.source.title });
  } catch (error) {
    countryError = error;
  }
  const report = convertChapter(parsed, {
    edition,
    country: country?.slug ?? slugify(input.country),
    countryName: country?.name,
    keepMissingSources: input.keepMissingSources,
  });
  if (!country) throw countryError;

  // A chapter whose title names another country is the wrong file, unless the editor says otherwise.
  const title = parsed.source.title;
  const titleLine = parsed.source.preamble[0]?.line;
  if (title && slugify(title) !== country.slug && slugify(title) !== slugify(country.name) && isCountry(title)) {
    const message = `the chapter's title "${title}" names another country than --country ${input.country} (${country.name}).`;
    if (!input.force)
      throw new ImportError(`${message} Check that this is the right chapter, or pass --force to import it as ${country.name}.`, titleLine);
    report.warnings.unshift(`line ${titleLine}: ${message} Imported as ${country.name} because of --force.`);
  }

  await mkdir(input.staging, { recursive: true });
  const plan = await planImport({ report, paths, edition, country, source: input.source, staging: input.staging });
  for (const [entry, file] of plan.staged) {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, entry.after!);
  }
  const staged = stagedPaths(input.staging);
  const against = plan.countryChange ? await withCountriesFile(data, staged.countries) : data;
  const sections = await validateSections(staged.sections, against.vocabulary);
  const problems = [...against.problems, ...sections.problems];
  if (problems.length) {
    throw new ImportError(
      `the imported chapter does not pass the content checks, so nothing was written:\n${formatProblems(unstage(problems, staged.sections, paths.sections))}`,
    );
  }
  return { report, country, plan };
}

/**
 * Moves every pending file of every chapter (and the new edition's entry) into place at once, or
 * none. Refuses to replace or remove existing content without `force`.
 */
export async function commitAll(
  context: ImportContext,
  chapters: readonly PreparedChapter[],
  options: { force?: boolean | undefined; staging: string; files?: FileOperations | undefined },
): Promise<void> {
  const moves: { change: FileChange; staged: string | undefined }[] = [];
  if (context.editionChange) moves.push({ change: context.editionChange.change, staged: context.editionChange.staged });
  for (const chapter of chapters) {
    for (const entry of chapter.plan.changes)
      if (entry.kind !== 'same') moves.push({ change: entry, staged: chapter.plan.staged.get(entry) });
  }
  // Appending a country or an edition replaces nothing.
  const appends = new Set([context.editionChange?.change, ...chapters.map((c) => c.plan.countryChange)]);
  const overwrites = moves.map((m) => m.change).filter((c) => (c.kind === 'update' && !appends.has(c)) || c.kind === 'delete');
  if (overwrites.length && !options.force) {
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
  const { backups } = stagedPaths(options.staging);
  await mkdir(backups, { recursive: true });
  // An UndoFailedError means the staging folder holds the only copy of a file: the caller keeps it.
  await commit(
    moves.map((m) => ({ target: path.resolve(m.change.path), staged: m.staged })),
    backups,
    options.files,
  );
}

/** The source file's bytes; refuses what cannot be read. */
export async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      code === 'ENOENT' ? `${file} does not exist.` : `cannot read ${file} (${code ?? (error as Error).message}).`,
      undefined,
      { cause: error },
    );
  }
}
