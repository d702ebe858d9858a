/**
 * The build formats citations from parts citeproc makes once per edition and per title
 * (src/citation/format-shared.ts). Every citation must be the one citeproc makes of the whole item:
 * here both ways format the items of every theme and of the review's countries, chapters and
 * corrected sections in several editions, and names citeproc changes or joins to their neighbours.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sharedFormatter } from '../../src/citation/format-shared.ts';
import { citedWork } from '../../src/citation/page.ts';
import { type CslItem, cslItem } from '../../src/citation/reference.ts';
import { type FormattedCitation, formatCitations } from '../../src/citation/styles.ts';
import { REVIEW_COUNTRIES } from '../../src/quality/review-countries.ts';

const themes = Object.entries(parse(readFileSync('content/themes.yaml', 'utf8')) as Record<string, { label: string }>).map(
  ([slug, { label }]) => ({ slug, label }),
);
const editions = [
  {
    id: '2026',
    title: 'Annual Review of the Human Rights Situation of LGBTI People in Europe and Central Asia 2026',
    publicationYear: 2026,
    publisher: 'ILGA-Europe',
  },
  {
    id: '2014',
    title: 'SYNTHETIC BENCHMARK EDITION 2014: 8 countries of generated text, not a report',
    publicationYear: 2014,
    publisher: 'Synthetic benchmark (generated text, no publisher)',
  },
];
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const countries = REVIEW_COUNTRIES.map(({ name }) => ({ name, slug: slug(name) }));
/** Names citeproc changes (quotes, apostrophes, markup) or joins to what follows (end punctuation), and others near the edge. */
const awkward = [
  "Côte d'Ivoire",
  'The "Republic"',
  'A & B',
  'Ends with a full stop.',
  'Why?',
  'lower case start',
  '<i>Italic</i>',
  'St. Kitts',
  'Name (Short)',
  '1 Numbered',
];

function items(): CslItem[] {
  const out: CslItem[] = [];
  const item = (
    edition: (typeof editions)[number],
    country: { name: string; slug: string },
    theme?: { slug: string; label: string },
    correctedOn?: string,
  ) =>
    out.push(
      cslItem(
        citedWork({
          edition,
          country,
          theme,
          corrections: correctedOn ? [{ date: correctedOn }] : [],
          site: 'https://example.org',
          base: '/reports/',
        }),
      ),
    );
  for (const edition of editions) {
    for (const country of countries.slice(0, 2)) for (const theme of themes) item(edition, country, theme);
    for (const country of countries) item(edition, country);
    for (const theme of themes.slice(0, 3)) item(edition, countries[0]!, theme, '2026-06-02');
    for (const name of awkward) {
      item(edition, { name, slug: slug(name) });
      item(edition, { name, slug: slug(name) }, themes[0]);
      item(edition, countries[1]!, { slug: 'odd', label: name });
    }
  }
  // Addresses citeproc would escape, under a base path with an ampersand.
  out.push(
    cslItem(citedWork({ edition: editions[0]!, country: countries[0]!, theme: themes[0], site: 'https://example.org', base: '/a&b/' })),
  );
  return out;
}

function counting(): { format: (item: CslItem) => FormattedCitation[]; calls: () => number } {
  let calls = 0;
  return {
    format: (item) => {
      calls++;
      return formatCitations(item);
    },
    calls: () => calls,
  };
}

describe('citations formatted from shared parts', () => {
  it('are what citeproc makes of each whole item', () => {
    const shared = sharedFormatter(formatCitations);
    for (const item of items()) expect(shared(item), `${item.title} ${item.URL}`).toEqual(formatCitations(item));
  }, 60_000);

  it('call citeproc once per title and twice per edition, however many editions share them', () => {
    const { format, calls } = counting();
    const shared = sharedFormatter(format);
    const titles = themes.slice(0, 5);
    for (const year of [2026, 2025, 2024, 2023]) {
      const edition = { ...editions[0]!, id: String(year), publicationYear: year };
      for (const theme of titles)
        shared(cslItem(citedWork({ edition, country: countries[0]!, theme, site: 'https://example.org', base: '/' })));
    }
    expect(calls()).toBe(titles.length + 2 * 4);
  });
});
