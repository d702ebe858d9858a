/**
 * What one build keeps for the next, in Astro's cache folder (CACHE_DIR, default
 * node_modules/.astro; astro.config.mjs): work derived from bytes that did not change is copied
 * instead of done again. Astro empties the output folder before every build, so this is the only
 * place a previous build's work survives. Two kinds of entry:
 *
 * - files by content (`FileCache`): a page's .gz and .br copies, keyed by the page's bytes and how
 *   they were compressed. A rebuild after one section changes compresses only the pages that did;
 * - folders by name (`FolderCache`): an edition's search index, kept with the digest of everything
 *   it was made from. Older editions are frozen, so their indexes are reused as long as their pages,
 *   the indexing code and the locked dependencies are the same.
 *
 * Entries a build does not use are removed at its end, so the cache holds one build's worth. Every
 * entry is written under a temporary name and renamed into place: a build stopped halfway leaves
 * entries that are whole or absent, never half-written.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { copyFile, cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder of this project's entries inside Astro's cache folder. */
export function buildCacheRoot(astroCacheDir: URL | string): string {
  return path.join(typeof astroCacheDir === 'string' ? astroCacheDir : fileURLToPath(astroCacheDir), 'report-build');
}

/** A hex SHA-256 of the parts, each length-prefixed so that no two lists of parts collide. */
export function digest(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** Writes `bytes` to `file` under a temporary name first, so `file` is whole or absent. */
async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/**
 * What both caches share: a cache that cannot be written (a full disk, a read-only CACHE_DIR) must
 * not stop the build, which makes what it cannot reuse; the first failure is kept for the build to
 * report.
 */
class Cache {
  protected readonly root: string;
  /** The first failure to write or tidy the cache, if any. */
  trouble: string | undefined;

  constructor(root: string) {
    this.root = root;
  }

  protected failed(what: string, error: unknown): void {
    this.trouble ??= `${what}: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/**
 * Byte strings by key (made of digests of what they were made from), under `root`. An entry's file
 * is named `<key>.<size>`: one listing of the folder says what is kept and how big, so a hit costs
 * one copy, made by the kernel, and no read. Measured on the 15-edition archive's rebuild, that did
 * not make it faster than reading and writing (46 s either way for 113,000 copies): the writing is
 * what costs. Copies, not hard links: a later change to a file in the output folder must not
 * change what the next build takes from here. A copy whose size is not the one its name gives (an
 * entry cut short by a crash of the machine, which a rename does not guard against) is dropped and
 * made again.
 */
export class FileCache extends Cache {
  /** The file name kept for each key. */
  #kept: Promise<Map<string, string>> | undefined;
  readonly #used = new Set<string>();
  /** Copies taken from the cache by this build. */
  hits = 0;

  #index(): Promise<Map<string, string>> {
    this.#kept ??= readdir(this.root, { recursive: true, withFileTypes: true })
      .catch(() => [])
      .then((entries) => new Map(entries.filter((e) => e.isFile() && ENTRY.test(e.name)).map((e) => [e.name.replace(ENTRY, ''), e.name])));
    return this.#kept;
  }

  #file(name: string): string {
    return path.join(this.root, name.slice(0, 2), name);
  }

  /**
   * Copies the bytes kept under `key` to `destination` and returns their size; undefined, and
   * nothing written, when there are none whole. An entry copied counts as used by this build.
   */
  async copyTo(key: string, destination: string): Promise<number | undefined> {
    const index = await this.#index();
    const name = index.get(key);
    if (name === undefined) return undefined;
    const size = Number(name.slice(name.lastIndexOf('.') + 1));
    try {
      // A clone where the file system can make one (btrfs, XFS), a copy elsewhere.
      await copyFile(this.#file(name), destination, constants.COPYFILE_FICLONE);
      if ((await stat(destination)).size === size) {
        this.#used.add(name);
        this.hits++;
        return size;
      }
      // Cut short: left unused, so this build's prune removes it.
      index.delete(key);
    } catch {
      // Gone since the listing, or unreadable: made again by the caller.
    }
    await rm(destination, { force: true });
    return undefined;
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const name = `${key}.${bytes.length}`;
    try {
      await mkdir(path.dirname(this.#file(name)), { recursive: true });
      await writeWhole(this.#file(name), bytes);
      this.#used.add(name);
      (await this.#index()).set(key, name);
    } catch (error) {
      this.failed('keeping a compressed copy', error);
    }
  }

  /** Removes every entry this build did not use (and any temporary file a stopped build left). */
  async prune(): Promise<number> {
    let removed = 0;
    for (const entry of await readdir(this.root, { recursive: true, withFileTypes: true }).catch(() => [])) {
      if (!entry.isFile() || this.#used.has(entry.name)) continue;
      await rm(path.join(entry.parentPath, entry.name), { force: true }).then(
        () => removed++,
        (error: unknown) => this.failed('removing an unused entry', error),
      );
    }
    return removed;
  }
}

/** An entry's file name: its key, a dot, its size in bytes. */
const ENTRY = /\.\d+$/;

/** Every file under `folder`, by path relative to it, with its size. */
async function sizes(folder: string): Promise<Record<string, number>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const found: Record<string, number> = {};
  for (const file of files) found[path.relative(folder, file)] = (await stat(file)).size;
  return found;
}

/**
 * Folders by name, each kept with the digest of what it was made from (`key`, written last) and
 * the size of every file in it, under `root`. A kept folder whose files are not all there at their
 * sizes is dropped and made again.
 */
export class FolderCache extends Cache {
  readonly #used = new Set<string>();

  #folder(name: string): string {
    return path.join(this.root, encodeURIComponent(name));
  }

  /**
   * Copies the folder kept as `name` to `destination` if it was made from `key`, and returns the
   * note kept with it; undefined (and nothing copied) if there is none made from `key`.
   */
  async restore(name: string, key: string, destination: string): Promise<string | undefined> {
    this.#used.add(encodeURIComponent(name));
    const entry = this.#folder(name);
    const kept = await readFile(path.join(entry, 'key'), 'utf8').catch(() => '');
    if (kept !== key) return undefined;
    try {
      const listed = JSON.parse(await readFile(path.join(entry, 'sizes.json'), 'utf8')) as Record<string, number>;
      const found = await sizes(path.join(entry, 'folder'));
      if (JSON.stringify(found) !== JSON.stringify(listed)) throw new Error('files missing or cut short');
      const note = await readFile(path.join(entry, 'note'), 'utf8');
      await cp(path.join(entry, 'folder'), destination, { recursive: true });
      return note;
    } catch {
      // Made again by the caller, into an empty destination.
      await rm(destination, { recursive: true, force: true });
      await rm(entry, { recursive: true, force: true }).catch(() => {});
      return undefined;
    }
  }

  /** Keeps a copy of `source` as `name`, made from `key`, with a note, in place of any earlier one. */
  async save(name: string, key: string, source: string, note = ''): Promise<void> {
    this.#used.add(encodeURIComponent(name));
    const temporary = path.join(this.root, `.${randomUUID()}.tmp`);
    try {
      await mkdir(temporary, { recursive: true });
      await cp(source, path.join(temporary, 'folder'), { recursive: true });
      await writeFile(path.join(temporary, 'sizes.json'), JSON.stringify(await sizes(path.join(temporary, 'folder'))));
      await writeFile(path.join(temporary, 'note'), note);
      await writeFile(path.join(temporary, 'key'), key);
      await rm(this.#folder(name), { recursive: true, force: true });
      await rename(temporary, this.#folder(name));
    } catch (error) {
      this.failed('keeping a search index', error);
      await rm(temporary, { recursive: true, force: true }).catch(() => {});
    }
  }

  /** Removes every folder this build did not use. */
  async prune(): Promise<void> {
    for (const entry of await readdir(this.root, { withFileTypes: true }).catch(() => [])) {
      if (this.#used.has(entry.name)) continue;
      await rm(path.join(this.root, entry.name), { recursive: true, force: true }).catch((error: unknown) =>
        this.failed('removing an unused index', error),
      );
    }
  }
}

/**
 * The digest of code and dependencies an output depends on: the lockfile (every dependency's
 * version, Pagefind's included) and the source files under `folders` of the project at `root`.
 */
export async function codeDigest(root: string, folders: readonly string[]): Promise<string> {
  const parts: (string | Uint8Array)[] = [await readFile(path.join(root, 'package-lock.json'))];
  for (const folder of folders) {
    const entries = await readdir(path.join(root, folder), { recursive: true, withFileTypes: true });
    const files = entries
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    for (const file of files) parts.push(path.relative(root, file), await readFile(file));
  }
  return digest(parts);
}
