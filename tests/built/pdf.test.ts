/**
 * The pure parts of the PDF job (src/pdf/): finding chapters in the sitemap, the header and
 * footer decision, public links, the metadata update (read back with pdfinfo), and the text
 * comparison the Kazakhstan PDF test relies on.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chaptersOf, formatSize, selectChapters, sitemapBase, sitemapPaths } from '../../src/pdf/chapters.ts';
import { parseDictionary, pdfTextString, setInfo } from '../../src/pdf/info.ts';
import { headerFooter, publicHref } from '../../src/pdf/print-options.ts';
import { bodyLines, firstMissing, joinLines, parseOutline, pdfInfo, sections } from '../../src/pdf/read-back.ts';

const sitemap = (base: string) => `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${[
  '',
  '2026/',
  '2026/themes/',
  '2026/themes/asylum/',
  '2026/about/',
  '2026/corrections/',
  '2026/kazakhstan/',
  '2026/kazakhstan/asylum/',
  '2025/albania/',
  'search/',
]
  .map((p) => `  <url><loc>https://example.org${base}${p}</loc></url>`)
  .join('\n')}
</urlset>`;

describe('chapters from the sitemap', () => {
  it('finds /<edition>/<country>/ pages and the base path', () => {
    for (const base of ['/', '/reports/']) {
      const paths = sitemapPaths(sitemap(base));
      expect(sitemapBase(paths)).toBe(base);
      expect(chaptersOf(paths, base)).toEqual([
        { edition: '2026', country: 'kazakhstan', path: `${base}2026/kazakhstan/`, file: '2026-kazakhstan.pdf' },
        { edition: '2025', country: 'albania', path: `${base}2025/albania/`, file: '2025-albania.pdf' },
      ]);
    }
  });

  it('selects by chapter or edition, and refuses a filter that names nothing', () => {
    const chapters = chaptersOf(sitemapPaths(sitemap('/')), '/');
    expect(selectChapters(chapters, ['2026-kazakhstan']).map((c) => c.country)).toEqual(['kazakhstan']);
    expect(selectChapters(chapters, ['2025']).map((c) => c.country)).toEqual(['albania']);
    expect(selectChapters(chapters, [])).toHaveLength(2);
    expect(() => selectChapters(chapters, ['2026-kazakstan'])).toThrow(/names no chapter.*2026-kazakhstan/);
  });

  it('prints sizes as readers think of them', () => {
    expect(formatSize(421_888)).toBe('412 KB');
    expect(formatSize(1_363_149)).toBe('1.3 MB');
  });
});

describe('running header and page numbers', () => {
  it('leaves them to the stylesheet when its @page margin boxes draw them', () => {
    expect(headerFooter(['top-center', 'bottom-center'], 'Kazakhstan · Annual Review 2026')).toEqual({ displayHeaderFooter: false });
  });

  it('fills only the margins the stylesheet leaves empty, escaping the text', () => {
    const both = headerFooter([], 'A & <B>');
    expect(both.displayHeaderFooter).toBe(true);
    expect(both.headerTemplate).toContain('A &#38; &#60;B&#62;');
    expect(both.footerTemplate).toContain('<span class="pageNumber"></span>');
    const footerOnly = headerFooter(['top-center'], 'X');
    expect(footerOnly.headerTemplate).toBe('<span></span>');
    expect(footerOnly.footerTemplate).toContain('totalPages');
  });
});

describe('links in the printed chapter', () => {
  const page = 'http://127.0.0.1:4600/reports/2026/kazakhstan/';
  const canonical = 'https://example.org/reports/2026/kazakhstan/';

  it('keeps links within the chapter, so that they stay links within the PDF', () => {
    expect(publicHref(`${page}#asylum`, page, canonical)).toBeUndefined();
  });

  it('gives links to other pages of the site their public address', () => {
    expect(publicHref('http://127.0.0.1:4600/reports/2026/themes/asylum/', page, canonical)).toBe(
      'https://example.org/reports/2026/themes/asylum/',
    );
    expect(publicHref('http://127.0.0.1:4600/reports/2026/albania/#asylum', page, canonical)).toBe(
      'https://example.org/reports/2026/albania/#asylum',
    );
  });

  it('leaves links to other sites alone', () => {
    expect(publicHref('https://www.ohchr.org/en/x', page, canonical)).toBeUndefined();
    expect(publicHref('mailto:a@example.org', page, canonical)).toBeUndefined();
  });
});

/** A one-page PDF with a classic cross-reference table, like Chromium's. */
function minimalPdf(info?: string): Uint8Array {
  const objects = [
    '<</Type /Catalog /Pages 2 0 R /MarkInfo <</Marked true>>>>',
    '<</Type /Pages /Kids [3 0 R] /Count 1>>',
    '<</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>>',
    ...(info ? [info] : []),
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<</Size ${objects.length + 1}\n/Root 1 0 R${info ? '\n/Info 4 0 R' : ''}>>\nstartxref\n${xref}\n%%EOF`;
  return new TextEncoder().encode(body);
}

describe('setting the Author by an incremental update', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'pdf-info-'));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const infoOf = async (bytes: Uint8Array) => {
    const file = path.join(folder, `${Math.random().toString(36).slice(2)}.pdf`);
    await writeFile(file, bytes);
    return pdfInfo(file);
  };

  it('reads dictionaries with strings, names, arrays and references', () => {
    expect(parseDictionary('<</Title (A \\(b\\) (c)) /T <FEFF0041> /Root 174 0 R /ID [<01> <02>] /N /Name /K 3>>')).toEqual([
      ['Title', '(A \\(b\\) (c))'],
      ['T', '<FEFF0041>'],
      ['Root', '174 0 R'],
      ['ID', '[<01> <02>]'],
      ['N', '/Name'],
      ['K', '3'],
    ]);
  });

  it('encodes text as PDF strings', () => {
    expect(pdfTextString('ILGA-Europe (Brussels)')).toBe('(ILGA-Europe \\(Brussels\\))');
    expect(pdfTextString('Ñ')).toBe('<FEFF00D1>');
  });

  it('keeps the existing entries, adds the Author, and leaves the original bytes as they were', async () => {
    const original = minimalPdf('<</Title (Kazakhstan \\(2026\\)) /Producer (Skia/PDF)>>');
    const updated = setInfo(original, { Author: 'ILGA-Europe' });
    expect(updated.subarray(0, original.length)).toEqual(original);
    const info = await infoOf(updated);
    expect(info['Title']).toBe('Kazakhstan (2026)');
    expect(info['Producer']).toBe('Skia/PDF');
    expect(info['Author']).toBe('ILGA-Europe');
    expect(info['Pages']).toBe('1');
  });

  it('adds an Info dictionary where there is none, and can update an update', async () => {
    const once = setInfo(minimalPdf(), { Author: 'First' });
    expect((await infoOf(once))['Author']).toBe('First');
    const twice = setInfo(once, { Author: 'Fundación Ñ', Subject: 'x' });
    const info = await infoOf(twice);
    expect(info['Author']).toBe('Fundación Ñ');
    expect(info['Subject']).toBe('x');
  });

  it('refuses files it cannot update safely', () => {
    expect(() => setInfo(new TextEncoder().encode('not a pdf'), { Author: 'x' })).toThrow(/no startxref/);
  });
});

describe('reading the PDF back', () => {
  it('parses the outline pdftohtml prints', () => {
    const xml = `<page number="1"><text>x</text></page>\n<outline>\n<item page="1">Kazakhstan</item>\n<outline>\n<item page="1">Bias-motivated speech</item>\n<item page="2">Access to goods &amp; services</item>\n</outline>\n</outline>\n</pdf2xml>`;
    expect(parseOutline(xml)).toEqual([
      {
        title: 'Kazakhstan',
        page: 1,
        children: [
          { title: 'Bias-motivated speech', page: 1, children: [] },
          { title: 'Access to goods & services', page: 2, children: [] },
        ],
      },
    ]);
    expect(parseOutline('<pdf2xml></pdf2xml>')).toEqual([]);
  });

  const raw = [
    'Kazakhstan · Annual Review 2026',
    '1 / 2',
    'Education',
    'Officials were framing gender-',
    'affirming care as a threat. The ministry',
    '\fKazakhstan · Annual Review 2026',
    '2 / 2',
    'published a re-',
    'view of the evidence.',
    'Asylum',
    'No case was recorded.',
  ].join('\n');

  it('drops the running header and page numbers, and joins lines across pages', () => {
    const lines = bodyLines(raw, ['Kazakhstan · Annual Review 2026']);
    expect(lines).not.toContain('1 / 2');
    const bySection = sections(lines, ['Education', 'Asylum']);
    expect(
      firstMissing(bySection.get('Education')!, [
        'Officials were framing gender-affirming care as a threat.',
        'The ministry published a re-view of the evidence.',
      ]),
    ).toBeUndefined();
    expect(firstMissing(bySection.get('Asylum')!, ['No case was recorded.'])).toBeUndefined();
  });

  it('notices a changed, missing or reordered word, or a lost hyphen', () => {
    const education = sections(bodyLines(raw, ['Kazakhstan · Annual Review 2026']), ['Education', 'Asylum']).get('Education')!;
    expect(
      firstMissing(joinLines(['Officials were framing genderaffirming care as a threat.']), [
        'Officials were framing gender-affirming care as a threat.',
      ]),
    ).toBeDefined();
    expect(firstMissing(education, ['Officials framed gender-affirming care as a threat.'])).toBeDefined();
    expect(
      firstMissing(education, [
        'The ministry published a review of the evidence.',
        'Officials were framing gender-affirming care as a threat.',
      ]),
    ).toBeDefined();
    // A hyphen at a line end is the text's own, unless the stylesheet hyphenates words.
    expect(firstMissing(education, ['The ministry published a re-view of the evidence.'])).toBeUndefined();
    expect(firstMissing(education, ['The ministry published a review of the evidence.'])).toBeDefined();
    expect(firstMissing(education, ['The ministry published a review of the evidence.'], { hyphenation: true })).toBeUndefined();
    expect(firstMissing(education, ['Officials were framing genderaffirming care as a threat.'])).toBeDefined();
    expect(joinLines(['a', 'b'])).toBe('a b');
  });

  it('says which heading is missing', () => {
    expect(() => sections(['Asylum', 'Education'], ['Education', 'Asylum'])).toThrow(/"Asylum" is not a line/);
  });
});

describe('the command', () => {
  it('explains a failure to read the built site in one sentence, without a stack trace, and exits 2', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'pdf-command-'));
    try {
      // An unreadable sitemap (a folder where the file should be: chmod cannot stop root).
      await mkdir(path.join(site, 'sitemap.xml'));
      const run = (env: Record<string, string> = {}) =>
        spawnSync(process.execPath, ['scripts/pdf.ts', '--site', site, '--out', path.join(site, 'out')], {
          encoding: 'utf8',
          env: { ...process.env, DEBUG: '', ...env },
        });
      const result = run();
      expect(result.status).toBe(2);
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(
        new RegExp(`^pdf: Cannot read ${path.join(site, 'sitemap.xml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(EISDIR`),
      );
      expect(lines[0]).toMatch(/run `npm run build` again\.$/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      // DEBUG=1 adds the cause, for whoever has to look further.
      const debug = run({ DEBUG: '1' });
      expect(debug.status).toBe(2);
      expect(debug.stderr).toMatch(/\n\s+at /);
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });
});
