/**
 * A new edition, for `--edition 2027 --new-edition "<title>"`: the entry appended to
 * content/editions.yaml, its other fields taken from the newest edition already there (publisher,
 * licence) or worked out from the year (short title, period covered), so an editor gives only the
 * title. The entry is checked with the rest of the data files (in a staged copy) before anything
 * is written; an editor edits the summary afterwards, as the report says.
 */
import { parseDocument, stringify } from 'yaml';
import { ImportError } from './errors.ts';

export interface NewEdition {
  year: string;
  title: string;
}

/** editions.yaml with the new edition appended; comments and existing entries untouched. */
export function addEdition(source: string, edition: NewEdition): string {
  const title = edition.title.trim().replace(/\s+/g, ' ');
  if (title === '') throw new ImportError('--new-edition needs the edition’s full title, like --new-edition "Annual Review … 2027".');
  const existing = (parseDocument(source).toJS() ?? {}) as Record<string, Record<string, unknown>>;
  if (existing[edition.year]) throw new ImportError(`edition ${edition.year} is already in editions.yaml; leave out --new-edition.`);
  const newest = Object.entries(existing).sort(([a], [b]) => b.localeCompare(a))[0];
  const [year, previous]: [string | undefined, Record<string, unknown>] = newest ?? [undefined, {}];
  const shortTitle =
    year && typeof previous['shortTitle'] === 'string' && previous['shortTitle'].includes(year)
      ? previous['shortTitle'].replaceAll(year, edition.year)
      : `Annual Review ${edition.year}`;
  const entry: Record<string, unknown> = {
    title,
    shortTitle,
    publicationYear: Number(edition.year),
    periodCovered: `January to December ${Number(edition.year) - 1}`,
    publisher: previous['publisher'] ?? 'ILGA-Europe',
    licence: previous['licence'] ?? { name: 'All rights reserved by the publisher; quotation with attribution' },
    summary: `The annual review for ${Number(edition.year) - 1}, country by country and theme by theme.`,
  };
  const separator = source === '' || source.endsWith('\n') ? '' : '\n';
  return `${source}${separator}${stringify({ [edition.year]: entry })}`;
}
