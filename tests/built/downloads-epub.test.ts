/**
 * The EPUBs of the built site (OUT_DIR, default dist) pass EPUBCheck (Debian's `epubcheck`, run
 * with Java) with no error and no warning, and carry the chapter page's text, paragraph numbers
 * and permalinks, a table of contents by theme and their metadata.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';

const SITE = process.env['OUT_DIR'] ?? 'dist';
const EPUBCHECK = process.env['EPUBCHECK_JAR'] ?? '/usr/share/java/epubcheck.jar';
const epub = (file: string) => path.join(SITE, 'data/2026', file);
const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** EPUBCheck's message counts for one file. */
function epubcheck(file: string): { fatals: number; errors: number; warnings: number; output: string } {
  if (!existsSync(EPUBCHECK)) throw new Error(`EPUBCheck is missing at ${EPUBCHECK}: apt-get install epubcheck (or set EPUBCHECK_JAR).`);
  let output: string;
  try {
    output = execFileSync('java', ['-jar', EPUBCHECK, file], { encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  const counts = /Messages: (\d+) fatals? \/ (\d+) errors? \/ (\d+) warnings?/.exec(output);
  if (!counts) throw new Error(`EPUBCheck printed no summary for ${file}:\n${output}`);
  return { fatals: Number(counts[1]), errors: Number(counts[2]), warnings: Number(counts[3]), output };
}

describe('EPUBCheck', () => {
  for (const file of ['2026-kazakhstan.epub', '2026.epub']) {
    it(`finds no error and no warning in ${file}`, () => {
      const result = epubcheck(epub(file));
      expect(result, result.output).toMatchObject({ fatals: 0, errors: 0, warnings: 0 });
    });
  }

  it('reports an error in a book without its navigation document (the check can fail)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'downloads-epub-'));
    try {
      const { mimetype, 'OEBPS/nav.xhtml': _nav, ...rest } = unzipSync(readFileSync(epub('2026-kazakhstan.epub')));
      const broken = path.join(dir, 'broken.epub');
      writeFileSync(broken, zipSync({ mimetype: [mimetype ?? new Uint8Array(), { level: 0 }], ...rest }));
      expect(epubcheck(broken).errors).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the Kazakhstan EPUB', () => {
  const files = () => unzipSync(readFileSync(epub('2026-kazakhstan.epub')));
  const text = (name: string) => strFromU8(files()[name] ?? new Uint8Array());

  it('holds each paragraph of the page, word for word, after its number linked to its permalink', () => {
    const page = fromHtml(readFileSync(path.join(SITE, '2026/kazakhstan/index.html'), 'utf8'));
    const published = selectAll('[data-section-body] p[id]', page).map((p: Element) => [String(p.properties['id']), clean(toText(p))]);
    const book = fromHtml(text('OEBPS/country-kazakhstan.xhtml'));
    const paragraphs = selectAll('p[id]', book);
    expect(paragraphs.map((p: Element) => String(p.properties['id']))).toEqual(published.map(([id]) => id));
    paragraphs.forEach((p: Element, i: number) => {
      const [id, words] = published[i] ?? [];
      const number = select('a.n', p);
      expect(number && toText(number)).toBe(id?.replace(/^.*-/, ''));
      expect(String(number?.properties['href'])).toMatch(new RegExp(`/2026/kazakhstan/#${id}$`));
      expect(clean(toText(p)).replace(/^\d+ /, ''), id).toBe(words);
    });
  });

  it('has a table of contents with one entry per theme, and the title, publisher, language, date and identifier', () => {
    const nav = fromHtml(text('OEBPS/nav.xhtml'));
    const entries = selectAll('nav li a', nav).map((a: Element) => toText(a));
    expect(entries).toContain('Freedom of association');
    expect(entries).toHaveLength(1 + 10); // the title page and the ten themes
    const opf = text('OEBPS/package.opf');
    expect(opf).toContain('<dc:title>Kazakhstan: Annual Review 2026</dc:title>');
    expect(opf).toContain('<dc:publisher>ILGA-Europe</dc:publisher>');
    expect(opf).toContain('<dc:language>en</dc:language>');
    expect(opf).toMatch(/<dc:date>2026(-\d\d-\d\d)?<\/dc:date>/);
    expect(opf).toMatch(/<dc:identifier id="pub-id">https?:\/\/[^<]+\/2026\/kazakhstan\/<\/dc:identifier>/);
  });
});
