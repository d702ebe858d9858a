/**
 * The paragraphs as a table: one row per paragraph, UTF-8 without a byte-order mark, RFC 4180
 * (comma, double quotes doubled, CRLF), a header row. Written by csv-stringify. No BOM: most data
 * tools read one as part of the first column's name; spreadsheet users open the file through
 * their import dialogue and choose UTF-8.
 */
import { stringify } from 'csv-stringify/sync';
import type { ChapterExport } from './schema.ts';

/** The columns, in order, with what each holds (also the Table Schema of datapackage.json). */
export const CSV_COLUMNS = [
  { name: 'edition', type: 'string', description: 'The edition: its publication year.' },
  { name: 'country', type: 'string', description: 'The country’s slug, as in the chapter’s URL.' },
  { name: 'country_name', type: 'string', description: 'The country’s name.' },
  { name: 'iso', type: 'string', description: 'ISO 3166-1 alpha-2 code of the country.' },
  { name: 'region', type: 'string', description: 'The region the report groups the country under.' },
  { name: 'theme', type: 'string', description: 'The theme’s slug (the section’s id).' },
  { name: 'theme_label', type: 'string', description: 'The theme as a heading.' },
  { name: 'paragraph', type: 'integer', description: 'The paragraph’s number within its section.' },
  { name: 'id', type: 'string', description: 'The paragraph’s pinned id, <theme>-<n>.' },
  { name: 'url', type: 'string', format: 'uri', description: 'The paragraph’s permalink.' },
  { name: 'text', type: 'string', description: 'The paragraph’s text as published, word for word.' },
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number]['name'];

/** The rows of some chapters, in chapter, section and paragraph order. */
export function paragraphRows(
  chapters: readonly Pick<ChapterExport, 'edition' | 'country' | 'sections'>[],
): Record<CsvColumn, string | number>[] {
  return chapters.flatMap(({ edition, country, sections }) =>
    sections.flatMap((section) =>
      section.paragraphs.map((p) => ({
        edition: edition.id,
        country: country.slug,
        country_name: country.name,
        iso: country.iso,
        region: country.region,
        theme: section.theme,
        theme_label: section.label,
        paragraph: p.n,
        id: p.id,
        url: p.url,
        text: p.text,
      })),
    ),
  );
}

/** The CSV text of those chapters. */
export function paragraphsCsv(chapters: readonly Pick<ChapterExport, 'edition' | 'country' | 'sections'>[]): string {
  return stringify(paragraphRows(chapters), {
    header: true,
    columns: CSV_COLUMNS.map((c) => c.name),
    record_delimiter: 'windows',
  });
}
