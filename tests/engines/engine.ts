/**
 * What the smoke suite (smoke.ts) needs from a browser, so that one suite runs in Firefox
 * (firefox.ts, puppeteer-core over WebDriver BiDi) and WebKit (webkit.ts, W3C WebDriver).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { StaticServer } from '../../src/quality/static-server.ts';
import { PAGE_TYPES } from '../support/page-types.ts';
import type { Target } from './page-side.ts';

/** One browser tab on the built site. */
export interface EngineTab {
  /** Loads `path` (relative to the site's address) and waits for the page's load event. */
  goto(path: string): Promise<void>;
  url(): Promise<string>;
  /** Runs `fn` (self-contained: it is sent as source text) in the page with `args`, returns its result. */
  run<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Promise<Awaited<T>>;
  /** Runs `fn` on the element with this role and name (waiting for it), with `args`. */
  runOn<T, A extends unknown[]>(target: Target, fn: (element: Element, ...args: A) => T, ...args: A): Promise<Awaited<T>>;
  /** Clicks the element with this role and name, as a pointer would; fails naming it when there is none. */
  click(target: Target): Promise<void>;
  /** Types into the field with this role and name, key by key. */
  type(target: Target, text: string): Promise<void>;
  /** Console errors and warnings and uncaught errors of the page loaded last. */
  troubles(): Promise<string[]>;
  /**
   * The page as printed, one string per printed page: Firefox prints to PDF (read back with
   * pdftotext); WebKit's driver can neither print nor emulate print media, so its one "page" is
   * the text the page shows once laid out with the print rules (page-side.ts layOutForPrint).
   */
  printed(): Promise<string[]>;
  close(): Promise<void>;
}

/** An engine the suite runs in: its name, how to start and stop it, and how to open a tab in it. */
export interface Engine {
  name: string;
  /** Serves the built site and starts the browser (or finds it, for a browser started per tab). */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The site, served with `watch` (the proxy and the policy reports); shared by every tab. */
  server(): StaticServer;
  /** A tab of a browser that prefers light or dark, 1280 × 900 unless given another size. */
  open(options?: { dark?: boolean; width?: number; height?: number }): Promise<EngineTab>;
}

/** Waits until `check` returns a value other than false, null or undefined; fails with `what` after `ms`. */
export async function until<T>(what: string, check: () => Promise<T | false | null | undefined>, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== false && value !== null && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`Waited ${ms / 1000} s for ${what}, in vain${last ? ` (last: ${(last as Error).message})` : ''}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The engine made by `make` for the built site (OUT_DIR, default dist; npm test builds first),
 * started before the file's tests and stopped after them. A missing build is said as such rather
 * than as a page that would not load.
 */
export function useEngine(make: (site: string) => Engine): Engine {
  const site = process.env['OUT_DIR'] ?? 'dist';
  const engine = make(site);
  beforeAll(async () => {
    const page = path.join(site, PAGE_TYPES.chapter, 'index.html');
    if (!existsSync(page)) throw new Error(`${page} is missing: run \`npm run build\` before this test.`);
    await engine.start();
  });
  afterAll(() => engine.stop());
  return engine;
}
