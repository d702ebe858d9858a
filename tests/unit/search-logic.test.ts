import { describe, expect, it } from 'vitest';
import {
  editionOfUrl,
  excerptAt,
  firstMatch,
  highlightTerms,
  isSearchShortcut,
  pagefindFilters,
  type ResultData,
  resultHref,
  searchFromState,
  segmentsFromExcerpt,
  stateFromParams,
  toResultView,
  withoutFilter,
} from '../../src/elements/site-search-logic.ts';
import { missingSpellings, normalizeWord, withVariants } from '../../src/search/transliterations.ts';

const SPELLINGS = [{ spellings: ['Majilis', 'Mazhilis'] }, { spellings: ['Yedil', 'Edil'] }];

describe('search state in the address', () => {
  it('reads the query and known filters, ignoring empty and unknown parameters', () => {
    const state = stateFromParams(new URLSearchParams('q=Feminita&theme=freedom-of-association&country=&page=2'));
    expect(state).toEqual({ q: 'Feminita', filters: { theme: 'freedom-of-association' } });
  });

  it('writes one canonical query string, so equal searches share a URL', () => {
    expect(searchFromState({ q: 'Feminita', filters: { theme: 'education', country: 'kazakhstan' } })).toBe(
      '?q=Feminita&country=kazakhstan&theme=education',
    );
    expect(searchFromState({ q: '  ', filters: {} })).toBe('');
  });

  it('round-trips hostile queries as text', () => {
    for (const q of ['<img src=x onerror=alert(1)>', '"Feminita" & \'quotes\'', '🏳️‍🌈 emoji', 'Казахстан', 'x'.repeat(500)]) {
      const search = searchFromState({ q, filters: {} });
      expect(stateFromParams(new URLSearchParams(search)).q).toBe(q);
    }
  });

  it('caps a query taken from a URL at 500 characters', () => {
    expect(stateFromParams(new URLSearchParams(`q=${'a'.repeat(2000)}`)).q).toHaveLength(500);
  });

  it('drops one filter to count the values of that filter', () => {
    expect(withoutFilter({ theme: 'education', country: 'kazakhstan' }, 'theme')).toEqual({ country: 'kazakhstan' });
  });

  it('gives Pagefind only the filters in use', () => {
    expect(pagefindFilters({ theme: 'education', region: '', country: 'kazakhstan' })).toEqual({
      country: 'kazakhstan',
      theme: 'education',
    });
    expect(pagefindFilters({})).toEqual({});
  });
});

describe('variant spellings', () => {
  it('compares words without case or accents', () => {
    expect(normalizeWord('MÄJILIS')).toBe(normalizeWord('majilis'));
  });

  it('adds every other spelling of a name in the query', () => {
    expect(withVariants('Mazhilis deputies', SPELLINGS)).toEqual(['Mazhilis', 'deputies', 'Majilis']);
    expect(withVariants('(Edil),', SPELLINGS)).toEqual(['(Edil),', 'Yedil', 'Edil']);
  });

  it('lists the spellings a section lacks, for the index', () => {
    expect(missingSpellings('deputies of the Majilis complained', SPELLINGS)).toEqual(['Mazhilis']);
    expect(missingSpellings('Yedil Zhanbyrshin, later Edil Zhanbyrshin', SPELLINGS)).toEqual([]);
    expect(missingSpellings('nothing to see', SPELLINGS)).toEqual([]);
  });

  it('highlights the variants but not one- or two-letter words', () => {
    expect(highlightTerms('Mazhilis of', SPELLINGS)).toEqual(['Mazhilis', 'Majilis']);
  });
});

