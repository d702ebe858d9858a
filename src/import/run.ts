/**
 * The whole import of one chapter, as `npm run import` runs it: read the source, resolve the
 * country, convert, then write every file of the chapter or none.
 *
 * All-or-nothing: the new files are first written to a staging folder and checked there with the
 * project's own validator (src/validation/validate.ts); only then are they moved into place, one
 * rename each, keeping the files they replace until every move has succeeded. If any move fails,
 * the moves already made are undone; if undoing fails too, the staging folder (with the previous
 * versions) is kept and named, with the files that could not be put back.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ImportError, importChapter, type ImportReport } from './chapter.ts';
import { formatProblems, type Problem } from '../lib/problems.ts';
import { parseChapter } from './source-text.ts';
import { matchTheme, slugify } from '../lib/themes.ts';
import { validateContent } from '../validation/validate.ts';
import { contentPaths } from '../validation/paths.ts';
import { addCountry, resolveCountry } from './country.ts';
import { unifiedDiff } from './diff.ts';

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
  /** Called before each file is moved into place; tests use it to simulate a failed write. */
  beforeMove?: ((target: string) => void | Promise<void>) | undefined;
  /** Moves one file (default: fs rename); tests use it to make undoing a move fail. */
  rename?: ((from: string, to: string) => Promise<void>) | undefined;
}

export type ChangeKind = 'create' | 'update' | 'delete' | 'same';

