import { expect, type Page, test } from '@playwright/test';
import { PAGE_TYPES } from './helpers.ts';

// The base of the custom elements (src/elements/base.ts): each element is defined once, and one
// whose server-rendered markup lacks a required part says so on the console, naming itself and the
// part, instead of quietly doing nothing. Markup is broken on its way to the browser (page.route),
// as a template change would break it.

/**
 * Serves the page at `path` with its HTML passed through `change`. Resolves, once the page was
 * served, to whether `change` found anything to change (else the test would prove nothing).
 */
async function serveChanged(page: Page, path: string, change: (html: string) => string): Promise<() => boolean> {
  let changed = false;
  await page.route(
    (url) => url.pathname.endsWith(`/${path}`),
    async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      const body = change(html);
      changed = body !== html;
      await route.fulfill({ response, body });
    },
  );
  return () => changed;
}

/** The custom elements on the page (their names have a hyphen). */
function customTags(page: Page): Promise<string[]> {
  return page.evaluate(() => [...new Set([...document.querySelectorAll('*')].map((e) => e.localName).filter((n) => n.includes('-')))]);
}

const broken = [
  {
    element: 'cite-box',
    part: '.citation',
    path: '2026/kazakhstan/',
    // The first box on the page (the first section's) loses every citation it holds.
    change: (html: string) =>
      html.replace(/<cite-box[\s\S]*?<\/cite-box>/, (box) => box.replaceAll('class="citation"', 'class="quotation"')),
    // Only the broken box goes without its buttons; the other sections' and the chapter's boxes still get theirs.
    left: async (page: Page) => {
      const boxes = await page.locator('cite-box').all();
      expect(boxes).toHaveLength(11);
      await expect(boxes[0]!.getByRole('button', { includeHidden: true })).toHaveCount(0);
      for (const box of boxes.slice(1)) {
        await expect(box.getByRole('button', { name: 'Copy citation (plain text)', includeHidden: true })).toHaveCount(1);
      }
    },
  },
  {
    element: 'theme-switch',
    part: 'button',
    path: '2026/kazakhstan/',
    change: (html: string) => html.replace(/(<theme-switch[^>]*>)<button[^>]*>Dark theme<\/button>/, '$1'),
  },
  {
    element: 'site-search',
    part: '[role="listbox"]',
    path: '2026/kazakhstan/',
    change: (html: string) => html.replace('role="listbox"', ''),
    // Left as served: a plain search field in a form, not a combobox that can show nothing.
    left: async (page: Page) => {
      await expect(page.getByRole('searchbox', { name: 'Search the reports' })).toBeVisible();
      await expect(page.getByRole('combobox', { name: 'Search the reports' })).toHaveCount(0);
    },
  },
  {
    element: 'site-header',
    part: 'button.search-toggle',
    path: '2026/kazakhstan/',
    change: (html: string) => html.replace(/<button class="header-button search-toggle"[^>]*>Search<\/button>/, ''),
    // Left as served: Search stays a link to the search page.
    left: async (page: Page) => {
      const link = page.getByRole('banner').getByRole('link', { name: 'Search', includeHidden: true });
      await expect(link).toHaveAttribute('href', '/search/');
      await expect(link).not.toHaveAttribute('hidden');
    },
  },
  {
    element: 'print-button',
    part: 'button',
    path: '2026/kazakhstan/education/',
    change: (html: string) => html.replace(/(<print-button[^>]*>)<button[^>]*>[^<]*<\/button>/, '$1'),
  },
  {
    element: 'site-search-page',
    part: 'data-spellings',
    path: 'search/',
    change: (html: string) => html.replace(/(<site-search-page[^>]*?)data-spellings="[^"]*"/, '$1data-spellings="[{oops"'),
  },
];

for (const { element, part, path, change, left } of broken) {
  test(`<${element}> without ${part} says so on the console, naming itself and the part`, async ({ page }) => {
    const changed = await serveChanged(page, path, change);
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await page.goto(path);
    expect(changed(), `the markup to break was not found in ${path}`).toBe(true);
    await expect.poll(() => errors.find((text) => text.includes(`<${element}>`))).toContain(part);
    // Reported, not thrown: no uncaught error, and no other element complains.
    expect(errors.filter((text) => !text.includes(`<${element}>`))).toEqual([]);
    await left?.(page);
  });
}

test('on every kind of page, each custom element starts without a console error', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    // The not-found page is served with status 404, which Chromium logs as an error of its own.
    const notFound = page.url().endsWith(PAGE_TYPES['not found']) && message.text().includes('status of 404');
    if (message.type() === 'error' && !notFound) errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`${page.url()}: uncaught ${error.message}`));
  const seen = new Set<string>();
  for (const path of Object.values(PAGE_TYPES)) {
    await page.goto(path);
    for (const tag of await customTags(page)) {
      seen.add(tag);
      expect(await page.evaluate((name) => customElements.get(name) !== undefined, tag), `<${tag}> is not defined on ${path}`).toBe(true);
    }
  }
  // Not a page whose elements were all left out: the test saw every element of the site.
  expect([...seen].sort()).toEqual([
    'bundle-add',
    'bundle-page',
    'chapter-toc',
    'cite-box',
    'copy-links',
    'print-button',
    'print-date',
    'site-header',
    'site-search',
    'site-search-page',
    'theme-switch',
  ]);
  expect(errors).toEqual([]);
});

test('a second copy of the element scripts neither fails nor redefines an element', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('2026/kazakhstan/');
  const tags = await customTags(page);
  const outcome = await page.evaluate(async (names) => {
    const before = names.map((name) => customElements.get(name));
    const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[type="module"][src]')].map((s) => s.src);
    const failed: string[] = [];
    // A query string makes the browser evaluate each script again as a new module: a second copy
    // of every element class, whose define() meets the name already taken.
    for (const src of scripts) {
      try {
        await import(`${src}?second-copy`);
      } catch (error) {
        failed.push(`${src}: ${String(error)}`);
      }
    }
    return {
      scripts: scripts.length,
      failed,
      replaced: names.filter((name, i) => customElements.get(name) !== before[i]),
    };
  }, tags);
  expect(tags.length).toBeGreaterThan(3);
  // One module for the page's elements (src/elements/site.ts), imported once more.
  expect(outcome.scripts).toBeGreaterThanOrEqual(1);
  expect(outcome.failed).toEqual([]);
  expect(outcome.replaced).toEqual([]);
  expect(errors).toEqual([]);
});

test('an element moved in the page keeps one button, and the button still works', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('2026/kazakhstan/');
  const section = page.getByRole('region', { name: 'Human rights defenders' });
  // Moving the box disconnects and connects it again: the base stops its listeners, then starts it anew.
  await section.locator('cite-box').evaluate((box) => box.parentElement?.append(box));
  await section.getByText('Cite this section', { exact: true }).click();
  const copy = section.getByRole('button', { name: 'Copy citation (plain text)' });
  await expect(copy).toHaveCount(1);
  await copy.click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Human rights defenders');
  await expect(page.getByRole('status').filter({ hasText: 'Citation copied' })).toHaveCount(1);
});
