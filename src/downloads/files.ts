/**
 * Where each download lives under the site's base, and what kind of file it is. Plain values:
 * the build's routes, the /data/ page, datapackage.json, the offline job and the tests all name
 * files through here.
 */

/** The folder of the downloads under the site's base; the /data/ page is its index. */
export const DATA_FOLDER = 'data';

export const FORMATS = {
  json: { mediatype: 'application/json', label: 'JSON' },
  csv: { mediatype: 'text/csv', label: 'CSV' },
  epub: { mediatype: 'application/epub+zip', label: 'EPUB' },
  zip: { mediatype: 'application/zip', label: 'ZIP' },
} as const;
export type DownloadFormat = keyof typeof FORMATS;

/** `2026-kazakhstan.json` for a chapter, `2026.json` for the whole edition. */
export function downloadFileName(edition: string, country: string | undefined, format: DownloadFormat): string {
  return `${country ? `${edition}-${country}` : edition}.${format}`;
}

/** The offline copy of an edition: `2026-offline.zip`. */
export function offlineFileName(edition: string): string {
  return `${edition}-offline.zip`;
}

/** A download's path under the base: `data/2026/2026-kazakhstan.json`. */
export function downloadPath(edition: string, file: string): string {
  return `${DATA_FOLDER}/${edition}/${file}`;
}

/** The JSON Schemas' paths under the base. */
export const SCHEMA_PATHS = {
  chapter: `${DATA_FOLDER}/schema/chapter.schema.json`,
  edition: `${DATA_FOLDER}/schema/edition.schema.json`,
} as const;

export const DATAPACKAGE_PATH = `${DATA_FOLDER}/datapackage.json`;