describe('result links', () => {
  it('puts the highlight parameters before the section fragment', () => {
    expect(resultHref('/reports/2026/kazakhstan/#freedom-of-association', ['Feminita', 'Majilis'])).toBe(
      '/reports/2026/kazakhstan/?highlight=Feminita&highlight=Majilis#freedom-of-association',
    );
  });

  it('name their edition, read from the address under any base path', () => {
    expect(editionOfUrl('/2026/kazakhstan/#education')).toBe('2026');
    expect(editionOfUrl('/reports/2024/armenia/#education')).toBe('2024');
    expect(editionOfUrl('/1999/2024/kazakhstan/')).toBe('2024');
    expect(editionOfUrl('/search/')).toBe('');
  });

  it('encodes hostile terms', () => {
    const href = resultHref('/2026/kazakhstan/#education', ['<img src=x onerror=alert(1)>', '"']);
    expect(href).not.toMatch(/[<>"]/);
    expect(new URL(href, 'http://x').searchParams.getAll('highlight')).toEqual(['<img src=x onerror=alert(1)>', '"']);
  });
});

describe('excerpts', () => {
  it('turns Pagefind excerpts into text segments, decoding entities and never parsing markup', () => {
    expect(segmentsFromExcerpt('a &lt;img src=x onerror=alert(1)&gt; and <mark>Feminita</mark>&#39;s')).toEqual([
      { text: 'a <img src=x onerror=alert(1)> and ', marked: false },
      { text: 'Feminita', marked: true },
      { text: "'s", marked: false },
    ]);
  });

  it('builds an excerpt around another spelling of the searched name', () => {
    const content = 'Kazakhstan. Equality. In February, deputies of the Majilis complained about attacks.';
    const at = firstMatch(content, withVariants('Mazhilis', SPELLINGS));
    expect(at).toBe(7);
    const segments = excerptAt(content, at - 2, withVariants('Mazhilis', SPELLINGS), 4);
    expect(segments).toEqual([
      { text: '… ', marked: false },
      { text: 'of the ', marked: false },
      { text: 'Majilis', marked: true },
      { text: ' complained …', marked: false },
    ]);
  });

  it('shows a section found through metadata with the other spelling marked', () => {
    const data: ResultData = {
      url: '/2026/kazakhstan/#equality-and-non-discrimination',
      content: 'Kazakhstan. Equality and non-discrimination. In February, deputies of the Majilis complained.',
      excerpt: 'Kazakhstan. Equality and non-discrimination. In February, deputies of the Majilis complained.',
      meta: { title: 'Kazakhstan', country: 'Kazakhstan', spellings: 'Mazhilis' },
      filters: { theme: ['equality-and-non-discrimination'], region: ['Central Asia'] },
      anchors: [
        { element: 'h2', id: 'equality-and-non-discrimination', text: 'Equality and non-discrimination', location: 1 },
        { element: 'p', id: 'equality-and-non-discrimination-1', location: 4 },
      ],
      sub_results: [],
    };
    const view = toResultView(data, 'Mazhilis', SPELLINGS);
    expect(view.country).toBe('Kazakhstan');
    expect(view.edition).toBe('2026');
    expect(view.theme).toBe('Equality and non-discrimination');
    expect(view.href).toBe('/2026/kazakhstan/?highlight=Mazhilis&highlight=Majilis#equality-and-non-discrimination');
    expect(view.excerpt.filter((s) => s.marked).map((s) => s.text)).toEqual(['Majilis']);
  });
});

describe('keyboard shortcut', () => {
  const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
    key: k,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });
  it('takes / outside text fields and Ctrl/⌘+K anywhere', () => {
    expect(isSearchShortcut(key('/'), false)).toBe(true);
    expect(isSearchShortcut(key('/'), true)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true }), true)).toBe(true);
    expect(isSearchShortcut(key('K', { metaKey: true }), false)).toBe(true);
    expect(isSearchShortcut(key('k'), false)).toBe(false);
    expect(isSearchShortcut(key('k', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });
});

describe('a query repeated on the page', () => {
  it('is quoted, on one line and cut, never a sentence of the site', async () => {
    const { quotedQuery } = await import('../../src/elements/site-search-logic.ts');
    expect(quotedQuery('Feminita')).toBe('“Feminita”');
    const crafted = `Your session has expired.\n\nCall +1 555 0100 to restore access ${'x'.repeat(500)}`;
    const shown = quotedQuery(crafted);
    expect(shown.startsWith('“Your session has expired. Call')).toBe(true);
    expect(shown.endsWith('…”')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(62);
    expect(shown).not.toContain('\n');
  });
});

describe('the editions a search on the search page merges in', () => {
  it('is none for the newest, the one chosen, or every older one for all editions', async () => {
    const { olderEditions } = await import('../../src/elements/site-search-counts.ts');
    const editions = ['2026', '2025', '2024'];
    expect(olderEditions(editions, '2026', undefined)).toEqual([]);
    expect(olderEditions(editions, '2026', '2026')).toEqual([]);
    expect(olderEditions(editions, '2026', '2024')).toEqual(['2024']);
    expect(olderEditions(editions, '2026', 'all')).toEqual(['2025', '2024']);
    // A site of one edition has no edition list, so no newest: nothing is merged.
    expect(olderEditions(['2026'], '', 'all')).toEqual([]);
  });
});
