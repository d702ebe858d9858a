/**
 * Every download of the site: per edition, the edition's and each chapter's JSON, CSV and EPUB.
 * The /data/ page, datapackage.json and the routes that write the files read this one list, so the
 * sizes and hashes they publish are those of the files served. Build-time only.
 *
 * Each file's bytes are made once and kept on disk until its route writes them (in a temporary
 * folder removed when the process ends), not in memory: an archive of 15 editions has some 200 MB
 * of downloads, and the list is needed from the first /data/ page to the last.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8 } from 'fflate';
import { longDate } from '../citation/reference.ts';
import { CONTENT_DIR } from '../validation/paths.ts';
import { paragraphsCsv } from './csv.ts';
import { epubBytes } from './epub.ts';
import { type DownloadFormat, downloadFileName, downloadPath, FORMATS, offlineFileName } from './files.ts';
import { type EditionModel, editionModels } from './model.ts';
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
  /** Size of the file in bytes. */
  size: number;
  /** sha256 of the bytes, hex. */
  sha256: string;
  /** Where the bytes wait for the route that writes them (readDownload). */
  stored: string;
}

let spillDir: string | undefined;

/** A temporary folder for this build's download bytes, removed when the process ends. */
function spillFolder(): string {
  if (!spillDir) {
    const dir = mkdtempSync(path.join(tmpdir(), 'report-downloads-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    spillDir = dir;
  }
  return spillDir;
}

/** A download's bytes, for the route that writes the file. */
export function readDownload(download: Download): Promise<Uint8Array> {
  return readFile(download.stored);
}

/** Size, hash and the place on disk of `bytes`, which the caller may then drop. */
async function store(edition: string, file: string, bytes: Uint8Array): Promise<Pick<Download, 'size' | 'sha256' | 'stored'>> {
  const stored = path.join(spillFolder(), `${edition}-${file}`);
  await writeFile(stored, bytes);
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), stored };
}

const DESCRIBE: Record<Exclude<DownloadFormat, 'zip'>, (what: string) => string> = {
  json: (what) => `${what} as structured data: sections, paragraphs with their ids, numbers, text and links, corrections.`,
  csv: (what) => `${what}, one row per paragraph: edition, country, ISO code, region, theme, number, id, URL and text.`,
  epub: (what) => `${what} as an e-book (EPUB 3): the text with its headings and paragraph numbers, each linked to the site.`,
};

async function download(
  edition: EditionInfo,
  country: CountryExport | undefined,
  format: Exclude<DownloadFormat, 'zip'>,
  bytes: Uint8Array,
): Promise<Download> {
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
    ...(await store(edition.id, file, bytes)),
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
      size: copy.bytes.length,
      sha256: createHash('sha256').update(copy.bytes).digest('hex'),
      // The copy npm run offline made, as it is.
      stored: copy.file,
    },
  ];
}

const json = (value: unknown) => strToU8(`${JSON.stringify(value, null, 2)}\n`);

async function editionDownloads(model: EditionModel): Promise<Download[]> {
  const { edition } = model.data;
  const whole = [
    await download(edition, undefined, 'json', json(model.data)),
    await download(edition, undefined, 'csv', strToU8(paragraphsCsv(model.chapters.map((c) => c.data)))),
    await download(
      edition,
      undefined,
      'epub',
      epubBytes({ edition, title: edition.shortTitle, source: edition.url, chapters: model.chapters }),
    ),
  ];
  const chapters: Download[] = [];
  for (const chapter of model.chapters) {
    const { country } = chapter.data;
    chapters.push(
      await download(edition, country, 'json', json(chapter.data)),
      await download(edition, country, 'csv', strToU8(paragraphsCsv([chapter.data]))),
      await download(
        edition,
        country,
        'epub',
        epubBytes({ edition, title: `${country.name}: ${edition.shortTitle}`, source: chapter.data.url, chapters: [chapter] }),
      ),
    );
  }
  return [...whole, ...offlineDownload(edition), ...chapters];
}

const cache = new Map<string, Promise<Download[]>>();

/** Every download, newest edition first; within an edition, the whole edition's files first. */
export function getDownloads(site: URL, base: string): Promise<Download[]> {
  const key = `${site.href} ${base}`;
  let downloads = cache.get(key);
  if (!downloads) {
    downloads = (async () => {
      const all: Download[] = [];
      // One edition's paragraphs at a time: each model is dropped once its files are on disk.
      for await (const model of editionModels(site, base)) all.push(...(await editionDownloads(model)));
      return all;
    })();
    cache.set(key, downloads);
  }
  return downloads;
}
