/**
 * Printing one chapter: a Chromium session for the job (light colour scheme, no service workers),
 * and a chapter page loaded from the local copy of the site and printed through its print
 * stylesheet to tagged, bookmarked PDF bytes. The page may fetch nothing but that copy: a request
 * to another origin is refused and fails the chapter.
 */
import { type Browser, type BrowserContext, chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../quality/chromium.ts';
import { FALLBACK_MARGIN, headerFooter, publicHref } from './print-options.ts';
import { PdfSetupError } from './setup.ts';

/**
 * Longest a chapter may take to load and print before it is reported as failed: 60 s, some twenty
 * times what the longest chapter takes on two shared cores (about 3 s). A hung Chromium used to
 * hold a run for 180 s per chapter. PDF_CHAPTER_TIMEOUT (seconds) sets another limit.
 */
export const CHAPTER_TIMEOUT_MS = Number(process.env['PDF_CHAPTER_TIMEOUT'] ?? 60) * 1000 || 60_000;

/** A chapter that Chromium did not load and print in time: the browser is then restarted. */
export class ChapterTimeoutError extends Error {}

export interface PrintSession {
  browser: Browser;
  context: BrowserContext;
}

/** Starts Chromium for the job; one that does not start stops the job (PdfSetupError). */
export async function openPrintSession(executablePath: string): Promise<PrintSession> {
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

/** `promise`, or an error saying that `what` took longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ChapterTimeoutError(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Loads one chapter and prints it to PDF bytes (Author not yet set). */
export async function printChapter(context: BrowserContext, origin: string, url: string): Promise<Uint8Array> {
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
    // The job's own limit (withTimeout, which restarts a hung Chromium) comes first.
    const response = await page.goto(url, { waitUntil: 'load', timeout: CHAPTER_TIMEOUT_MS + 5_000 });
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
