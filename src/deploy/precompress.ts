/**
 * Precompressed copies of the built site's text files: `x.html.gz` and `x.html.br` beside
 * `x.html`, so nginx (`gzip_static`, `brotli_static`), Apache (deploy/apache.htaccess) or a CDN
 * sends them without compressing per request, at the highest levels no server uses on the fly.
 *
 * The text formats of COMPRESSIBLE_EXTENSIONS get both. Pagefind's index files (.pf_fragment,
 * .pf_index, .pf_meta, .pf_filter) and its wasm are gzip data already, which Pagefind inflates in
 * the browser unless the bytes arrive inflated (they then start with its "pagefind_dcd"
 * signature): each gets an `x.br` holding its inflated bytes in brotli, which a server with
 * `brotli_static` sends as `Content-Encoding: br` and the browser inflates before Pagefind sees
 * them. That is the first search's largest saving: the wasm 59.8 → 50.8 KB, index chunks about
 * 13% (measured on the Kazakhstan build). PDFs, EPUBs and ZIPs are compressed formats. A copy that
 * would not be smaller than its file is not written. The bytes depend only on the file's (gzip's
 * header holds no time).
 */
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gunzip, gzip } from 'node:zlib';
import { digest, type FileCache } from '../build-cache/cache.ts';
import { COMPRESSIBLE_EXTENSIONS, PAGEFIND_HASHED_EXTENSIONS } from './headers.ts';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
const gunzipAsync = promisify(gunzip);

export interface PrecompressSummary {
  files: number;
  bytes: number;
  gzipBytes: number;
  brotliBytes: number;
  /** Copies not written because they were no smaller than their file. */
  skipped: number;
  /** Pagefind's gzip data files, their bytes, and their brotli copies' bytes. */
  pagefind: { files: number; bytes: number; brotliBytes: number };
  /** Copies taken from the build cache rather than compressed again (the same bytes as last build). */
  reused: number;
}

/** zlib's and brotli's versions: the same bytes at the same settings compress the same with them. */
const COMPRESSORS = `zlib ${process.versions.zlib} brotli ${process.versions.brotli}`;

/**
 * Writes `destination`, the copy of a file of `length` bytes that `make()` compresses, or takes it
 * from the cache, which keeps copies by the file's bytes (`source`, their digest) and how they were
 * made (`how`). A copy no smaller than the file would only cost bytes: then there is none, and the
 * server sends the file itself. Returns the copy's size, or undefined where there is none.
 */
async function writeCopy(
  destination: string,
  length: number,
  { cache, source, how }: { cache: FileCache | undefined; source: string; how: string },
  make: () => Promise<Buffer>,
): Promise<number | undefined> {
  const key = `${source}-${how}`;
  const kept = await cache?.copyTo(key, destination);
  if (kept !== undefined) return kept;
  const copy = await make();
  if (copy.length >= length) {
    await rm(destination, { force: true });
    return undefined;
  }
  await writeFile(destination, copy);
  await cache?.put(key, copy);
  return copy.length;
}

const compressible = new RegExp(`\\.(?:${COMPRESSIBLE_EXTENSIONS.join('|')})$`);

/** Whether a file of the site gets precompressed copies. */
export function isCompressible(name: string): boolean {
  return compressible.test(name);
}

const pagefindData = new RegExp(`\\.(?:${[...PAGEFIND_HASHED_EXTENSIONS, 'pagefind'].join('|')})$`);

/** Whether a file is one of Pagefind's gzip data files (index, fragments, filters, metadata, wasm). */
export function isPagefindData(name: string): boolean {
  return pagefindData.test(name);
}

/** Whether a file is a precompressed copy of another (x.html.gz, x.css.br, x.pf_index.br). */
export function isPrecompressedCopy(name: string): boolean {
  const original = name.replace(/\.(?:gz|br)$/, '');
  return original !== name && (isCompressible(original) || (name.endsWith('.br') && isPagefindData(original)));
}

/**
 * Brotli's quality per file. 11, the highest, for stylesheets, scripts and SVG: few files, on every
 * page, cached for a year. 6 for pages and data (HTML, JSON, XML): they are most of the site, and
 * 11 compresses about 0.5 MB a second on one core (a 54-country site's 34 MB would add half a
 * minute to a 45-second build) for about 13% fewer bytes than 6, which runs some 25 times faster.
 * gzip runs at level 9 everywhere: it is fast at any level.
 */
