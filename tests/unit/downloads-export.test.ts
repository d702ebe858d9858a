/**
 * The pure parts of the downloads, on small synthetic input (labelled so): reading paragraphs
 * from a rendered section, the CSV read back by an independent parser, the schema's errors, the
 * data package descriptor and the EPUB's container.
 */
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { paragraphsCsv } from '../../src/downloads/csv.ts';
import { epubBytes } from '../../src/downloads/epub.ts';
import { sectionParagraphs } from '../../src/downloads/paragraphs.ts';
import { type ChapterExport, chapterExportSchema, FORMAT_VERSION, parseExport } from '../../src/downloads/schema.ts';
import { ReportError } from '../../src/lib/problems.ts';

const SITE = new URL('https://example.org/');

// Synthetic: not report content.
const SECTION_HTML = `<div class="para"><a class="permalink para-number" href="/2026/testland/#education-1" data-n="1"></a><p id="education-1">Synthetic   text
with a <a href="/2026/testland/#human-rights-defenders">cross-reference</a>, "quotes", commas, and <em>emphasis</em>. </p></div>
<div class="para"><a class="permalink para-number" href="/2026/testland/#education-2" data-n="2"></a><p id="education-2"><a href="https://example.net/source">A source</a> opens the paragraph.</p></div>`;

function syntheticChapter(): ChapterExport {
  const paragraphs = sectionParagraphs(SECTION_HTML, 'education', SITE, 'synthetic.mdx');
  return {
    formatVersion: FORMAT_VERSION,
    edition: {
      id: '2026',
      title: 'Synthetic edition',
      shortTitle: 'Synthetic 2026',
      publicationYear: 2026,
      periodCovered: '2025',
      publisher: 'Synthetic publisher',
      licence: { name: 'Synthetic licence' },
      url: 'https://example.org/2026/',
    },
    country: { slug: 'testland', name: 'Testland', iso: 'TL', region: 'Nowhere' },
    url: 'https://example.org/2026/testland/',
    sections: [
      {
        theme: 'education',
        label: 'Education',
        url: 'https://example.org/2026/testland/#education',
        corrections: [],
        paragraphs: paragraphs.map((p) => ({
          id: p.id,
          n: p.n,
          url: `https://example.org/2026/testland/#${p.id}`,
          text: p.text,
          links: p.parts.flatMap((x) => (typeof x === 'string' ? [] : [x])),
        })),
      },
    ],
  };
}

describe('paragraphs read from a rendered section', () => {
  it('keeps ids, numbers and the text as a browser shows it, with links made absolute', () => {
    const [first, second] = sectionParagraphs(SECTION_HTML, 'education', SITE, 'synthetic.mdx');
    expect(first?.id).toBe('education-1');
    expect(first?.text).toBe('Synthetic text with a cross-reference, "quotes", commas, and emphasis.');
    expect(first?.parts).toContainEqual({ text: 'cross-reference', href: 'https://example.org/2026/testland/#human-rights-defenders' });
    expect(second?.parts[0]).toEqual({ text: 'A source', href: 'https://example.net/source' });
    expect(second?.text).toBe('A source opens the paragraph.');
  });

  it('refuses a section whose ids are not the pinned ones, naming the file and the paragraph', () => {
    const html = '<div class="para"><p id="education-2">Out of order.</p></div>';
    expect(() => sectionParagraphs(html, 'education', SITE, 'sections/2026/testland/education.mdx')).toThrow(
      /sections\/2026\/testland\/education\.mdx: paragraph 1 has id "education-2"/,
    );
  });
});

describe('the CSV', () => {
  it('reads back with csv-parse to the same texts, one row per paragraph, CRLF and a header', () => {
    const chapter = syntheticChapter();
    const csv = paragraphsCsv([chapter]);
    expect(csv.split('\r\n')[0]).toBe('edition,country,country_name,iso,region,theme,theme_label,paragraph,id,url,text');
    const rows = parse(csv, { columns: true, record_delimiter: '\r\n' }) as Record<string, string>[];
    expect(rows.map((r) => r['text'])).toEqual(chapter.sections[0]?.paragraphs.map((p) => p.text));
    expect(rows[0]).toMatchObject({ iso: 'TL', region: 'Nowhere', paragraph: '1', id: 'education-1' });
  });
});

describe('the export schema', () => {
  it('names the file and the field when an export breaks it', () => {
    const chapter = syntheticChapter() as unknown as { country: { iso: string } };
    chapter.country.iso = 'Testland';
    let error: unknown;
    try {
      parseExport(chapterExportSchema, chapter, 'sections/2026/testland/');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).message).toMatch(/sections\/2026\/testland\/.*country\.iso/);
  });
});

describe('the EPUB container', () => {
  it('starts with an uncompressed mimetype and holds the package, the contents and the chapter', () => {
    const chapter = syntheticChapter();
    const paragraphs = new Map([['education', sectionParagraphs(SECTION_HTML, 'education', SITE, 'synthetic.mdx')]]);
    const bytes = epubBytes({
      edition: chapter.edition,
      title: 'Testland',
      source: chapter.url,
      chapters: [{ data: chapter, paragraphs }],
    });
    // The first local header: signature, then the name `mimetype` at offset 30, stored (method 0).
    expect(strFromU8(bytes.slice(30, 38))).toBe('mimetype');
    expect(bytes[8]).toBe(0);
    const files = unzipSync(bytes);
    expect(strFromU8(files['mimetype'] ?? new Uint8Array())).toBe('application/epub+zip');
    const xhtml = strFromU8(files['OEBPS/country-testland.xhtml'] ?? new Uint8Array());
    // A cross-reference to a chapter in the book stays in the book; a source keeps its address.
    expect(xhtml).toContain('<a href="country-testland.xhtml#human-rights-defenders">cross-reference</a>');
    expect(xhtml).toContain('<a href="https://example.net/source">A source</a>');
    expect(xhtml).toContain('<a class="n" href="https://example.org/2026/testland/#education-1"');
    // Same content, same bytes: nothing depends on the clock.
    expect(
      epubBytes({ edition: chapter.edition, title: 'Testland', source: chapter.url, chapters: [{ data: chapter, paragraphs }] }),
    ).toEqual(bytes);
  });
});
