import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { close, createIndex } from 'pagefind';
import { buildCacheRoot, codeDigest, digest, FolderCache } from '../build-cache/cache.ts';
import { PAGEFIND_EDITIONS_FOLDER, PAGEFIND_FOLDER } from '../lib/constants.ts';
import { escapeHtml } from '../lib/html.ts';
import { readTransliterations } from '../validation/transliterations.ts';
import { missingSpellings, type Spellings } from './transliterations.ts';

/** Pagefind reports problems as a list of strings; any of them fails the build. */
function assertNoErrors(step: string, errors: readonly string[]): void {
  if (errors.length > 0) {
    throw new Error(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
  }
}

/** One record for the index: the HTML Pagefind reads and the URL a result links to. */
export interface IndexDocument {
  url: string;
  html: string;
}

/** The site URL of a built file: `2026/kazakhstan/index.html` → `/2026/kazakhstan/`. */
export function urlOfFile(relativePath: string): string {
  const posix = relativePath.split(path.sep).join('/');
  return `/${posix.replace(/(^|\/)index\.html$/, '$1')}`;
}

function offsets(node: Element): [number, number] {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) throw new Error('The HTML parser gave an element no position.');
  return [start, end];
}

/**
 * Turns one built page into the records Pagefind indexes.
 *
 * A page without `data-pagefind-body` holds no report text and gives none. A chapter page gives
 * one record per `<section data-theme>`: the page with every other section cut out, at the URL
 * `/<edition>/<country>/#<theme>`. Searching by section rather than by page is what lets a result
 * name its theme, a theme filter count sections rather than chapters, and the first query fetch
 * one small fragment per result instead of a whole chapter. Everything outside the sections (the
 * chapter's filters and metadata on <article>, its <h1>) stays in each record, so the markup on
 * the chapter page remains the one place that says what is indexed.
 *
 * Names the section spells one way get the group's other spellings as searchable metadata, which
 * is indexed but never displayed.
 */
export function indexDocuments(html: string, url: string, spellings: readonly Spellings[]): IndexDocument[] {
  if (!html.includes('data-pagefind-body')) return [];
  const tree = fromHtml(html);
  const body = select('[data-pagefind-body]', tree);
  if (!body) return [];
  const sections = selectAll('section[data-theme]', body);
  if (sections.length === 0) return [{ url, html }];
  return sections.map((section) => {
    const theme = String(section.properties['dataTheme']);
    const [start, end] = offsets(section);
    const closing = '</section>';
    if (html.slice(end - closing.length, end).toLowerCase() !== closing) {
      throw new Error(`The section "${theme}" on ${url} has no closing tag where the parser says it ends.`);
    }
    const variants = missingSpellings(toText(section), spellings);
    const hidden = variants.length > 0 ? `<span data-pagefind-meta="spellings:${escapeHtml(variants.join(' '))}"></span>` : '';
    // Rebuild the page from slices: the text before this section without the sections before it,
    // this section with the spellings just inside its end, and the rest without later sections.
    let out = '';
    let cursor = 0;
    for (const other of sections) {
      const [otherStart, otherEnd] = offsets(other);
      out += html.slice(cursor, otherStart);
      if (other === section) out += withoutBodyIds(html.slice(start, end - closing.length)) + hidden + closing;
      cursor = otherEnd;
    }
    out += html.slice(cursor);
    return { url: `${url}#${encodeURIComponent(theme)}`, html: out };
  });
}

/**
 * The section's HTML without the ids of elements other than headings. Pagefind copies the text of
 * every element with an id into the result's fragment (its `anchors`), so paragraph permalinks
 * would double the bytes a result costs; search links to sections, through their headings.
 */
export function withoutBodyIds(sectionHtml: string): string {
  return sectionHtml.replace(/<(?!h[1-6]\b)([a-z][a-z0-9-]*)\b([^>]*?)\s+id="[^"]*"/gi, '<$1$2');
}