export function brotliQuality(name: string): number {
  return /\.(?:css|js|svg)$/.test(name) ? constants.BROTLI_MAX_QUALITY : 6;
}

async function compressOne(file: string, summary: PrecompressSummary, cache?: FileCache): Promise<void> {
  const body = await readFile(file);
  const quality = brotliQuality(file);
  const source = cache ? digest([COMPRESSORS, body]) : '';
  const [gz, br] = await Promise.all([
    writeCopy(`${file}.gz`, body.length, { cache, source, how: 'gzip9' }, () => gzipAsync(body, { level: 9 })),
    writeCopy(`${file}.br`, body.length, { cache, source, how: `brotli${quality}text` }, () =>
      brotliAsync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    ),
  ]);
  summary.files++;
  summary.bytes += body.length;
  summary.skipped += Number(gz === undefined) + Number(br === undefined);
  summary.gzipBytes += gz ?? body.length;
  summary.brotliBytes += br ?? body.length;
}

/**
 * The brotli copy of one of Pagefind's gzip files: its inflated bytes (signature and all). Quality
 * 11 for the wasm, index chunks, filters and metadata, which every first search fetches; 6 for the
 * fragments, one small file per section (tens of thousands in an archive). On a file of 1–2 KB,
 * quality 9 is as slow as 11 and no smaller than 6: the 20,034 fragments of a 15-edition archive
 * took 49.6 s at 9, 4.6 s at 6 and 46.5 s at 11, for 15.77, 15.77 and 12.78 MB.
 */
async function compressPagefind(file: string, summary: PrecompressSummary, cache?: FileCache): Promise<void> {
  const body = await readFile(file);
  const quality = file.endsWith('.pf_fragment') ? 6 : constants.BROTLI_MAX_QUALITY;
  const source = cache ? digest([COMPRESSORS, body]) : '';
  const br = await writeCopy(`${file}.br`, body.length, { cache, source, how: `inflated-brotli${quality}` }, async () => {
    const inflated = await gunzipAsync(body);
    return brotliAsync(inflated, {
      params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: inflated.length },
    });
  });
  summary.pagefind.files++;
  summary.pagefind.bytes += body.length;
  summary.pagefind.brotliBytes += br ?? body.length;
}

/**
 * Writes the .gz and .br copies of every compressible file under `dir`, and the .br copy of each
 * of Pagefind's gzip files; `concurrency` files at a time. With a `cache`, a copy of bytes
 * compressed by an earlier build is taken from it (src/build-cache/).
 */
export async function precompress(
  dir: string,
  { concurrency = 8, cache }: { concurrency?: number; cache?: FileCache } = {},
): Promise<PrecompressSummary> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && (isCompressible(entry.name) || isPagefindData(entry.name)))
    .map((entry) => path.join(entry.parentPath, entry.name));
  const summary: PrecompressSummary = {
    files: 0,
    bytes: 0,
    gzipBytes: 0,
    brotliBytes: 0,
    skipped: 0,
    pagefind: { files: 0, bytes: 0, brotliBytes: 0 },
    reused: 0,
  };
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++]!;
      if (isPagefindData(file)) await compressPagefind(file, summary, cache);
      else await compressOne(file, summary, cache);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  summary.reused = cache?.hits ?? 0;
  return summary;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The one line the build prints. */
export function describeSummary(summary: PrecompressSummary, seconds: number): string {
  return (
    `Precompressed ${summary.files} files (${COMPRESSIBLE_EXTENSIONS.join(', ')}): ${kb(summary.bytes)} → ` +
    `${kb(summary.gzipBytes)} gzip, ${kb(summary.brotliBytes)} brotli, in ${seconds.toFixed(1)} s` +
    (summary.skipped ? ` (${summary.skipped} copies not smaller than their file, not written)` : '') +
    (summary.pagefind.files
      ? `; Pagefind's ${summary.pagefind.files} gzip files ${kb(summary.pagefind.bytes)} → ${kb(summary.pagefind.brotliBytes)} brotli`
      : '') +
    (summary.reused ? `; ${summary.reused} copies were the last build's, of the same bytes` : '') +
    '.'
  );
}
