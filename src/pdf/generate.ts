/**
 * Renders the chapters of a built site to PDF in Chromium, through the site's print stylesheet:
 * the PDF is what a reader gets from Ctrl+P, made tagged (accessible structure), with one bookmark
 * per heading, page numbers, a running header, working links and the edition's publisher as
 * Author.
 *
 * The site is served from its folder on 127.0.0.1 (so that its absolute paths resolve) and the
 * browser may fetch nothing else: a request to another origin is refused and fails the chapter.
 * Each PDF is written to a temporary file and renamed into place, so a chapter that fails leaves
 * every PDF made before it whole. Next to each PDF goes `<file>.pdf.json`, the digest of the
 * chapter's content it was printed from, so that a PDF of superseded text is never linked.
 *
 * This module is the job; what it needs before printing is src/pdf/setup.ts, and printing one
 * chapter is src/pdf/print-chapter.ts.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CHROMIUM_PATH } from '../quality/chromium.ts';
import type { ChapterPage } from './chapters.ts';
import { setInfo } from './info.ts';
import { digestOfBuiltPage, pdfSidecar } from './link.ts';
import {
  CHAPTER_TIMEOUT_MS,
  ChapterTimeoutError,
  openPrintSession,
  type PrintSession,
  printChapter,
  withTimeout,
} from './print-chapter.ts';
import { chaptersToPrint, checkChromium, PdfSetupError, publishers, serveOnFreePort } from './setup.ts';

export { PdfSetupError, PORTS } from './setup.ts';

export interface GenerateOptions {
  /** The built site (OUT_DIR, default dist). */
  site: string;
  /** Folders each PDF is written to, e.g. public/pdf and dist/pdf. */
  outDirs: readonly string[];
  /** `--only` filters: `2026-kazakhstan`, or an edition `2026`. Empty: every chapter. */
  only?: readonly string[];
  /** The Chromium to print with; default CHROMIUM_PATH (src/quality/chromium.ts). */
  chromiumPath?: string;
  /** Where editions.yaml is read from, for the publisher (CONTENT_DIR, default content). */
  contentDir: string;
  /** BASE_PATH, when set: it must be the one the site was built with. */
  base?: string | undefined;
  onChapter?: (result: ChapterResult, index: number, total: number) => void;
}

export type ChapterResult =
  | { chapter: ChapterPage; ok: true; bytes: number; seconds: number; files: string[] }
  | { chapter: ChapterPage; ok: false; error: Error; seconds: number };

export interface GenerateReport {
  results: ChapterResult[];
  seconds: number;
  /** The page URL the site was served at, e.g. http://127.0.0.1:4600/. */
  served: string;
}

/** Writes `bytes` to `file` by way of a temporary file in the same folder, renamed into place. */
async function writeWhole(file: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Prints the chosen chapters of a built site, one after another (the machines are small), and
 * reports each. Setup problems throw PdfSetupError; a chapter that fails is reported, and the
 * next one is printed.
 */
export async function generatePdfs(options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const chromiumPath = options.chromiumPath ?? CHROMIUM_PATH;
  const { chapters, base } = await chaptersToPrint(options.site, options.only ?? [], options.base);
  const authors = await publishers(options.contentDir, new Set(chapters.map((c) => c.edition)));
  checkChromium(chromiumPath);
  const server = await serveOnFreePort(options.site, base);
  const origin = new URL(server.url).origin;
  let session: PrintSession | undefined;
  const results: ChapterResult[] = [];
  try {
    for (const [index, chapter] of chapters.entries()) {
      const chapterStarted = performance.now();
      let result: ChapterResult;
      try {
        if (!session?.browser.isConnected()) session = await openPrintSession(chromiumPath);
        // The digest of the text the chapter is printed from, taken before printing: an edit made
        // meanwhile makes the PDF stale rather than passing as current.
        const built = await readFile(path.join(options.site, chapter.path.slice(base.length), 'index.html'), 'utf8').catch(() => '');
        const builtDigest = digestOfBuiltPage(built);
        // The text printed is the built page's: record the digest it was built from, so that an
        // edit made after the build marks this PDF stale. (A page without one: the content's now.)
        const sidecar = builtDigest
          ? { edition: chapter.edition, country: chapter.country, digest: builtDigest }
          : pdfSidecar(options.contentDir, chapter.edition, chapter.country);
        const url = new URL(chapter.path, origin).href;
        const pdf = await withTimeout(
          printChapter(session.context, origin, url),
          CHAPTER_TIMEOUT_MS,
          'loading and printing the page in Chromium',
        );
        const finished = setInfo(pdf, { Author: authors.get(chapter.edition)! });
        const files = options.outDirs.map((dir) => path.join(dir, chapter.file));
        for (const file of files) {
          await writeWhole(file, finished);
          // The sidecar says which text the PDF was printed from (src/pdf/link.ts reads it).
          await writeWhole(`${file}.json`, new TextEncoder().encode(`${JSON.stringify(sidecar, null, 2)}\n`));
        }
        result = { chapter, ok: true, bytes: finished.length, seconds: (performance.now() - chapterStarted) / 1000, files };
      } catch (caught) {
        if (caught instanceof PdfSetupError) throw caught;
        let error = caught as Error;
        if (caught instanceof ChapterTimeoutError && session) {
          // A hung browser would hang the next chapter too: start a new one for it.
          const hung = session;
          session = undefined;
          await withTimeout(hung.browser.close(), 10_000, 'closing Chromium').catch(() => undefined);
          error = new Error(
            `${caught.message}: Chromium may be hung, or the page never finishes loading. The next chapter gets a new Chromium; PDF_CHAPTER_TIMEOUT sets the limit in seconds.`,
            { cause: caught },
          );
        }
        result = { chapter, ok: false, error, seconds: (performance.now() - chapterStarted) / 1000 };
      }
      results.push(result);
      options.onChapter?.(result, index, chapters.length);
    }
  } finally {
    await session?.browser.close().catch(() => undefined);
    await server.close();
  }
  return { results, seconds: (performance.now() - started) / 1000, served: server.url };
}
