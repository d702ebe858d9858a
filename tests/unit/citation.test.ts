import { describe, expect, it } from 'vitest';
import { citeSection, formatAccessDate } from '../../src/citation/plain-text.ts';

const section = {
  publisher: 'ILGA-Europe',
  editionTitle: 'Annual Review 2026',
  publicationYear: 2026,
  country: 'Kazakhstan',
  theme: 'Freedom of association',
  url: 'https://example.org/reports/2026/kazakhstan/#freedom-of-association',
};

describe('citing a section', () => {
  it('names publisher, year, edition, country, theme, URL and the date accessed', () => {
    expect(citeSection(section, new Date(Date.UTC(2026, 10, 25)))).toBe(
      'ILGA-Europe (2026). Annual Review 2026. Kazakhstan: Freedom of association. ' +
        'https://example.org/reports/2026/kazakhstan/#freedom-of-association (accessed 25 November 2026).',
    );
  });

  it('leaves a visible placeholder when the date accessed is not known', () => {
    expect(citeSection(section)).toMatch(/\(accessed \[date accessed\]\)\.$/);
  });

  it('writes dates unambiguously, day month year', () => {
    expect(formatAccessDate(new Date(Date.UTC(2026, 0, 3)))).toBe('3 January 2026');
  });
});

describe('citing a paragraph, a chapter, a corrected section', () => {
  it('names the paragraph as "para. n" and links to it', () => {
    expect(citeSection({ ...section, paragraph: 2, url: `${section.url}-2` }, new Date(Date.UTC(2026, 10, 25)))).toBe(
      'ILGA-Europe (2026). Annual Review 2026. Kazakhstan: Freedom of association, para. 2. ' +
        'https://example.org/reports/2026/kazakhstan/#freedom-of-association-2 (accessed 25 November 2026).',
    );
  });

  it('cites a chapter by its country alone, and a corrected text by its version', () => {
    expect(citeSection({ ...section, theme: undefined, correctedOn: '1 March 2026' })).toContain(
      'Annual Review 2026. Kazakhstan. Version of 1 March 2026. https://',
    );
  });
});
