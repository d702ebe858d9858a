/**
 * Citable as evidence: paragraph numbers a reader can see and quote (equal to the pinned ids, on
 * screen and in print, never copied with the text), citations in several styles that copy, files
 * for reference managers, the metadata they read, and the feed of chapters and corrections.
 */
import { expect, type Page, test } from '@playwright/test';

/** Every paragraph number on the page: its accessible name, its link, and what the reader sees. */
async function paragraphNumbers(page: Page) {
  const links = page.getByRole('link', { name: /^Link to .+, paragraph \d+$/ });
  await expect(links.first()).toBeVisible();
  return links.evaluateAll((all) =>
    all.map((a) => ({
      name: a.getAttribute('aria-label') ?? '',
      href: (a as HTMLAnchorElement).href,
      shown: getComputedStyle(a, '::before').content.replace(/"/g, ''),
      visible: a.getBoundingClientRect().width > 0 && getComputedStyle(a).opacity !== '0',
    })),
  );
}

function expectNumbersMatchIds(numbers: Awaited<ReturnType<typeof paragraphNumbers>>) {
  for (const { name, href, shown, visible } of numbers) {
    const n = /paragraph (\d+)$/.exec(name)?.[1];
    expect(shown, name).toBe(n);
    expect(new URL(href).hash, name).toMatch(new RegExp(`^#[a-z-]+-${n}$`));
    expect(visible, name).toBe(true);
  }
}

test('every paragraph of the chapter shows its number, equal to its id, on screen and in print', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  const onScreen = await paragraphNumbers(page);
  expect(onScreen).toHaveLength(20); // the pinned paragraphs of tests/built/anchors.test.ts
  expectNumbersMatchIds(onScreen);
  const second = page.getByRole('link', { name: 'Link to Freedom of association, paragraph 2' });
  await expect(second).toHaveAttribute('href', '/2026/kazakhstan/#freedom-of-association-2');
  await page.emulateMedia({ media: 'print' });
  const inPrint = await paragraphNumbers(page);
  expectNumbersMatchIds(inPrint);
  expect(inPrint.map((p) => p.shown)).toEqual(onScreen.map((p) => p.shown));
});

test('the one-section page shows the same numbers as the chapter', async ({ page }) => {
  await page.goto('2026/kazakhstan/bias-motivated-speech/');
  const numbers = await paragraphNumbers(page);
  expect(numbers.map((p) => p.shown)).toEqual(['1', '2', '3', '4']);
  expectNumbersMatchIds(numbers);
});

test('copying a paragraph copies its text, not its number', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('2026/kazakhstan/');
  const paragraph = page.getByText('Between February and March, members of the NGO Feminita');
  // Select the whole paragraph block, number included, as a reader dragging over it would.
  const selected = await paragraph.evaluate((p) => {
    const range = document.createRange();
    range.selectNodeContents(p.parentElement!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return getSelection()!.toString();
  });
  await page.keyboard.press('Control+C');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  for (const text of [selected, copied]) {
    expect(text.trim()).toMatch(/^Between February and March/);
    expect(text).not.toMatch(/^\s*2/);
  }
});

