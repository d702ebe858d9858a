/**
 * Every download of the site, with its bytes: per edition, the edition's and each chapter's JSON,
 * CSV and EPUB. The /data/ page, datapackage.json and the routes that write the files read this one
 * list, so the sizes and hashes they publish are those of the files served. Build-time only.
 */
import { createHash } from 'node:crypto';
import { strToU8 } from 'fflate';
import { longDate } from '../citation/reference.ts';
import { CONTENT_DIR } from '../validation/paths.ts';
import { paragraphsCsv } from './csv.ts';
import { epubBytes } from './epub.ts';
import { type DownloadFormat, downloadFileName, downloadPath, FORMATS, offlineFileName } from './files.ts';
import { type EditionModel, getEditionModels } from './model.ts';
import { currentOfflineCopy } from './offline-digest.ts';
import type { CountryExport, EditionInfo } from './schema.ts';

export interface Download {
  /** Path under the site's base: `data/2026/2026-kazakhstan.json`. */
  path: string;
  /** The file's name, also its Frictionless resource name without the dot. */
  file: string;
  format: DownloadFormat;
  mediatype: string;
  edition: EditionInfo;
  /** The chapter's country; undefined for a whole-edition file. */
  country?: CountryExport | undefined;
  title: string;
  description: string;
  bytes: Uint8Array;
  /** sha256 of the bytes, hex. */
  sha256: string;
}

const DESCRIBE: Record<Exclude<DownloadFormat, 'zip'>, (what: string) => string> = {
  json: (what) => `${what} as structured data: sections, paragraphs with their ids, numbers, text and links, corrections.`,
  csv: (what) => `${what}, one row per paragraph: edition, country, ISO code, region, theme, number, id, URL and text.`,
  epub: (what) => `${what} as an e-book (EPUB 3): the text with its headings and paragraph numbers, each linked to the site.`,
};

function download(
  edition: EditionInfo,
  country: CountryExport | undefined,
  format: Exclude<DownloadFormat, 'zip'>,
  bytes: Uint8Array,
): Download {
  const file = downloadFileName(edition.id, country?.slug, format);
  const what = country ? `The ${country.name} chapter of the ${edition.shortTitle}` : `Every chapter of the ${edition.shortTitle}`;
  return {
    path: downloadPath(edition.id, file),
    file,
    format,
    mediatype: FORMATS[format].mediatype,
    edition,
    country,
    title: country
      ? `${country.name}: ${edition.shortTitle} (${FORMATS[format].label})`
      : `${edition.shortTitle} (${FORMATS[format].label})`,
    description: DESCRIBE[format](what),
    bytes,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** The edition's offline copy, when `npm run offline` made one from the content as it is now. */
function offlineDownload(edition: EditionInfo): Download[] {
  const copy = currentOfflineCopy(edition.id, CONTENT_DIR);
  if (!copy) return [];
  const file = offlineFileName(edition.id);
  return [
    {
      path: downloadPath(edition.id, file),
      file,
      format: 'zip',
      mediatype: FORMATS.zip.mediatype,
      edition,
      title: `${edition.shortTitle}: offline copy`,
      description: `The whole ${edition.shortTitle} site to read without a connection and to pass on: unzip it and open index.html. Search is online only. Made on ${longDate(copy.sidecar.made)}.`,
      bytes: copy.bytes,
      sha256: createHash('sha256').update(copy.bytes).digest('hex'),
    },
  ];
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

function editionDownloads(model: EditionModel): Download[] {
  const { edition } = model.data;
  const whole = [
    download(edition, undefined, 'json', json(model.data)),
    download(edition, undefined, 'csv', strToU8(paragraphsCsv(model.chapters.map((c) => c.data)))),
    download(edition, undefined, 'epub', epubBytes({ edition, title: edition.shortTitle, source: edition.url, chapters: model.chapters })),
  ];
  const chapters = model.chapters.flatMap((chapter) => {
    const { country } = chapter.data;
    return [
      download(edition, country, 'json', json(chapter.data)),
      download(edition, country, 'csv', strToU8(paragraphsCsv([chapter.data]))),
      download(
        edition,
        country,
        'epub',
        epubBytes({ edition, title: `${country.name}: ${edition.shortTitle}`, source: chapter.data.url, chapters: [chapter] }),
      ),
    ];
  });
  return [...whole, ...offlineDownload(edition), ...chapters];
}

const cache = new Map<string, Promise<Download[]>>();

/** Every download, newest edition first; within an edition, the whole edition's files first. */
export function getDownloads(site: URL, base: string): Promise<Download[]> {
  const key = `${site.href} ${base}`;
  let downloads = cache.get(key);
  if (!downloads) {
    downloads = getEditionModels(site, base).then((models) => models.flatMap(editionDownloads));
    cache.set(key, downloads);
  }
  return downloads;
}
