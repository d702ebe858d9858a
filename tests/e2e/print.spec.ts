import { expect, test } from '@playwright/test';

test.describe('printing a chapter', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('2026/kazakhstan/');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  });

  test('hides navigation and controls, and prints in light colours', async ({ page }) => {
    await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeHidden();
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toBeHidden();
    await expect(page.getByText('Themes in this chapter').first()).toBeHidden();
    await expect(page.getByRole('link', { name: 'Link to Education', exact: true })).toBeHidden();
    // Paragraph numbers stay: a printed passage is quoted by them.
    await expect(page.getByRole('link', { name: 'Link to Education, paragraph 1' })).toBeVisible();
    await expect(page.getByRole('button', { name: /^Copy link/ }).first()).toBeHidden();
    await expect(page.getByText('Cite this section').first()).toBeHidden();
    await expect(page.getByRole('link', { name: /Print this section/ }).first()).toBeHidden();
    await expect(page.getByRole('heading', { level: 2, name: 'Education' })).toBeVisible();
    const colours = await page.evaluate(() => [
      getComputedStyle(document.documentElement).backgroundColor,
      getComputedStyle(document.body).color,
    ]);
    expect(colours).toEqual(['rgb(255, 255, 255)', 'rgb(0, 0, 0)']);
    const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
    expect(font).toMatch(/Georgia|serif/);
  });

  test('starts with a title block naming the edition, country, period, URL and date printed', async ({ page }) => {
    const canonical = (await page.locator('link[rel="canonical"]').getAttribute('href')) ?? '';
    const block = page.getByText(`From ${canonical}`);
    await expect(block).toBeVisible();
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date());
    await expect(block).toContainText(`printed ${today}`);
    await expect(page.getByText('Events of January to December 2025. ILGA-Europe, 2026.')).toBeVisible();
    await expect(page.getByText(/^Annual Review of the Human Rights Situation/).first()).toBeVisible();
  });

  test('prints the address of an external link after its words, and names the section of a cross-reference', async ({ page }) => {
    // The chapter has no external source link yet; add one to its text to see how the stylesheet prints it.
    const printed = await page.evaluate(() => {
      const paragraph = document.querySelector('#education-1');
      const link = Object.assign(document.createElement('a'), {
        href: 'https://example.org/source',
        className: 'external',
        textContent: 'a source',
      });
      paragraph?.append(' ', link);
      const crossReference = document.querySelector<HTMLElement>('a.section-link');
      // The same link with words that do not name the section ("above") must say which it is.
      const unnamed = crossReference?.cloneNode() as HTMLElement | undefined;
      if (unnamed) {
        unnamed.textContent = 'above';
        unnamed.classList.remove('names-section');
        paragraph?.append(' ', unnamed);
      }
      return {
        external: getComputedStyle(link, '::after').content,
        crossReference: crossReference ? getComputedStyle(crossReference, '::after').content : 'missing',
        unnamed: unnamed ? getComputedStyle(unnamed, '::after').content : 'missing',
      };
    });
    expect(printed.external).toContain('https://example.org/source');
    // "(See also under Human Rights Defenders)" already names the section: nothing is added.
    expect(printed.crossReference).toBe('none');
    expect(printed.unnamed).toContain('(see ');
    expect(printed.unnamed).toContain('Human rights defenders');
  });

  test('prints the running header and page numbers once: in the margin, not also the copy for engines without margin boxes', async ({
    page,
  }) => {
    // The page carries the words for Firefox and WebKit (print-without-margin-boxes.css); Chromium has margin boxes.
    const head = page.getByText(/^Kazakhstan · Annual Review 2026 · http/);
    const note = page.getByText(/^No page numbers: this browser cannot print them\./);
    await expect(head).toHaveCount(1);
    await expect(note).toHaveCount(1);
    await expect(head).toBeHidden();
    await expect(note).toBeHidden();
  });

  test('links to a stylesheet that puts the country and edition in the running header', async ({ page, request }) => {
    const href = await page.locator('link[rel="stylesheet"][media="print"]').getAttribute('href');
    const css = await (await request.get(href ?? '')).text();
    expect(css).toContain('@top-center');
    expect(css).toContain('"Kazakhstan · Annual Review 2026"');
  });
});

test('“Print this section” leads to a page with only that section, ready to print', async ({ page }) => {
  await page.goto('2026/kazakhstan/');
  await page
    .getByRole('region', { name: 'Human rights defenders' })
    .getByRole('link', { name: /Print this section/ })
    .click();
  await expect(page).toHaveURL(/\/2026\/kazakhstan\/human-rights-defenders\/$/);
  await expect(page.getByRole('button', { name: 'Print this section' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1, name: 'Kazakhstan' })).toBeVisible();
  const sections = page.getByRole('region');
  await expect(sections).toHaveCount(1);
  await expect(sections.getByRole('heading', { level: 2 })).toHaveText('Human rights defenders');
  await expect(page.getByText('On 21 and 22 November, further incidents targeted human rights defenders')).toBeVisible();
  await expect(page.getByText("In late February, members of Kazakhstan's parliament proposed")).toHaveCount(0);
  await expect(page.getByText(/^From http.*\/2026\/kazakhstan\/human-rights-defenders\//)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Print this section' })).toBeHidden();
});

test('the chapter links to its PDF, with its size, exactly when one was generated', async ({ page, request }) => {
  await page.goto('2026/kazakhstan/');
  const link = page.getByRole('link', { name: /Download this chapter as PDF/ });
  const pdf = await request.get('pdf/2026-kazakhstan.pdf');
  if (pdf.ok()) {
    // `npm run pdf` ran before this build: the link is there, names the size, and the file is a PDF.
    await expect(link).toHaveText(/\(\d+ KB\)|\(\d+\.\d MB\)/);
    expect(pdf.headers()['content-type']).toContain('application/pdf');
    expect(await link.getAttribute('href')).toMatch(/\/pdf\/2026-kazakhstan\.pdf$/);
  } else {
    // No PDF in this build: no link at all, rather than a broken one.
    await expect(link).toHaveCount(0);
  }
});