/** Every .html file under `dir`, relative to it, except Pagefind's own bundle. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .filter((file) => !file.startsWith(`${PAGEFIND_FOLDER}${path.sep}`))
    .sort();
}

/** An edition's folder is its publication year (src/schemas/edition.ts): `2026/kazakhstan/…`. */
const EDITION_FOLDER = /^(\d{4})$/;

/**
 * The built pages grouped by the index they go into: each edition's pages under its year, the
 * newest first, and any other page with report text in the newest edition's index.
 */
export function pagesByIndex(files: readonly string[]): { edition: string; files: string[] }[] {
  const groups = new Map<string, string[]>();
  const other: string[] = [];
  for (const file of files) {
    const [first = '', ...rest] = file.split(path.sep);
    if (rest.length > 0 && EDITION_FOLDER.test(first)) groups.set(first, [...(groups.get(first) ?? []), file]);
    else other.push(file);
  }
  const editions = [...groups.keys()].sort((a, b) => Number(b) - Number(a));
  if (editions.length === 0) return [{ edition: '', files: other }];
  return editions.map((edition, i) => ({
    edition,
    files: i === 0 ? [...other, ...(groups.get(edition) ?? [])] : (groups.get(edition) ?? []),
  }));
}

/** Pagefind writes its runtime beside every index; an older edition's index is only merged, never run. */
const RUNTIME_FILE = /^(?:pagefind[^/]*\.(?:js|css)|wasm\..*\.pagefind)$/;

/**
 * Builds the search index after every build, through Pagefind's Node API, so an indexing error
 * stops the build instead of shipping a site whose search is silently broken.
 *
 * One index per edition: the newest at <outDir>/pagefind/ with Pagefind's runtime, each older
 * one at pagefind/editions/<edition>/. The default search (the newest edition) then loads one
 * edition's metadata, filters and word chunks however long the archive grows, and an older
 * edition costs nothing until a reader searches it (issue 13 measured the single index at
 * 214 KB for a first query over five editions, against 128 KB per edition). Indexing one edition
 * at a time also keeps one edition's index, not the archive's, in Pagefind's memory.
 *
 * Pages are read and split into sections here (see indexDocuments) and handed to Pagefind one
 * record at a time. Record URLs have no base path: the browser adds it (Pagefind's `baseUrl`), so
 * one index works wherever the site is served.
 */
export function pagefindIndex(): AstroIntegration {
  let [root, cacheRoot] = ['', ''];
  return {
    name: 'report:pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        cacheRoot = buildCacheRoot(config.cacheDir);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const folders = new FolderCache(path.join(cacheRoot, 'pagefind'));
        // Without the digest of the code (no lockfile, say), nothing can be reused safely.
        const code = await codeDigest(root, INDEXING_CODE).catch((error: unknown) => {
          logger.warn(`Every edition is indexed anew: ${error instanceof Error ? error.message : String(error)}`);
          return undefined;
        });
        const summary = await indexSite(fileURLToPath(dir), code === undefined ? {} : { cache: { folders, code } });
        logger.info(describeIndexing(summary));
        if (folders.trouble) logger.warn(`The build cache (${cacheRoot}) could not keep this build's indexes: ${folders.trouble}.`);
      },
    },
  };
}

/** The folders of code an index depends on besides Pagefind (whose version the lockfile holds). */
const INDEXING_CODE = ['src/search', 'src/lib'];

export interface IndexingSummary {
  pages: number;
  records: number;
  editions: number;
  /** Editions whose index was the last build's, made from the same pages. */
  reused: number;
}

/**
 * Writes the search indexes of the built site at `outDir`, one per edition (see pagefindIndex).
 * With a `cache`, an edition whose pages, spellings and indexing code (`code`, a digest) are the
 * same as at the last build gets that build's index back instead of being indexed again: older
 * editions are frozen, so a rebuild after a change to the newest indexes the newest alone.
 */
