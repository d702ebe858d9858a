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
 */
import { ReportError } from '../lib/problems.ts';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { CHROMIUM_ARGS } from '../quality/chromium.ts';
import { normaliseBase } from '../quality/site.ts';
import { serveStatic, type StaticServer } from '../quality/static-server.ts';
import { digestOfBuiltPage, pdfSidecar } from './link.ts';
import { chaptersOf, selectChapters, sitemapBase, sitemapPaths, type ChapterPage } from './chapters.ts';
import { setInfo } from './info.ts';
import { FALLBACK_MARGIN, headerFooter, publicHref } from './print-options.ts';


/** Ports the PDF job may serve the site on; the first free one is used. */
export const PORTS: readonly [number, number] = [4600, 4699];

/** Longest a chapter may take to load and print before it is reported as failed. */
const CHAPTER_TIMEOUT_MS = 180_000;

/** A problem that stops the whole job before any chapter is rendered (the fix is the message). */
export class PdfSetupError extends ReportError {}

export interface GenerateOptions {
  /** The built site (OUT_DIR, default dist). */
  site: string;
  /** Folders each PDF is written to, e.g. public/pdf and dist/pdf. */
  outDirs: readonly string[];
  /** `--only` filters: `2026-kazakhstan`, or an edition `2026`. Empty: every chapter. */
  only?: readonly string[];
  chromiumPath: string;
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

/** An error's code and first line, for a one-sentence message: "EISDIR: illegal operation on a directory, read". */
function errorCode(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const first = String(message ?? error).split('\n')[0]!;
  return code && !first.startsWith(code) ? `${code}: ${first}` : first;
}

/** Finds the chapters to print, or says what is missing. */
async function chaptersToPrint(options: GenerateOptions): Promise<{ chapters: ChapterPage[]; base: string }> {
  const sitemap = path.join(options.site, 'sitemap.xml');
  if (!existsSync(sitemap)) {
    throw new PdfSetupError(
      `No built site in ${options.site}/ (${sitemap} is missing): run \`npm run build\` first, or point --site (or OUT_DIR) at a built site.`,
    );
  }
  let xml: string;
  try {
    xml = await readFile(sitemap, 'utf8');
  } catch (error) {
    throw new PdfSetupError(
      `Cannot read ${sitemap} (${errorCode(error)}): check that it is a readable file of a finished build, or run \`npm run build\` again.`,
      { cause: error },
    );
  }
  const paths = sitemapPaths(xml);
  const base = sitemapBase(paths);
  if (options.base !== undefined && normaliseBase(options.base) !== base) {
    throw new PdfSetupError(
      `${options.site}/ was built for the base path ${base}, but BASE_PATH is ${normaliseBase(options.base)}: build again with this BASE_PATH, or unset it.`,
    );
  }
  const all = chaptersOf(paths, base);
  if (all.length === 0) throw new PdfSetupError(`${sitemap} lists no chapter page (/<edition>/<country>/).`);
  try {
    return { chapters: selectChapters(all, options.only ?? []), base };
  } catch (error) {
    throw new PdfSetupError((error as Error).message, { cause: error });
  }
}

/** Each edition's publisher, from editions.yaml: the PDF's Author. */
async function publishers(contentDir: string, editions: ReadonlySet<string>): Promise<Map<string, string>> {
  const file = path.join(contentDir, 'editions.yaml');
  let parsed: unknown;
  try {
    parsed = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new PdfSetupError(`Cannot read the editions from ${file} (set CONTENT_DIR to the content the site was built from).`, { cause: error });
  }
  const byEdition = new Map<string, string>();
  for (const edition of editions) {
    const publisher = (parsed as Record<string, { publisher?: unknown } | undefined> | null)?.[edition]?.publisher;
    if (typeof publisher !== 'string' || publisher === '') {
      throw new PdfSetupError(`Edition ${edition} has no publisher in ${file}: set CONTENT_DIR to the content the site was built from.`);
    }
    byEdition.set(edition, publisher);
  }
  return byEdition;
}

function checkChromium(executable: string): void {
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    throw new PdfSetupError(
      `No Chromium at ${executable}. Install Debian's Chromium (\`sudo apt-get install chromium\`), or set CHROMIUM_PATH to a Chromium executable.`,
    );
  }
}

async function serveOnFreePort(site: string, base: string): Promise<StaticServer> {
  for (let port = PORTS[0]; port <= PORTS[1]; port++) {
    try {
      return await serveStatic(site, { port, base, compression: false });
    } catch (error) {
      const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      if (code !== 'EADDRINUSE') {
        throw new PdfSetupError(
          `Could not serve ${site}/ on 127.0.0.1:${port} to print it (${errorCode(error)}): check that this machine allows listening on ports ${PORTS[0]}–${PORTS[1]} of 127.0.0.1.`,
          { cause: error },
        );
      }
    }
  }
  throw new PdfSetupError(`No free port from ${PORTS[0]} to ${PORTS[1]} to serve the site on while printing.`);
}

