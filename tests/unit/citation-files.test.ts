/**
 * The citation files of the Kazakhstan chapter and of one of its sections, read back with
 * citation-js's own parsers (the BibTeX and RIS readers are independent of the writers' field
 * maps), and the CSL-JSON checked against the rules of the CSL data schema for the fields written.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { citationFile } from '../../src/citation/files.ts';
import { type CitedWork, cslItem } from '../../src/citation/reference.ts';
import { formatCitations, PARAGRAPH_PLACEHOLDER } from '../../src/citation/styles.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

let chapter: CitedWork;
let section: CitedWork;
beforeAll(async () => {
  const report = await validateContent(contentPaths('content'));
  const edition = report.editions.find((e) => e.id === '2026')!;
  const country = report.countries.find((c) => c.slug === 'kazakhstan')!;
  const theme = report.themes.find((t) => t.slug === 'freedom-of-association')!;
  chapter = { edition, country, url: 'https://example.org/reports/2026/kazakhstan/' };
  section = { edition, country, theme, url: 'https://example.org/reports/2026/kazakhstan/freedom-of-association/' };
});

/** What every reference manager must get right, whichever file it reads. */
function expectReport(data: Record<string, unknown>, work: CitedWork) {
  expect(data['type']).toBe('report');
  expect(data['title']).toBe(work.theme ? `Kazakhstan: ${work.theme.label}` : 'Kazakhstan');
  expect(data['publisher']).toBe(work.edition.publisher);
  expect(data['issued']).toEqual({ 'date-parts': [[2026]] });
  expect(data['URL']).toBe(work.url);
  // The edition, as container or series: reference managers print either.
  expect([data['container-title'], data['collection-title']]).toContain(work.edition.title);
  expect(JSON.stringify(data['author'])).toContain(work.edition.publisher);
}

describe.each([
  ['the chapter', () => chapter],
  ['a section', () => section],
])('citation files of %s', (_, work) => {
  it('BibTeX reads back as a report (a @techreport) with title, edition, publisher, year and URL', () => {
    const bib = citationFile(cslItem(work()), 'bib');
    expect(bib).toMatch(/^@techreport\{kazakhstan_(freedom_of_association_)?2026,/);
    const [data] = new Cite(bib).data;
    expectReport(data!, work());
  });

  it('RIS reads back as a report (TY - RPRT) with the same fields', () => {
    const ris = citationFile(cslItem(work()), 'ris');
    expect(ris).toMatch(/^TY {2}- RPRT$/m);
    const [data] = new Cite(ris).data;
    expectReport(data!, work());
  });

  it('CSL-JSON is a list of one valid item, read back unchanged', () => {
    const json = JSON.parse(citationFile(cslItem(work()), 'json'));
    expect(z.array(CSL_ITEM).length(1).safeParse(json).error?.issues ?? []).toEqual([]);
    expectReport(new Cite(json).data[0]!, work());
  });
});

describe('formatted citations', () => {
  it('give APA 7 and Harvard references naming publisher, year, title and URL, and a paragraph locator', () => {
    const styles = formatCitations(cslItem(section));
    expect(styles.map((s) => s.style.id)).toEqual(['apa', 'harvard']);
    for (const style of styles) {
      expect(style.referenceHtml).toContain('ILGA-Europe');
      expect(style.referenceHtml).toContain('(2026)');
      expect(style.referenceHtml).toContain('Kazakhstan: Freedom of association');
      expect(style.referenceHtml).toContain(section.url);
      expect(style.paragraphCitation).toBe(`(ILGA-Europe, 2026, para. ${PARAGRAPH_PLACEHOLDER})`);
    }
  });

  it('say "version of" the date of the newest correction', () => {
    const [apa] = formatCitations(cslItem({ ...section, correctedOn: '2026-03-01' }));
    expect(apa?.referenceHtml).toContain('(Version of 1 March 2026)');
    expect(citationFile(cslItem({ ...section, correctedOn: '2026-03-01' }), 'bib')).toContain('note = {Version of 1 March 2026}');
  });

  it('leave the date accessed as a placeholder where the style prints it', () => {
    const harvard = formatCitations(cslItem(section)).find((s) => s.style.id === 'harvard')!;
    expect(harvard.showsAccessDate).toBe(true);
    expect(harvard.referenceHtml).toContain('(Accessed: [date accessed])');
  });
});

/**
 * The rules of the CSL data schema (csl-data.json, citationstyles.org) for the fields this site
 * writes: the item types and variable names it allows, names as objects, dates as date-parts.
 */
const CSL_ITEM = z
  .object({
    id: z.union([z.string(), z.number()]),
    type: z.enum(['article', 'book', 'chapter', 'dataset', 'document', 'report', 'webpage']),
    'citation-key': z.string().optional(),
    title: z.string().min(1),
    author: z.array(z.union([z.object({ literal: z.string().min(1) }).strict(), z.object({ family: z.string(), given: z.string() })])),
    publisher: z.string().min(1),
    'container-title': z.string().min(1),
    issued: z
      .object({
        'date-parts': z
          .array(
            z
              .array(z.union([z.number().int(), z.string()]))
              .min(1)
              .max(3),
          )
          .min(1)
          .max(2),
      })
      .strict(),
    URL: z.url(),
    language: z.string(),
    version: z.string().optional(),
    note: z.string().optional(),
  })
  .strict();