export async function indexSite(
  outDir: string,
  { cache }: { cache?: { folders: FolderCache; code: string } } = {},
): Promise<IndexingSummary> {
  // The same content folder the collections read (see src/content.config.ts).
  const spellings = await readTransliterations();
  const groups = pagesByIndex(await htmlFiles(outDir));
  const bundle = path.join(outDir, PAGEFIND_FOLDER);
  const summary: IndexingSummary = { pages: 0, records: 0, editions: groups.length, reused: 0 };
  try {
    for (const [i, { edition, files }] of groups.entries()) {
      const output = i === 0 ? bundle : path.join(bundle, PAGEFIND_EDITIONS_FOLDER, edition);
      const name = i === 0 ? 'newest' : edition;
      const key = cache ? await indexKey(outDir, files, [cache.code, name, JSON.stringify(spellings)]) : '';
      const kept = cache ? await cache.folders.restore(name, key, output) : undefined;
      let counted: { pages: number; records: number };
      if (kept) {
        counted = JSON.parse(kept) as typeof counted;
        summary.reused++;
      } else {
        counted = await writeIndex(outDir, files, spellings, output);
        // An edition without records has no index to trim or keep.
        if (counted.records > 0) {
          if (i > 0) await removeRuntime(output);
          await cache?.folders.save(name, key, output, JSON.stringify(counted));
        }
      }
      summary.pages += counted.pages;
      summary.records += counted.records;
    }
    await cache?.folders.prune();
  } finally {
    // Pagefind runs as a child process; close it even when indexing failed.
    await close();
  }
  if (summary.records === 0) throw new Error(`Pagefind found no pages to index in ${outDir}.`);
  return summary;
}

/** The digest of an index's input: the pages' paths and bytes, and `context` (code, name, spellings). */
async function indexKey(outDir: string, files: readonly string[], context: readonly string[]): Promise<string> {
  const parts: (string | Uint8Array)[] = [...context];
  for (const file of files) parts.push(file, await readFile(path.join(outDir, file)));
  return digest(parts);
}

/** The one line the build prints. */
export function describeIndexing({ pages, records, editions, reused }: IndexingSummary): string {
  const indexes = editions > 1 ? ` in ${editions} edition indexes` : '';
  const kept = reused > 0 ? ` (${reused} of them the last build's, their pages unchanged)` : '';
  return `Indexed ${records} section${records === 1 ? '' : 's'} of ${pages} page${pages === 1 ? '' : 's'} for search${indexes}${kept}.`;
}

/** Indexes `files` (relative to outDir) into one Pagefind index written to `outputPath`. */
async function writeIndex(
  outDir: string,
  files: readonly string[],
  spellings: readonly Spellings[],
  outputPath: string,
): Promise<{ pages: number; records: number }> {
  const { index, errors } = await createIndex({});
  assertNoErrors('start', errors);
  if (!index) throw new Error('Pagefind returned no index.');
  let [pages, records] = [0, 0];
  for (const file of files) {
    const html = await readFile(path.join(outDir, file), 'utf8');
    const documents = indexDocuments(html, urlOfFile(file), spellings);
    if (documents.length > 0) pages++;
    for (const document of documents) {
      const added = await index.addHTMLFile({ url: document.url, content: document.html });
      assertNoErrors(`index ${document.url}`, added.errors);
      records++;
    }
  }
  if (records > 0) {
    const written = await index.writeFiles({ outputPath });
    assertNoErrors(`write the index to ${outputPath}`, written.errors);
  }
  // Frees the index in Pagefind's process before the next edition's.
  await index.deleteIndex();
  return { pages, records };
}

async function removeRuntime(folder: string): Promise<void> {
  for (const name of await readdir(folder)) {
    if (RUNTIME_FILE.test(name)) await rm(path.join(folder, name));
  }
}