test('“Cite this section” offers plain text, APA and Harvard, each copied whole, and the citation files', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('2026/kazakhstan/');
  const section = page.getByRole('region', { name: 'Human rights defenders' });
  await section.getByText('Cite this section').click();
  await expect(section.getByText('APA 7th edition', { exact: true })).toBeVisible();
  await expect(section.getByText('Harvard (Cite Them Right 12th edition)', { exact: true })).toBeVisible();
  const today = new Intl.DateTimeFormat('en-US', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());

  await section.getByRole('button', { name: 'Copy citation (APA 7th edition)' }).click();
  const apa = await page.evaluate(() => navigator.clipboard.readText());
  expect(apa).toMatch(/^ILGA-Europe\. \(2026\)\. Kazakhstan: Human rights defenders\. In Annual Review of the Human Rights Situation/);
  expect(apa).toMatch(/\/2026\/kazakhstan\/#human-rights-defenders$/);

  await section.getByRole('button', { name: 'Copy citation (Harvard (Cite Them Right 12th edition))' }).click();
  const harvard = await page.evaluate(() => navigator.clipboard.readText());
  expect(harvard).toMatch(/^ILGA-Europe \(2026\) Kazakhstan: Human rights defenders, Annual Review/);
  expect(harvard).toContain(`(Accessed: ${today}).`);

  const bib = section.getByRole('link', { name: 'BibTeX file of this section' });
  const response = await page.request.get(new URL((await bib.getAttribute('href'))!, page.url()).href);
  expect(await response.text()).toMatch(/^@techreport\{kazakhstan_human_rights_defenders_2026,/);
});

test('“Cite a paragraph” gives each paragraph’s citation with “para. n” and its link', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('2026/kazakhstan/');
  const section = page.getByRole('region', { name: 'Freedom of association' });
  await section.getByText('Cite a paragraph').click();
  await section.getByRole('button', { name: 'Copy citation (plain text, paragraph 2)' }).click();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Kazakhstan: Freedom of association, para. 2.');
  expect(copied).toContain('/2026/kazakhstan/#freedom-of-association-2 (accessed ');
  await expect(section.getByText('(ILGA-Europe, 2026, para. 2)')).toBeVisible();
});

test('chapter and section pages tell reference managers they are reports', async ({ page }) => {
  for (const [path, title, keywords] of [
    ['2026/kazakhstan/', 'Kazakhstan', 'Kazakhstan'],
    ['2026/kazakhstan/education/', 'Kazakhstan: Education', 'Kazakhstan; Education'],
  ] as const) {
    await page.goto(path);
    const meta = async (name: string) => page.locator(`meta[name="${name}"]`).getAttribute('content');
    expect(await meta('citation_title')).toBe(title);
    expect(await meta('citation_author')).toBe('ILGA-Europe');
    expect(await meta('citation_technical_report_institution')).toBe('ILGA-Europe');
    expect(await meta('citation_publisher')).toBe('ILGA-Europe');
    expect(await meta('citation_publication_date')).toBe('2026');
    expect(await meta('citation_language')).toBe('en');
    expect(await meta('citation_keywords')).toBe(keywords);
    expect(await meta('citation_series_title')).toMatch(/^Annual Review of the Human Rights Situation/);
    expect(await meta('citation_public_url')).toMatch(/\/2026\/kazakhstan\//);
    // A PDF is named only when the page links to one printed from its current text.
    const pdfLinked = (await page.getByRole('link', { name: /Download this chapter as PDF/ }).count()) > 0;
    expect(await page.locator('meta[name="citation_pdf_url"]').count()).toBe(pdfLinked ? 1 : 0);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    expect(jsonLd).toMatchObject({
      '@type': 'Report',
      name: title,
      author: { '@type': 'Organization', name: 'ILGA-Europe' },
      isPartOf: { '@type': 'Report' },
      about: { '@type': 'Country', name: 'Kazakhstan' },
    });
  }
});

test('the feed is linked from every page, parses as XML and lists the chapter', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  const href = await page.locator('link[rel="alternate"][type="application/rss+xml"]').getAttribute('href');
  const response = await page.request.get(new URL(href!, page.url()).href);
  expect(response.ok()).toBe(true);
  const items = await page.evaluate(
    (xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return null;
      return [...doc.querySelectorAll('item')].map((i) => ({
        title: i.querySelector('title')?.textContent,
        link: i.querySelector('link')?.textContent,
      }));
    },
    await response.text(),
  );
  expect(items).toContainEqual({ title: 'Kazakhstan: Annual Review 2026', link: expect.stringMatching(/\/2026\/kazakhstan\/$/) });
});

test('every footer leads to the edition’s about page and its corrections', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  await page.getByRole('contentinfo').getByRole('link', { name: 'About this edition and how to cite it' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'About the Annual Review 2026' })).toBeVisible();
  await expect(page.getByText('Addresses and numbers never change once published')).toBeVisible();
  await page.getByRole('contentinfo').getByRole('link', { name: 'Corrections', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Corrections' })).toBeVisible();
  await expect(page.getByText('No correction has been made to the Annual Review 2026 since it was published.')).toBeVisible();
});