export interface FileChange {
  /** Where the file lives, relative to the working directory. */
  path: string;
  kind: ChangeKind;
  before?: string | Buffer | undefined;
  after?: string | Buffer | undefined;
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

/** A path as the editor would type it: relative to the working directory when inside it. */
function relative(file: string): string {
  const inside = path.relative(process.cwd(), file);
  return inside === '' ? file : inside.startsWith('..') ? path.resolve(file) : inside;
}

async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
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

function change(target: string, before: Buffer | undefined, after: string | Buffer | undefined): FileChange {
  const afterBytes = typeof after === 'string' ? Buffer.from(after) : after;
  let kind: ChangeKind;
  if (afterBytes === undefined) kind = 'delete';
  else if (before === undefined) kind = 'create';
  else kind = before.equals(afterBytes) ? 'same' : 'update';
  return {
    path: relative(target),
    kind,
    before: typeof after === 'string' || after === undefined ? before?.toString('utf8') : before,
    after,
  };
}

/** Problems found in the staging folder, named by the files they will become. */
function unstage(problems: Problem[], staging: string, root: string): Problem[] {
  const from = relative(staging);
  return problems.map((p) => ({ ...p, file: p.file?.startsWith(from) ? relative(path.join(root, path.relative(from, p.file))) : p.file }));
}

interface Move {
  target: string;
  staged?: string | undefined;
  backup?: string | undefined;
}

/**
 * The write failed and so did putting some files back: the staging folder, which holds the
 * previous versions, is kept (and named in the message) rather than deleted.
 */
export class UndoFailedError extends ImportError {
  readonly staging: string;
  readonly notRestored: readonly string[];
  constructor(message: string, staging: string, notRestored: readonly string[], options: { cause?: unknown } = {}) {
    super(message, undefined, options);
    this.staging = staging;
    this.notRestored = notRestored;
  }
}

/**
 * Moves staged files into place (or deletes targets whose `staged` is undefined), keeping each
 * replaced file in `backups` until all have moved. Undoes every finished step if one fails; if
 * undoing fails too, throws UndoFailedError naming the files not restored and where their
 * previous versions are (the staging folder, `backups`' parent, must then be kept).
 */
async function commit(
  moves: Move[],
  backups: string,
  beforeMove: ImportRequest['beforeMove'],
  move: (from: string, to: string) => Promise<void> = rename,
): Promise<void> {
  const done: { move: Move; placed: boolean; backedUp: boolean; createdDir?: string | undefined }[] = [];
  try {
    for (const [index, item] of moves.entries()) {
      const step: (typeof done)[number] = { move: item, placed: false, backedUp: false };
      done.push(step);
      await beforeMove?.(item.target);
      step.createdDir = await mkdir(path.dirname(item.target), { recursive: true });
      if (existsSync(item.target)) {
        item.backup = path.join(backups, String(index));
        await move(item.target, item.backup);
        step.backedUp = true;
      }
      if (item.staged) {
        await move(item.staged, item.target);
        step.placed = true;
      }
    }
  } catch (error) {
    const written = `could not write ${relative(moves[done.length - 1]?.target ?? '')} (${(error as Error).message})`;
    // Each undo step is tried on its own, so that one failure does not keep the others from running.
    const notRestored: string[] = [];
    for (const step of done.reverse()) {
      const target = relative(step.move.target);
      if (step.placed) {
        try {
          await move(step.move.target, step.move.staged!);
        } catch (undoError) {
          // With a backup, restoring it below replaces the new file anyway.
          if (!step.backedUp) notRestored.push(`${target} (the new file could not be removed: ${(undoError as Error).message})`);
        }
      }
      if (step.backedUp) {
        try {
          await move(step.move.backup!, step.move.target);
        } catch (undoError) {
          notRestored.push(`${target} (its previous version is ${relative(step.move.backup!)}: ${(undoError as Error).message})`);
        }
      }
      if (step.createdDir) await removeEmptyDirs(step.createdDir, path.dirname(step.move.target));
    }
    if (notRestored.length > 0) {
      const staging = path.dirname(backups);
      throw new UndoFailedError(
        `${written}, and ${notRestored.length === 1 ? '1 file' : `${notRestored.length} files`} could not be put back: ${notRestored.join('; ')}. ` +
          `The staging folder ${relative(staging)}${path.sep} was kept: it holds the previous versions (backup${path.sep}) and the new files. ` +
          'Restore those files from it by hand, check with `npm run check`, then delete the folder.',
        staging,
        notRestored,
        { cause: error },
      );
    }
    throw new ImportError(`${written}; every file written so far was put back, so the content is as it was.`, undefined, { cause: error });
  }
}

/** Removes `deepest` and its parents up to and including `top`, while they are empty. */
async function removeEmptyDirs(top: string, deepest: string): Promise<void> {
  for (let dir = deepest; dir.startsWith(top); dir = path.dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
  }
}

/** Runs one import. Throws ImportError (never anything else for bad input) when it refuses. */
export async function runImport(request: ImportRequest): Promise<ImportOutcome> {
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
    const stagedSections = path.join(staging, 'sections');
    await mkdir(stagedSections);
    // The data files are checked on their own first (no section is read): the import needs the
    // theme vocabulary, the editions and the countries to be sound.
    const base = await validateContent({ ...paths, sections: stagedSections });
    if (base.problems.length) {
      throw new ImportError(`the content's data files have problems; fix them first (npm run check):\n${formatProblems(base.problems)}`);
    }
    if (!base.vocabulary.editions.includes(request.edition)) {
      throw new ImportError(
        `there is no edition ${request.edition} in ${relative(paths.editions)} (editions: ${base.vocabulary.editions.join(', ') || 'none'}).`,
      );
    }

    // Problems in the text come first: they take the editor longest to fix.
    const title = parseChapter(source.text, { isTheme: (heading) => matchTheme(heading, base.themes) !== undefined }).title;
    let country;
    let countryError: unknown;
    try {
      country = await resolveCountry(request.country, base.countries, { iso: request.iso, region: request.region, title });
    } catch (error) {
      countryError = error;
    }
    const report = importChapter(source.text, {
      edition: request.edition,
      country: country?.slug ?? slugify(request.country),
      countryName: country?.name,
      themes: base.themes,
    });
    if (!country) throw countryError;

    // Every file the import touches, and what each would become.
    const chapterDir = path.join(paths.sections, request.edition, country.slug);
    const changes: FileChange[] = [];
    const staged = new Map<FileChange, string>();
    const produced = new Set<string>();
    for (const section of report.sections) {
      const target = path.join(chapterDir, `${section.theme}.mdx`);
      produced.add(target);
      const entry = change(target, await readIfExists(target), section.mdx);
      changes.push(entry);
      staged.set(entry, path.join(stagedSections, request.edition, country.slug, `${section.theme}.mdx`));
    }
    const existing = existsSync(chapterDir) ? (await readdir(chapterDir)).filter((name) => name.endsWith('.mdx')).sort() : [];
    for (const name of existing) {
      const target = path.join(chapterDir, name);
      if (!produced.has(target)) changes.push(change(target, await readIfExists(target), undefined));
    }
    let countryChange: FileChange | undefined;
    if (country.create) {
      const before = await readIfExists(paths.countries);
      countryChange = change(paths.countries, before, addCountry(before?.toString('utf8') ?? '', country.slug, country.create));
      changes.push(countryChange);
      staged.set(countryChange, path.join(staging, 'countries.yaml'));
    }
    // The text is kept as received, next to the sections made from it, so fidelity can be re-checked.
    const sourceTarget = path.join(root, 'sources', request.edition, `${country.slug}.txt`);
    if (path.resolve(sourceTarget) !== path.resolve(request.file)) {
      const entry = change(sourceTarget, await readIfExists(sourceTarget), source.bytes);
      changes.push(entry);
      staged.set(entry, path.join(staging, 'source.txt'));
    }

    // Stage the whole chapter (unchanged sections too, so cross-section links are checked) and validate it.
    for (const [entry, file] of staged) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, entry.after!);
    }
    const checked = await validateContent({
      ...paths,
      countries: country.create ? path.join(staging, 'countries.yaml') : paths.countries,
      sections: stagedSections,
    });
    if (checked.problems.length) {
      throw new ImportError(
        `the imported chapter does not pass the content checks, so nothing was written:\n${formatProblems(unstage(checked.problems, stagedSections, paths.sections))}`,
      );
    }

    const diff = changes
      .map((c) => {
        if (c.kind === 'same') return '';
        if (Buffer.isBuffer(c.after) || Buffer.isBuffer(c.before)) {
          const size = (c.after as Buffer | undefined)?.length ?? 0;
          return `${c.kind === 'create' ? 'new' : 'replaced'}: ${c.path} (the source text as received, ${size} bytes)\n`;
        }
        return unifiedDiff(c.before as string | undefined, c.after as string | undefined, c.path);
      })
      .join('');
    const outcome: ImportOutcome = {
      report,
      country: { slug: country.slug, name: country.name, created: Boolean(country.create) },
      edition: request.edition,
      chapterDir: relative(chapterDir),
      changes,
      written: false,
      diff,
    };
    const pending = changes.filter((c) => c.kind !== 'same');
    if (request.dryRun || pending.length === 0) return outcome;

    // Appending a country to countries.yaml replaces nothing.
    const overwrites = pending.filter((c) => (c.kind === 'update' && c !== countryChange) || c.kind === 'delete');
    if (overwrites.length && !request.force) {
      const shown = overwrites.slice(0, 3).map((c) => c.path).join(', ');
      const more = overwrites.length > 3 ? ` and ${overwrites.length - 3} more` : '';
      throw new ImportError(
        `the import would replace or remove existing content (${shown}${more}); nothing was written. ` +
          'Pass --force to replace it, or --dry-run to see the changes first.',
      );
    }

    const backups = path.join(staging, 'backup');
    await mkdir(backups);
    try {
      await commit(
        pending.map((c) => ({ target: path.resolve(c.path), staged: staged.get(c) })),
        backups,
        request.beforeMove,
        request.rename,
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

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The short report the command prints: what was (or would be) written, joins, links, warnings. */
export function formatOutcome(outcome: ImportOutcome, file: string): string {
  const { report } = outcome;
  const sections = outcome.changes.filter((c) => c.path.endsWith('.mdx'));
  const count = (kind: ChangeKind) => sections.filter((c) => c.kind === kind).length;
  const lines: string[] = [];
  const where = `${outcome.chapterDir}${path.sep}`;
  const unchanged = outcome.changes.every((c) => c.kind === 'same');
  if (outcome.written) lines.push(`Imported ${file} into ${where}`);
  else if (unchanged) lines.push(`Nothing to write: ${where} already holds this import of ${file}.`);
  else lines.push(`Dry run, nothing written. Importing ${file} would change ${where} as shown above.`);
  const verb = outcome.written || unchanged ? '' : ' (would be)';
  lines.push(
    `  ${plural(report.sections.length, 'section')}${verb}: ${count('create')} new, ${count('update')} changed, ` +
      `${count('same')} unchanged, ${count('delete')} removed`,
  );
  if (outcome.country.created) lines.push(`  new country ${outcome.country.name} added to countries.yaml${verb}`);
  lines.push(`  ${plural(report.paragraphsJoined, 'paragraph')} joined across page breaks`);
  lines.push(
    `  ${plural(report.linksMade, 'cross-reference link')} made, ${plural(report.linksKept, 'source link')} kept, ` +
      `${plural(report.linksDropped, 'link')} dropped (listed under missingSources)`,
  );
  lines.push(`  ${plural(report.warnings.length, 'warning')}${report.warnings.length ? ':' : ''}`);
  for (const warning of report.warnings) lines.push(`    ${warning}`);
  return lines.join('\n');
}
