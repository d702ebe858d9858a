/**
 * Importing from a PDF laid out like the published review (tests/fixtures/import/review-pdf.ts,
 * synthetic, printed here by Chromium): two chapters found by their country headings, the
 * sections an editor expects, links on exactly their words, and a report that lists the running
 * headers, page numbers, footnote, hyphens and cover it left out or mended, with page and line.
 * The same text exported by pdftotext, with and without -layout, gives the same sections.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.ts';
import { runPdfImport } from '../../src/import/review.ts';
import { runImport } from '../../src/import/run.ts';
import { renderSection } from '../fixtures/import/render.ts';
import { printReview, REVIEW_LINKS, REVIEW_SECTIONS } from '../fixtures/import/review-pdf.ts';

let work: string;
let pdf: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'import-pdf-'));
  pdf = printReview(work);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

let folders = 0;
/** A content folder with the real data files, Moldova added (synthetic, in the temporary folder only). */
function contentFolder(withMoldova = true): string {
  const content = path.join(work, `content-${folders++}`);
  mkdirSync(path.join(content, 'sections'), { recursive: true });
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) copyFileSync(path.join('content', file), path.join(content, file));
  if (withMoldova) appendFileSync(path.join(content, 'countries.yaml'), 'moldova:\n  name: Moldova\n  iso: MD\n  region: Eastern Europe\n');
  return content;
}

function published(content: string) {
  const root = path.join(content, 'sections', '2026');
  const chapters: Record<string, Record<string, string[]>> = {};
  const links: { text: string; url: string }[] = [];
  for (const country of readdirSync(root)) {
    chapters[country] = {};
    for (const name of readdirSync(path.join(root, country))) {
      const rendered = renderSection(readFileSync(path.join(root, country, name), 'utf8'));
      expect(rendered.foreign).toEqual([]);
      chapters[country][name.replace(/\.mdx$/, '')] = rendered.paragraphs;
      links.push(...rendered.links);
    }
  }
  return { chapters, links };
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
      try {
        return [[name, readFileSync(path.join(dir, name), 'latin1')]];
      } catch {
        return [];
      }
    }),
  );
}

describe('a two-chapter PDF laid out like the published review', () => {
  it('gives each chapter its sections, word for word, links on exactly their words', async () => {
    const content = contentFolder();
    const outcome = await runPdfImport({ file: pdf, edition: '2026', contentDir: content });
    expect(outcome.written).toBe(true);
    expect(outcome.chapters.map((c) => c.country.slug)).toEqual(['kazakhstan', 'moldova']);
    const { chapters, links } = published(content);
    expect(chapters).toEqual(REVIEW_SECTIONS);
    expect(links).toEqual(REVIEW_LINKS);
  });

  it('lists what it left out or mended, with page and line', async () => {
    const outcome = await runPdfImport({ file: pdf, edition: '2026', contentDir: contentFolder(), dryRun: true });
    const kazakhstan = outcome.chapters[0]!.report.changes;
    const kinds = (kind: string) => kazakhstan.filter((c) => c.kind === kind).map((c) => [c.page, c.text]);
    expect(kinds('running header or footer')).toEqual([[3, 'ILGA-Europe Annual Review 2026']]);
    expect(kinds('page number')).toEqual(expect.arrayContaining([[2, 'Page 2']]));
    expect(kinds('footnote')).toEqual([[2, '1 https://example.org/footnote-source']]);
    expect(kinds('footnote marker')).toEqual([[2, '1']]);
    expect(kinds('hyphen mended')).toEqual([[2, 'described']]);
    expect(kinds('hyphen kept')).toEqual([[2, 'so-called']]);
    expect(kinds('heading joined').length).toBe(1);
    // The cover, and page 2's header above the chapter heading, come before the first chapter.
    expect(outcome.before.map((c) => [c.page, c.text])).toEqual(
      expect.arrayContaining([
        [1, 'Annual Review 2026'],
        [1, 'Contents: Kazakhstan, Moldova'],
        [2, 'ILGA-Europe Annual Review 2026'],
      ]),
    );
    expect(outcome.chapters.every((c) => !c.written)).toBe(true);
  });

  it('imports one chapter with --country, and the pages asked for with --pages', async () => {
    const one = await runPdfImport({ file: pdf, edition: '2026', country: 'Moldova', contentDir: contentFolder() });
    expect(one.chapters.map((c) => c.country.slug)).toEqual(['moldova']);
    const part = await runPdfImport({ file: pdf, edition: '2026', pages: '3', contentDir: contentFolder(), dryRun: true });
    expect(part.chapters.map((c) => c.country.slug)).toEqual(['moldova']);
    expect(part.pages).toEqual({ read: 1, total: 3 });
  });

  it('refuses, naming the chapter, and leaves the content untouched', async () => {
    // Moldova is not in countries.yaml: its chapter is found, and refused with what its entry needs.
    const content = contentFolder(false);
    const before = snapshot(content);
    const error = await runPdfImport({ file: pdf, edition: '2026', contentDir: content }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toMatch(
      /^Moldova, chapter: "Moldova" \(MD\) is not in content\/countries.yaml yet. To add it, pass its region with --region/,
    );
    expect(snapshot(content)).toEqual(before);
    const pages = await runPdfImport({ file: pdf, edition: '2026', pages: '4-9', contentDir: content }).catch((e: unknown) => e);
    expect((pages as Error).message).toMatch(/--pages "4-9" is not a range of this PDF's pages \(1 to 3\)/);
    expect(snapshot(content)).toEqual(before);
  });
});

describe('the same review exported as text', () => {
  for (const flags of [['-layout'], []]) {
    it(`gives the same sections (pdftotext ${flags.join(' ') || 'without -layout'})`, async () => {
      const text = path.join(work, `kazakhstan${flags.join('')}.txt`);
      execFileSync('pdftotext', [...flags, '-enc', 'UTF-8', '-f', '2', '-l', '2', pdf, text]);
      const content = contentFolder();
      const outcome = await runImport({ file: text, country: 'kazakhstan', edition: '2026', contentDir: content });
      // Page 2 holds the Education section: the text path has the same words, links as plain words.
      const education = REVIEW_SECTIONS.kazakhstan.education;
      if (flags.length) {
        expect(published(content).chapters['kazakhstan']).toEqual({ education });
      } else {
        // pdftotext without -layout joins "so-" / "called" itself: kept as exported, and warned about.
        expect(published(content).chapters['kazakhstan']).toEqual({
          education: [education[0]!.replace('so-called', 'socalled'), education[1]],
        });
        expect(outcome.report.warnings).toEqual([expect.stringMatching(/"socalled" occurs only here, and "so-called" elsewhere/)]);
      }
    });
  }
});
