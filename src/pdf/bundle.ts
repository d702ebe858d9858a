/**
 * A bundle as one PDF: the built site's /bundle/?s=… page, assembled by its own script in Chromium,
 * printed through the print stylesheet to a tagged PDF with a bookmark per section. Chromium cannot
 * number pages in CSS (target-counter), so the bundle is printed twice: the first PDF's bookmarks
 * (read with unpdf) give the page each section starts on, which the index then shows, and the
 * second PDF is the one written.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocumentProxy } from 'unpdf';
import { CHROMIUM_PATH } from '../quality/chromium.ts';
import { normaliseBase } from '../quality/site.ts';
import { setInfo } from './info.ts';
import { openPrintSession, withTimeout } from './print-chapter.ts';
import { PdfSetupError, serveOnFreePort } from './setup.ts';

export interface BundleOptions {
  site: string;
  /** The selection, as in the bundle's address: `2026/kazakhstan/education,…`. */
  selection: string;
  out: string;
  base?: string | undefined;
}

export interface BundleReport {
  file: string;
  bytes: number;
  pages: number;
  /** Each section's title and the page it starts on. */
  sections: { title: string; page: number }[];
  seconds: number;
}

interface OutlineItem {
  title: string;
  dest: unknown;
  items: OutlineItem[];
}

/** Page numbers (1-based) of the outline's entries, depth first, in document order. */
async function outlinePages(bytes: Uint8Array): Promise<{ pages: number; entries: { title: string; page: number }[] }> {
  // pdf.js takes a plain Uint8Array (not a Buffer), and may detach it: give it a copy.
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const entries: { title: string; page: number }[] = [];
  const walk = async (items: readonly OutlineItem[] | null) => {
    for (const item of items ?? []) {
      const dest = typeof item.dest === 'string' ? await pdf.getDestination(item.dest) : (item.dest as unknown[] | null);
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') entries.push({ title: item.title, page: (await pdf.getPageIndex(ref as never)) + 1 });
      await walk(item.items);
    }
  };
  await walk((await pdf.getOutline()) as OutlineItem[] | null);
  return { pages: pdf.numPages, entries };
}

export async function printBundle(options: BundleOptions): Promise<BundleReport> {
  const started = performance.now();
  const base = normaliseBase(options.base ?? '/');
  const server = await serveOnFreePort(options.site, base);
  const session = await openPrintSession(CHROMIUM_PATH);
  try {
    const page = await session.context.newPage();
    const origin = new URL(server.url).origin;
    await page.route('**/*', (route) =>
      route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient'),
    );
    await page.goto(`${server.url}bundle/?s=${encodeURI(options.selection)}`, { waitUntil: 'load' });
    // Assembled (the citations come last), or refused as a whole.
    await withTimeout(page.waitForSelector('.bundle-citations, [data-problems]:not([hidden])'), 60_000, 'Assembling the bundle');
    const problems = (await page.locator('[data-problems]:not([hidden]) li').allTextContents()).map((p) => p.trim());
    const titles = await page.locator('.bundle-index li a').allTextContents();
    if (titles.length === 0) {
      throw new PdfSetupError(`The bundle has no section to print: ${problems.join(' ') || 'the selection is empty.'}`);
    }
    if (problems.length > 0) throw new PdfSetupError(`The bundle names sections that are not in this report: ${problems.join(' ')}`);
    await page.emulateMedia({ media: 'print' });
    const print = () => page.pdf({ tagged: true, outline: true, preferCSSPageSize: true, printBackground: false, format: 'A4' });

    // First pass: where each section starts. Its bookmark is its heading, after the title and index.
    const first = await print();
    const { entries } = await outlinePages(first);
    const headings = await page.locator('.bundle-section h2').allTextContents();
    const starts: number[] = [];
    let from = 0;
    for (const heading of headings) {
      const at = entries.findIndex((e, i) => i >= from && e.title.trim() === heading.trim());
      starts.push(at >= 0 ? entries[at]!.page : 0);
      if (at >= 0) from = at + 1;
    }
    await page.evaluate((pages) => {
      document.querySelectorAll<HTMLElement>('.bundle-index .index-page').forEach((span, i) => {
        if (pages[i]) span.textContent = ` · page ${pages[i]}`;
      });
    }, starts);

    const bytes = setInfo(await print(), { Title: `Bundle of ${titles.length} sections` });
    const { pages } = await outlinePages(bytes);
    const temporary = path.join(path.dirname(options.out), `.${path.basename(options.out)}.${process.pid}.tmp`);
    try {
      await writeFile(temporary, bytes);
      await rename(temporary, options.out);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
    return {
      file: options.out,
      bytes: bytes.length,
      pages,
      sections: titles.map((title, i) => ({ title, page: starts[i] ?? 0 })),
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await session.browser.close();
    await server.close();
  }
}
