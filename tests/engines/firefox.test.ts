/**
 * The smoke suite in Debian's Firefox ESR (src/quality/engines.ts), over the built site (OUT_DIR,
 * default dist; npm test builds first), and what only Firefox needs: its print, which ignores
 * the @page margin boxes that carry Chromium's running header and page numbers.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_TYPES } from '../support/page-types.ts';
import { useEngine } from './engine.ts';
import { firefox } from './firefox.ts';
import { smokeSuite } from './smoke.ts';

const engine = useEngine(firefox);

smokeSuite(engine);

describe('Firefox: printing a chapter, without the @page margin boxes it ignores', () => {
  it('repeats the running header and the address on every page, and says on the first where page numbers are', async () => {
    const tab = await engine.open();
    try {
      await tab.goto(PAGE_TYPES.chapter);
      const canonical = await tab.run(() => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '');
      const pages = await tab.printed();
      // Enough text for several pages, so that "every page" means something.
      expect(pages.length).toBeGreaterThan(2);
      // At the top of every page, above the text.
      for (const [n, text] of pages.entries()) {
        const top = text.split('\n').find((line) => line.trim() !== '');
        expect(top?.trim(), `page ${n + 1}`).toBe(`Kazakhstan · Annual Review 2026 · ${canonical}`);
      }
      expect(pages[0]).toContain('No page numbers: this browser cannot print them. Cite a passage by its paragraph number.');
      // Once: a note on the first page, not on every page.
      expect(pages.slice(1).join('\n')).not.toContain('No page numbers');
    } finally {
      await tab.close();
    }
  });
});