async function launch(executablePath: string): Promise<{ browser: Browser; context: BrowserContext }> {
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  } catch (error) {
    throw new PdfSetupError(
      `Chromium at ${executablePath} did not start: ${(error as Error).message.split('\n')[0]}. Set CHROMIUM_PATH to a working Chromium, or reinstall it (\`sudo apt-get install chromium\`).`,
      { cause: error },
    );
  }
  // A printed document is on white paper whatever the reader's system prefers.
  const context = await browser.newContext({ colorScheme: 'light', serviceWorkers: 'block' });
  return { browser, context };
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

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Loads one chapter and prints it to PDF bytes (Author not yet set). */
async function printChapter(context: BrowserContext, origin: string, url: string): Promise<Uint8Array> {
  const page = await context.newPage();
  const blocked: string[] = [];
  // Only the local copy of the site may be fetched; anything else is refused and reported.
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith(`${origin}/`)) return route.continue();
    blocked.push(requested);
    return route.abort('blockedbyclient');
  });
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: CHAPTER_TIMEOUT_MS });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const facts = await page.evaluate(() => {
      const boxes = new Set<string>();
      const visit = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSPageRule) {
            for (const match of rule.cssText.matchAll(/@((?:top|bottom|left|right)-[a-z-]+)/g)) boxes.add(match[1]!);
          } else if ('cssRules' in rule) {
            visit((rule as CSSGroupingRule).cssRules);
          }
        }
      };
      for (const sheet of Array.from(document.styleSheets)) {
        try {
          visit(sheet.cssRules);
        } catch {
          // A stylesheet of another origin cannot be read (and is refused anyway).
        }
      }
      return {
        title: document.title,
        canonical: document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href,
        boxes: [...boxes],
        hrefs: Array.from(document.querySelectorAll<HTMLAnchorElement>('a[href]'), (a) => a.href),
      };
    });
    const rewrites: [number, string][] = [];
    facts.hrefs.forEach((href, index) => {
      const publicUrl = publicHref(href, url, facts.canonical);
      if (publicUrl) rewrites.push([index, publicUrl]);
    });
    await page.evaluate((changes) => {
      const links = document.querySelectorAll<HTMLAnchorElement>('a[href]');
      for (const [index, href] of changes) links[index]?.setAttribute('href', href);
    }, rewrites);
    const pdf = await page.pdf({
      tagged: true,
      outline: true,
      printBackground: true,
      preferCSSPageSize: true,
      format: 'A4',
      margin: FALLBACK_MARGIN,
      ...headerFooter(facts.boxes, facts.title),
    });
    if (blocked.length > 0) throw new Error(`the page requested another origin, which was refused: ${[...new Set(blocked)].join(', ')}`);
    return pdf;
  } finally {
    await page.close().catch(() => undefined);
  }
}

/**
 * Prints the chosen chapters of a built site, one after another (the machines are small), and
 * reports each. Setup problems throw PdfSetupError; a chapter that fails is reported, and the
 * next one is printed.
 */
export async function generatePdfs(options: GenerateOptions): Promise<GenerateReport> {
  const started = performance.now();
  const { chapters, base } = await chaptersToPrint(options);
  const authors = await publishers(options.contentDir, new Set(chapters.map((c) => c.edition)));
  checkChromium(options.chromiumPath);
  const server = await serveOnFreePort(options.site, base);
  const origin = new URL(server.url).origin;
  let session: Awaited<ReturnType<typeof launch>> | undefined;
  const results: ChapterResult[] = [];
  try {
    for (const [index, chapter] of chapters.entries()) {
      const chapterStarted = performance.now();
      let result: ChapterResult;
      try {
        if (!session?.browser.isConnected()) session = await launch(options.chromiumPath);
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
        const pdf = await withTimeout(printChapter(session.context, origin, url), CHAPTER_TIMEOUT_MS, 'loading and printing');
        const finished = setInfo(pdf, { Author: authors.get(chapter.edition)! });
        const files = options.outDirs.map((dir) => path.join(dir, chapter.file));
        for (const file of files) {
          await writeWhole(file, finished);
          // The sidecar says which text the PDF was printed from (src/pdf/link.ts reads it).
          await writeWhole(`${file}.json`, new TextEncoder().encode(`${JSON.stringify(sidecar, null, 2)}\n`));
        }
        result = { chapter, ok: true, bytes: finished.length, seconds: (performance.now() - chapterStarted) / 1000, files };
      } catch (error) {
        if (error instanceof PdfSetupError) throw error;
        result = { chapter, ok: false, error: error as Error, seconds: (performance.now() - chapterStarted) / 1000 };
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
