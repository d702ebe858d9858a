/**
 * The smoke suite every engine runs over the built site (issue 16): each kind of page loads with
 * no console error, no breach of its security policy and no request to another origin; the header
 * search finds "Feminita" and lands on the word, marked; the contents mark the section in view and
 * the one clicked; a reader who prefers dark gets the dark theme; print shows the title block and
 * none of the interface. Chromium runs the fuller Playwright suite (tests/e2e/).
 *
 * The server watches what the page cannot be trusted to report (src/quality/static-server.ts
 * `watch`): it is the browser's only proxy, so a request for another origin reaches it and is
 * refused and recorded, and the browser reports every policy breach to it. The last test makes
 * both happen on purpose, so that an empty record means something.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_TYPES } from '../support/page-types.ts';
import { type Engine, type EngineTab, until } from './engine.ts';
import { undefinedElements } from './page-side.ts';

/**
 * What each kind of page says in its visible heading once it has loaded (the bundle's is written by
 * its script, which hides the form's).
 */
const HEADINGS: Record<keyof typeof PAGE_TYPES, RegExp> = {
  home: /Annual Review of the Human Rights Situation/,
  edition: /Annual Review of the Human Rights Situation/,
  chapter: /^Kazakhstan$/,
  section: /^Kazakhstan$/,
  about: /^About the Annual Review 2026$/,
  corrections: /^Corrections$/,
  countries: /^Countries in every edition$/,
  'country in every edition': /^Kazakhstan in every edition$/,
  'section history': /^Kazakhstan: Education$/,
  compare: /^Kazakhstan: Education, compared$/,
  'theme index': /^Themes$/,
  'theme page': /^Freedom of association$/,
  search: /^Search the reports$/,
  data: /^Downloads and open data$/,
  bundle: /^Bundle: 1 section$/,
  'not found': /^Page not found$/,
};

const CONTENTS = { role: 'navigation', name: 'Themes in this chapter' } as const;

/** The contents link marked as the section being read (aria-current), by its text. */
const markedInContents = (tab: EngineTab) =>
  tab.run(() => [...document.querySelectorAll('nav [aria-current="location"]')].map((link) => link.textContent?.trim() ?? ''));

/** The colours a reader sees: the page's background and its text. */
const colours = (tab: EngineTab) =>
  tab.run(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.body).color]);

