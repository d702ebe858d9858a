import { describe, expect, it } from 'vitest';
import { indexDocuments, urlOfFile, withoutBodyIds } from '../../src/search/pagefind-index.ts';
import { parseTransliterations } from '../../src/validation/transliterations.ts';

const CHAPTER = `<!doctype html><html lang="en"><body>
<header>Site header</header>
<article data-pagefind-body data-country="kazakhstan" data-pagefind-filter="country[data-country]">
<h1 data-pagefind-meta="title">Kazakhstan</h1>
<section data-theme="education" data-pagefind-filter="theme[data-theme]"><h2 id="education">Education</h2><p>Schools and the Majilis.</p></section>
<section data-theme="human-rights-defenders" data-pagefind-filter="theme[data-theme]"><h2 id="human-rights-defenders">Human rights defenders</h2><p>Feminita members.</p></section>
</article></body></html>`;

describe('the search index', () => {
  it('gives one record per section, at the section’s address, without the other sections', () => {
    const docs = indexDocuments(CHAPTER, '/2026/kazakhstan/', []);
    expect(docs.map((d) => d.url)).toEqual(['/2026/kazakhstan/#education', '/2026/kazakhstan/#human-rights-defenders']);
    expect(docs[0]!.html).toContain('Schools');
    expect(docs[0]!.html).not.toContain('Feminita');
    expect(docs[1]!.html).toContain('Feminita');
    expect(docs[1]!.html).not.toContain('Schools');
    // What surrounds the sections (filters on <article>, the <h1>) stays in every record.
    for (const doc of docs) expect(doc.html).toContain('data-pagefind-filter="country[data-country]"');
  });

  it('adds the spellings a section lacks as metadata, never as text', () => {
    const spellings = [{ spellings: ['Majilis', 'Mazhilis'] }];
    const [education, defenders] = indexDocuments(CHAPTER, '/2026/kazakhstan/', spellings);
    expect(education!.html).toContain('<span data-pagefind-meta="spellings:Mazhilis"></span></section>');
    expect(defenders!.html).not.toContain('spellings:');
  });

  it('skips pages without report text and keeps other marked pages whole', () => {
    expect(indexDocuments('<html><body><h1>Home</h1></body></html>', '/', [])).toEqual([]);
    const page = '<html><body><main data-pagefind-body><h1>About</h1></main></body></html>';
    expect(indexDocuments(page, '/about/', [])).toEqual([{ url: '/about/', html: page }]);
  });

  it('keeps heading ids (sub-results) and drops paragraph ids (their text would be copied into every fragment)', () => {
    expect(withoutBodyIds('<h2 id="education">E</h2><p class="para" id="education-1">T</p><div data-id="x" id="y">')).toBe(
      '<h2 id="education">E</h2><p class="para">T</p><div data-id="x">',
    );
  });

  it('maps built files to site addresses', () => {
    expect(urlOfFile('2026/kazakhstan/index.html')).toBe('/2026/kazakhstan/');
    expect(urlOfFile('index.html')).toBe('/');
    expect(urlOfFile('404.html')).toBe('/404.html');
  });
});

describe('content/transliterations.yaml', () => {
  it('accepts groups of one-word spellings', () => {
    expect(parseTransliterations('- spellings: [Majilis, Mazhilis]\n  note: Parliament.\n', 'f.yaml')).toEqual([
      { spellings: ['Majilis', 'Mazhilis'], note: 'Parliament.' },
    ]);
  });

  it('explains each mistake with the file and the entry', () => {
    const source = '- spellings: [Majilis]\n- spellings: [Yedil, "Edil Zhanbyrshin"]\n- spellings: [Almaty, almaty]\n';
    const error = (() => {
      try {
        parseTransliterations(source, 'content/transliterations.yaml');
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(error).toContain('content/transliterations.yaml has');
    expect(error).toContain('entry 1, spellings: spellings must list at least two ways');
    expect(error).toContain('must be one word');
    expect(error).toContain('the same word twice');
  });

  it('refuses a word in two groups', () => {
    expect(() => parseTransliterations('- spellings: [Majilis, Mazhilis]\n- spellings: [Mazhilis, Mäjilis]\n', 'f.yaml')).toThrow(
      /"Mazhilis" is already a spelling in group 1/,
    );
  });
});
