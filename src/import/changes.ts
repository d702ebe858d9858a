/**
 * What an import would do to each file, worked out before anything is written: the chapter's
 * section files (new, changed, unchanged, or removed because the new text has no such theme), the
 * country's entry in countries.yaml when it is new, and the source text kept next to the content.
 * Each file to write gets its place in the staging folder, where the whole chapter is checked
 * before any of it is moved into place (commit.ts).
 */
import { existsSync, realpathSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ContentPaths, chapterDir as chapterFolder, sourceFile } from '../validation/paths.ts';
import type { ImportReport } from './chapter.ts';
import { addCountry, type CountryChoice } from './country.ts';
import { ImportError } from './errors.ts';

export type ChangeKind = 'create' | 'update' | 'delete' | 'same';

export interface FileChange {
  /** Where the file lives, relative to the working directory. */
  path: string;
  kind: ChangeKind;
  before?: string | Buffer | undefined;
  after?: string | Buffer | undefined;
}

/** A path as the editor would type it: relative to the working directory when inside it. */
export function relative(file: string): string {
  const inside = path.relative(process.cwd(), file);
  return inside === '' ? file : inside.startsWith('..') ? path.resolve(file) : inside;
}

/** Where each file is staged, inside the staging folder. */
export function stagedPaths(staging: string) {
  return {
    sections: path.join(staging, 'sections'),
    countries: path.join(staging, 'countries.yaml'),
    editions: path.join(staging, 'editions.yaml'),
    source: path.join(staging, 'source.txt'),
    backups: path.join(staging, 'backup'),
  };
}

export async function readIfExists(file: string): Promise<Buffer | undefined> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function change(target: string, before: Buffer | undefined, after: string | Buffer | undefined): FileChange {
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

export interface ImportPlan {
  /** The chapter's folder of section files. */
  chapterDir: string;
  /** Every file the import touches, sections first, in the order the report and the diff list them. */
  changes: FileChange[];
  /** Where each file to write is staged (a removed file has none). */
  staged: Map<FileChange, string>;
  /** The change to countries.yaml when the country is new: an append, which replaces nothing. */
  countryChange?: FileChange | undefined;
}

/** Compares what the import would write with what is on disk, file by file; writes nothing. */
export async function planImport(options: {
  report: ImportReport;
  paths: ContentPaths;
  edition: string;
  country: CountryChoice;
  /** The source file as given, and its bytes. */
  source: { file: string; bytes: Buffer };
  staging: string;
}): Promise<ImportPlan> {
  const { report, paths, edition, country, source } = options;
  const staging = stagedPaths(options.staging);
  const chapterDir = chapterFolder(paths, edition, country.slug);
  refuseOutside(paths.root, [chapterDir, paths.countries, sourceFile(paths, edition, country.slug)]);
  const changes: FileChange[] = [];
  const staged = new Map<FileChange, string>();
  const produced = new Set<string>();
  for (const section of report.sections) {
    const target = path.join(chapterDir, `${section.theme}.mdx`);
    produced.add(target);
    const entry = change(target, await readIfExists(target), section.mdx);
    changes.push(entry);
    staged.set(entry, path.join(staging.sections, edition, country.slug, `${section.theme}.mdx`));
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
    staged.set(countryChange, staging.countries);
  }
  // The text is kept as received, next to the sections made from it, so fidelity can be re-checked.
  const sourceTarget = sourceFile(paths, edition, country.slug);
  if (path.resolve(sourceTarget) !== path.resolve(source.file)) {
    const entry = change(sourceTarget, await readIfExists(sourceTarget), source.bytes);
    changes.push(entry);
    staged.set(entry, staging.source);
  }
  return { chapterDir, changes, staged, countryChange };
}

/** The deepest existing folder on a path, resolved through any symbolic link. */
function realFolder(target: string): string {
  let at = path.resolve(target);
  while (!existsSync(at) && path.dirname(at) !== at) at = path.dirname(at);
  return realpathSync(at);
}

/**
 * Refuses to write where a symbolic link would take the import outside the content folder: with
 * `sections/<edition>/<country>` a link to a folder elsewhere, --force would rewrite and delete
 * files that are not the report's.
 */
function refuseOutside(root: string, targets: readonly string[]): void {
  const inside = realpathSync(root);
  for (const target of targets) {
    const real = realFolder(target);
    if (real !== inside && !real.startsWith(`${inside}${path.sep}`)) {
      throw new ImportError(
        `${relative(target)} leads outside the content folder (to ${real}), through a symbolic link; the import writes only inside ${relative(root)}. Replace the link with a folder.`,
      );
    }
  }
}
