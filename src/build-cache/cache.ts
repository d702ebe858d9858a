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
import { copyFile, cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
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
 * Byte strings by key (made of digests of what they were made from), under `root`. An entry's file
 * is named `<key>.<size>`: one listing of the folder says what is kept and how big, so a hit costs
 * one copy, made by the kernel, and no read. Measured on the 15-edition archive's rebuild, that did
 * not make it faster than reading and writing (46 s either way for 113,000 copies): the writing is
 * what costs. Copies, not hard links: a later change to a file in the output folder must not
 * change what the next build takes from here.
 */
export class FileCache {
  readonly #root: string;
  /** The file name kept for each key. */
  #kept: Promise<Map<string, string>> | undefined;
  readonly #used = new Set<string>();
  hits = 0;
  misses = 0;

  constructor(root: string) {
    this.#root = root;
  }

  #index(): Promise<Map<string, string>> {
    this.#kept ??= readdir(this.#root, { recursive: true, withFileTypes: true })
      .catch(() => [])
      .then((entries) => new Map(entries.filter((e) => e.isFile() && ENTRY.test(e.name)).map((e) => [e.name.replace(ENTRY, ''), e.name])));
    return this.#kept;
  }

  #file(name: string): string {
    return path.join(this.#root, name.slice(0, 2), name);
  }

  /**
   * Copies the bytes kept under `key` to `destination` and returns their size; undefined, and
   * nothing written, when there are none. Either way the key counts as used by this build.
   */
  async copyTo(key: string, destination: string): Promise<number | undefined> {
    const name = (await this.#index()).get(key);
    if (name === undefined) {
      this.misses++;
      return undefined;
    }
    this.#used.add(name);
    try {
      // A clone where the file system can make one (btrfs, XFS), a copy elsewhere.
      await copyFile(this.#file(name), destination, constants.COPYFILE_FICLONE);
    } catch {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return Number(name.slice(name.lastIndexOf('.') + 1));
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const name = `${key}.${bytes.length}`;
    this.#used.add(name);
    (await this.#index()).set(key, name);
    await mkdir(path.dirname(this.#file(name)), { recursive: true });
    await writeWhole(this.#file(name), bytes);
  }

  /** Removes every entry this build did not use (and any temporary file a stopped build left). */
  async prune(): Promise<number> {
    let removed = 0;
    for (const entry of await readdir(this.#root, { recursive: true, withFileTypes: true }).catch(() => [])) {
      if (!entry.isFile() || this.#used.has(entry.name)) continue;
      await rm(path.join(entry.parentPath, entry.name), { force: true });
      removed++;
    }
    return removed;
  }
}

/** An entry's file name: its key, a dot, its size in bytes. */
const ENTRY = /\.\d+$/;

/** Folders by name, each kept with the digest of what it was made from, under `root`. */
export class FolderCache {
  readonly #root: string;
  readonly #used = new Set<string>();

  constructor(root: string) {
    this.#root = root;
  }

  #folder(name: string): string {
    return path.join(this.#root, encodeURIComponent(name));
  }

  /**
   * Copies the folder kept as `name` to `destination` if it was made from `key`, and returns the
   * note kept with it; undefined (and nothing copied) if there is none made from `key`.
   */
  async restore(name: string, key: string, destination: string): Promise<string | undefined> {
    this.#used.add(encodeURIComponent(name));
    const kept = await readFile(path.join(this.#folder(name), 'key'), 'utf8').catch(() => '');
    if (kept !== key) return undefined;
    await cp(path.join(this.#folder(name), 'folder'), destination, { recursive: true });
    return readFile(path.join(this.#folder(name), 'note'), 'utf8');
  }

  /** Keeps a copy of `source` as `name`, made from `key`, with a note, in place of any earlier one. */
  async save(name: string, key: string, source: string, note = ''): Promise<void> {
    this.#used.add(encodeURIComponent(name));
    const temporary = path.join(this.#root, `.${randomUUID()}.tmp`);
    await mkdir(temporary, { recursive: true });
    await cp(source, path.join(temporary, 'folder'), { recursive: true });
    await writeFile(path.join(temporary, 'note'), note);
    await writeFile(path.join(temporary, 'key'), key);
    await rm(this.#folder(name), { recursive: true, force: true });
    await rename(temporary, this.#folder(name));
  }

  /** Removes every folder this build did not use. */
  async prune(): Promise<void> {
    for (const entry of await readdir(this.#root, { withFileTypes: true }).catch(() => [])) {
      if (!this.#used.has(entry.name)) await rm(path.join(this.#root, entry.name), { recursive: true, force: true });
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