/** Relative luminance (0 black … 1 white) of a computed rgb() colour. */
function luminance(colour: string): number {
  const [r = 0, g = 0, b = 0] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function smokeSuite(engine: Engine): void {
  let tab: EngineTab | undefined;
  const open = async (options?: Parameters<Engine['open']>[0]) => {
    tab = await engine.open(options);
    return tab;
  };
  afterEach(async () => {
    await tab?.close();
    tab = undefined;
  });

  describe(`${engine.name}: every kind of page`, () => {
    it('loads with its heading, its scripts running, no console error, no policy breach and no request elsewhere', async () => {
      const server = engine.server();
      const page = await open();
      const problems: string[] = [];
      for (const [type, path] of Object.entries(PAGE_TYPES) as [keyof typeof PAGE_TYPES, string][]) {
        const from = server.log.length;
        await page.goto(path);
        const pathname = new URL(path, server.url).pathname;
        const served = server.log.slice(from).find((entry) => entry.path === pathname);
        const expected = type === 'not found' ? 404 : 200;
        if (served?.status !== expected) problems.push(`${type} (${path}): answered ${served?.status ?? 'nothing'}, not ${expected}`);
        const heading = await until(`the heading of the ${type} page`, () =>
          page.run((want) => {
            const visible = [...document.querySelectorAll('h1')].find((h1) => h1.getClientRects().length > 0);
            const text = visible?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
            return new RegExp(want).test(text) ? text : null;
          }, HEADINGS[type].source),
        ).catch((error: Error) => error.message);
        if (!HEADINGS[type].test(heading)) problems.push(`${type} (${path}): ${heading}`);
        for (const name of await page.run(undefinedElements)) problems.push(`${type} (${path}): <${name}> was never defined`);
        for (const trouble of await page.troubles()) problems.push(`${type} (${path}): ${trouble}`);
      }
      expect(problems).toEqual([]);
      expect(server.violations).toEqual([]);
      expect(server.elsewhere).toEqual([]);
    });
  });

  describe(`${engine.name}: search`, () => {
    it('the header search finds “Feminita” and lands on its section with the word marked', async () => {
      const page = await open();
      await page.goto(PAGE_TYPES.chapter);
      await page.type({ role: 'combobox', name: 'Search the reports' }, 'Feminita');
      // A reader picks a result once the list stops changing: until the last letter's results
      // arrive, those of the letters before it may show (a slow machine drives slowly).
      await page.run(() => {
        const list = document.querySelector('site-search [role="listbox"]');
        const seen = window as unknown as { listChanged: number };
        seen.listChanged = Date.now();
        if (list) new MutationObserver(() => (seen.listChanged = Date.now())).observe(list, { childList: true, subtree: true });
      });
      await until('the list of results to settle', () =>
        page.run(() => Date.now() - (window as unknown as { listChanged: number }).listChanged > 500),
      );
      // An option is named by its title, then its excerpt.
      await page.click({ role: 'option', name: /^Kazakhstan: Freedom of association/ });
      let landed = '';
      await until('the chapter at Freedom of association, highlighting Feminita', async () => {
        landed = await page.url();
        return /\/2026\/kazakhstan\/\?highlight=Feminita#freedom-of-association$/.test(landed);
      }).catch((error: Error) => {
        throw new Error(`${error.message} The page is ${landed}.`);
      });
      const marked = await until('a marked “Feminita” in view in Freedom of association', () =>
        page.runOn({ role: 'region', name: 'Freedom of association' }, (section) => {
          const mark = [...section.querySelectorAll('mark')].find((m) => m.textContent === 'Feminita');
          const box = mark?.getBoundingClientRect();
          return box && box.height > 0 && box.top >= 0 && box.bottom <= innerHeight ? mark?.textContent : null;
        }),
      );
      expect(marked).toBe('Feminita');
      // Only the report's text is marked, never the page's own interface.
      expect(await page.run(() => document.querySelectorAll('header mark, nav mark').length)).toBe(0);
      expect(await page.troubles()).toEqual([]);
    });
  });

  describe(`${engine.name}: the chapter's contents`, () => {
    it('mark the section in view, and the one clicked, though it cannot reach the top of the window', async () => {
      const page = await open({ height: 1400 });
      await page.goto(PAGE_TYPES.chapter);
      await page.run(() => document.getElementById('human-rights-defenders')?.scrollIntoView({ block: 'start' }));
      expect(
        await until('the contents to mark Human rights defenders', async () => {
          const marked = await markedInContents(page);
          return marked.length === 1 && marked[0] === 'Human rights defenders' ? marked : null;
        }),
      ).toEqual(['Human rights defenders']);
      const last = 'Participation in public, cultural and political life';
      await page.click({ role: 'link', name: last, within: CONTENTS });
      expect(
        await until(`the contents to mark ${last}`, async () => {
          const marked = await markedInContents(page);
          return marked.length === 1 && marked[0] === last ? marked : null;
        }),
      ).toEqual([last]);
    });
  });

  describe(`${engine.name}: colour scheme`, () => {
    it('a reader whose system prefers dark gets the dark theme: light text on a dark page', async () => {
      const light = await open();
      await light.goto(PAGE_TYPES.chapter);
      const [lightBackground] = await colours(light);
      await light.close();
      const page = await open({ dark: true });
      await page.goto(PAGE_TYPES.chapter);
      expect(await page.run(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      const [background = '', text = ''] = await colours(page);
      expect(background).not.toBe(lightBackground);
      expect(luminance(background)).toBeLessThan(0.1);
      expect(luminance(text)).toBeGreaterThan(0.5);
      // The switch says so too.
      expect(await page.run(() => document.querySelector('theme-switch button')?.getAttribute('aria-pressed'))).toBe('true');
    });
  });

  describe(`${engine.name}: print`, () => {
    it('a printed chapter starts with its title block and shows none of the interface', async () => {
      const page = await open();
      await page.goto(PAGE_TYPES.chapter);
      const canonical = await page.run(() => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? '');
      const [first = '', ...rest] = await page.printed();
      const printed = [first, ...rest].join('\n');
      for (const line of [
        'Annual Review of the Human Rights Situation',
        'Kazakhstan',
        'Events of January to December 2025. ILGA-Europe, 2026.',
        `From ${canonical}`,
      ]) {
        expect(first).toContain(line);
      }
      for (const chrome of ['Skip to main content', 'Search the reports', 'Cite this section', 'Copy link']) {
        expect(printed).not.toContain(chrome);
      }
      // The report's text is all there: the last section's heading too.
      expect(printed).toContain('Participation in public, cultural and political life');
    });
  });
  // Last: the browser may still ask the other origin for its icon after the test.
  describe(`${engine.name}: what the server watches`, () => {
    it('sees a request for another origin and a breach of the page’s policy, when a page makes them', async () => {
      const server = engine.server();
      const page = await open();
      await page.goto(PAGE_TYPES.chapter);
      // An image from elsewhere, added by script: the page's policy refuses it, and the browser reports that.
      await page.run(() => {
        document.body.append(Object.assign(document.createElement('img'), { src: 'http://elsewhere.invalid/pixel.png' }));
      });
      await until('the browser’s report of the refused image', async () => server.violations.some((v) => v.includes('elsewhere.invalid')));
      // A page of another origin (no policy stops a reader's own navigation): it reaches the proxy.
      await page.goto('http://elsewhere.invalid/').catch(() => undefined);
      expect(server.elsewhere).toContain('http://elsewhere.invalid/');
      expect(server.violations.join('\n')).toMatch(/elsewhere\.invalid.*img-src/);
    });

    it('hears an element that reports a missing part on the console', async () => {
      const page = await open();
      await page.goto(PAGE_TYPES.chapter);
      // The header search loses its list of results, then starts again, as it would on a page
      // served so: its base reports the missing part with console.error.
      await page.run(() => {
        const search = document.querySelector('site-search');
        search?.querySelector('[role="listbox"]')?.remove();
        search?.parentNode?.insertBefore(search, search.nextSibling);
      });
      const heard = await until('the console error of <site-search>', async () =>
        (await page.troubles()).find((trouble) => trouble.includes('<site-search>')),
      );
      expect(heard).toMatch(/^console\.error: <site-search> is not enhanced: its required part \[role="listbox"\] is missing/);
    });
  });
}
