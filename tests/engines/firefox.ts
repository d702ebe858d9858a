/**
 * The smoke suite's Firefox: Debian's Firefox ESR, started by src/quality/engines.ts and driven by
 * puppeteer-core over WebDriver BiDi. BiDi reports the page's console and uncaught errors from its
 * first script on; printing is Firefox's own, to PDF, read back with poppler.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { pdfPages } from '../../src/pdf/read-back.ts';
import { launchFirefox } from '../../src/quality/engines.ts';
import { type StaticServer, serveStatic } from '../../src/quality/static-server.ts';
import { type Engine, type EngineTab, until } from './engine.ts';
import { describeTarget, findByRole, sendTarget, type Target } from './page-side.ts';

class FirefoxTab implements EngineTab {
  private seen: string[] = [];
  private readonly page: Page;
  private readonly site: string;
  /** The browser started for this tab alone (a dark one), closed with it. */
  private readonly ownBrowser: Browser | undefined;

  constructor(page: Page, site: string, ownBrowser: Browser | undefined) {
    this.page = page;
    this.site = site;
    this.ownBrowser = ownBrowser;
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warn') this.seen.push(`console.${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.seen.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
  }

  async goto(path: string): Promise<void> {
    this.seen = [];
    await this.page.goto(new URL(path, this.site).href, { waitUntil: 'load' });
  }

  async url(): Promise<string> {
    return this.page.url();
  }

  run<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Promise<Awaited<T>> {
    return this.page.evaluate(fn as (...args: unknown[]) => T, ...args) as Promise<Awaited<T>>;
  }

  private async locate(target: Target): Promise<ElementHandle<Element>> {
    return until(`${describeTarget(target)} on ${this.page.url()}`, async () => {
      const handle = await this.page.evaluateHandle(findByRole, sendTarget(target));
      const element = handle.asElement() as ElementHandle<Element> | null;
      if (!element) await handle.dispose();
      return element;
    });
  }

  async runOn<T, A extends unknown[]>(target: Target, fn: (element: Element, ...args: A) => T, ...args: A): Promise<Awaited<T>> {
    const element = await this.locate(target);
    return (await element.evaluate(fn as (element: Element, ...args: unknown[]) => T, ...args)) as Awaited<T>;
  }

  async click(target: Target): Promise<void> {
    // Again if the element is replaced meanwhile (the search redraws its options as results come).
    await until(`a click on ${describeTarget(target)}`, async () => {
      await (await this.locate(target)).click();
      return true;
    });
  }

  async type(target: Target, text: string): Promise<void> {
    await (await this.locate(target)).type(text, { delay: 20 });
  }

  async troubles(): Promise<string[]> {
    return [...this.seen];
  }

  async printed(): Promise<string[]> {
    const folder = await mkdtemp(path.join(tmpdir(), 'engines-print-'));
    try {
      const file = path.join(folder, 'page.pdf');
      // What a reader's Ctrl+P gives, saved as PDF: Firefox's layout of the print stylesheet on A4.
      await writeFile(file, await this.page.pdf({ format: 'A4' }));
      return await pdfPages(file);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await this.page.close().catch(() => undefined);
    await this.ownBrowser?.close();
  }
}

/** Firefox, with the built site at `site` (OUT_DIR) served by a watching static server. */
export function firefox(site: string): Engine {
  let server: StaticServer | undefined;
  let light: Browser | undefined;
  return {
    name: 'Firefox',
    server: () => {
      if (!server) throw new Error('The Firefox suite has not started.');
      return server;
    },
    async start() {
      server = await serveStatic(site, { port: 0, watch: true });
      light = await launchFirefox({ proxyPort: Number(new URL(server.url).port) });
    },
    async stop() {
      await light?.close();
      await server?.close();
    },
    async open({ dark = false, width = 1280, height = 900 } = {}) {
      if (!server || !light) throw new Error('The Firefox suite has not started.');
      // BiDi cannot emulate prefers-color-scheme: a dark reader is a Firefox started dark.
      const own = dark ? await launchFirefox({ proxyPort: Number(new URL(server.url).port), dark }) : undefined;
      const page = await (own ?? light).newPage();
      await page.setViewport({ width, height });
      return new FirefoxTab(page, server.url, own);
    },
  };
}
