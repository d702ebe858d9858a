/**
 * The Frictionless Data Package descriptor (datapackage.org, v2) of the downloads: every file with
 * its path relative to /data/, size, sha256, licence and, for the CSVs, a Table Schema. The JSON
 * files point at their JSON Schema in `jsonSchema`, a property of ours (the standard's `schema` is
 * a Table Schema, for tables only). EPUBs and ZIPs are listed as plain resources.
 */
import { CSV_COLUMNS } from './csv.ts';
import { DATA_FOLDER, SCHEMA_PATHS } from './files.ts';
import type { EditionInfo } from './schema.ts';

/** What the descriptor needs of a download (src/downloads/catalogue.ts). */
export interface DescribedFile {
  path: string;
  file: string;
  format: string;
  mediatype: string;
  edition: EditionInfo;
  country?: { slug: string } | undefined;
  title: string;
  description: string;
  /** Size in bytes. */
  size: number;
  sha256: string;
}

/** The licence as Frictionless wants it: a title and a path (the licence's page, else the about page). */
function licences(edition: EditionInfo): { title: string; path: string }[] {
  return [{ title: edition.licence.name, path: edition.licence.url ?? `${edition.url}about/` }];
}

const relative = (path: string) => path.slice(`${DATA_FOLDER}/`.length);

function resource(download: DescribedFile) {
  const text = download.format === 'json' || download.format === 'csv';
  const table =
    download.format === 'csv'
      ? {
          type: 'table',
          dialect: { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true },
          schema: {
            fields: CSV_COLUMNS.map((c) => ({ ...c })),
            primaryKey: download.country ? ['id'] : ['country', 'id'],
          },
        }
      : {};
  const jsonSchema =
    download.format === 'json' ? { jsonSchema: relative(download.country ? SCHEMA_PATHS.chapter : SCHEMA_PATHS.edition) } : {};
  return {
    name: download.file.toLowerCase(),
    path: relative(download.path),
    title: download.title,
    description: download.description,
    format: download.format,
    mediatype: download.mediatype,
    ...(text ? { encoding: 'utf-8' } : {}),
    bytes: download.size,
    hash: `sha256:${download.sha256}`,
    licenses: licences(download.edition),
    ...table,
    ...jsonSchema,
  };
}

/** The descriptor of every download; `homepage` is the site's /data/ page. */
export function dataPackage(downloads: readonly DescribedFile[], homepage: string): Record<string, unknown> {
  const editions = [...new Map(downloads.map((d) => [d.edition.id, d.edition])).values()];
  const newest = editions[0];
  return {
    $schema: 'https://datapackage.org/profiles/2.0/datapackage.json',
    name: 'lgbti-annual-review',
    title: newest ? `${newest.shortTitle}: open data` : 'Annual review: open data',
    description:
      'The text of the annual review of the human rights situation of LGBTI people, chapter by chapter, as JSON (with a JSON Schema), CSV (one row per paragraph) and EPUB. Each paragraph’s text is the published text, word for word, with its pinned id and permalink.',
    homepage,
    ...(newest ? { contributors: [{ title: newest.publisher, roles: ['publisher'] }] } : {}),
    licenses: newest ? licences(newest) : [],
    resources: downloads.map(resource),
  };
}
