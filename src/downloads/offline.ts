/**
 * The offline copy of an edition: one ZIP of the built site's pages for that edition (its home,
 * chapters, sections, themes, about and corrections pages, its citation files and downloads),
 * rewritten to open from disk (src/downloads/offline-rewrite.ts). Left out, to keep a
 * 54-chapter copy under 10 MB or because they cannot work from disk: the search index (Pagefind
 * cannot load from file://; the search page becomes a notice), PDFs, the single-section pages
 * (each repeats its chapter's text in a whole page), each chapter's data files (the edition's
 * hold every chapter), other editions, the feed and the sitemap; links to them go online. Written to a temporary file, then renamed, with its sidecar.
 */
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, type Zippable, zipSync } from 'fflate';
import { longDate } from '../citation/reference.ts';
import { isPrecompressedCopy } from '../deploy/precompress.ts';
import { ReportError } from '../lib/problems.ts';
import { digestOfBuiltPage } from '../pdf/link.ts';
import { DATA_FOLDER, downloadFileName, offlineFileName } from './files.ts';
import { editionDigest, type OfflineSidecar } from './offline-digest.ts';
import { OFFLINE_CSS, type OfflinePage, offlineHref, offlineHtml, replaceMain } from './offline-rewrite.ts';
import { type EditionExport, editionExportSchema, parseExport } from './schema.ts';

export interface OfflineRequest {
  /** The built site (OUT_DIR). */
  site: string;
  edition: string;
  /** Where the ZIP and its sidecar are written. */
  out: string;
  /** The day the copy is made (YYYY-MM-DD); shown on every page. */
  made: string;
}

export interface OfflineResult {
  file: string;
  files: number;
  bytes: number;
}

const STYLESHEET = 'offline-copy.css';
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function readExport(site: string, edition: string): EditionExport {
  const file = path.join(site, DATA_FOLDER, edition, downloadFileName(edition, undefined, 'json'));
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new ReportError(
      `${file} is missing: build the site first (npm run build), or point --site at it; edition ${edition} may have no chapters.`,
    );
  }
  return parseExport(editionExportSchema, JSON.parse(raw), file);
}

/** Every file of the built site, as paths relative to it. */
function siteFiles(site: string): string[] {
  return (
    (readdirSync(site, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(site, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      // The build's .gz and .br copies are for web servers: from disk, the page itself is read.
      .filter((file) => !isPrecompressedCopy(file))
  );
}

/** Which files of the site go into the copy of `edition` (`newest`: the site's home shows it). */
function selectFiles(all: string[], edition: string, newest: boolean, countries: Set<string>): string[] {
  const data = `${DATA_FOLDER}/`;
  return all.filter((file) => {
    const [top = '', second = '', third = ''] = file.split('/');
    // A chapter's single-section pages repeat its text (print one section online instead).
    if (top === edition) return !(countries.has(second) && file.split('/').length > 3);
    if (top === '_astro') return !file.endsWith('.js');
    if (file === 'favicon.svg' || file === 'search/index.html') return true;
    if (file === 'index.html') return newest;
    if (top === DATA_FOLDER) {
      if (file.endsWith('.zip')) return false;
      // The edition's own files; each chapter's are online (the edition's hold every chapter).
      return !file.slice(data.length).includes('/') || second === 'schema' || (second === edition && !third.startsWith(`${edition}-`));
    }
    return newest && countries.has(top) && file === `${top}/index.html`;
  });
}

/** Every edition's id and year, from the data exports of the built site. */
function editionYears(site: string): Map<string, number> {
  const years = new Map<string, number>();
  for (const id of readdirSync(path.join(site, DATA_FOLDER))) {
    try {
      const data = JSON.parse(readFileSync(path.join(site, DATA_FOLDER, id, `${id}.json`), 'utf8')) as EditionExport;
      years.set(id, data.edition.publicationYear);
    } catch {
      // not an edition's folder (schema/)
    }
  }
  return years;
}

function searchNotice(edition: EditionExport['edition'], page: OfflinePage): string {
  const home = offlineHref(`${page.base}${edition.id}/`, page);
  const themes = offlineHref(`${page.base}${edition.id}/themes/`, page);
  const online = new URL('search/', page.online).href;
  return `<h1>Search is not available in the offline copy</h1>
<p>Searching needs the site online. In this copy, find a chapter by country on the <a href="${home}">${escapeHtml(edition.shortTitle)} home page</a>, or every country’s section on one theme in the <a href="${themes}">list of themes</a>. Your browser’s Find in page (Ctrl+F or ⌘+F) searches the chapter you are reading.</p>
<p>Online, search is at <a href="${online}">${escapeHtml(online)}</a>.</p>`;
}

/** Makes the copy of one edition; returns where it is and its size. */
export function makeOfflineCopy(request: OfflineRequest): OfflineResult {
  const { site, edition: id, out, made } = request;
  const data = readExport(site, id);
  const { edition } = data;
  const online = edition.url.replace(new RegExp(`${id}/$`), '');
  const base = new URL(online).pathname;
  const years = editionYears(site);
  const newest = [...years.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] === id;

  const digests = new Map<string, string>();
  for (const chapter of data.chapters) {
    const page = path.join(site, id, chapter.country.slug, 'index.html');
    let digest: string | undefined;
    try {
      digest = digestOfBuiltPage(readFileSync(page, 'utf8'));
    } catch {
      // reported below
    }
    if (!digest) throw new ReportError(`${page} is missing or carries no content digest: build the site again (npm run build).`);
    digests.set(chapter.country.slug, digest);
  }

  const all = siteFiles(site);
  const countries = new Set(data.chapters.map((c) => c.country.slug));
  const chosen = selectFiles(all, id, newest, countries);
  const inCopy = new Set(chosen);
  if (!newest) inCopy.add('index.html');
  const folder = offlineFileName(id).replace(/\.zip$/, '');
  const mtime = new Date(`${made}T00:00:00Z`);
  const files: Zippable = {};
  const add = (file: string, bytes: Uint8Array) => {
    files[`${folder}/${file}`] = [bytes, { mtime }];
  };

  const pageOf = (file: string): OfflinePage => {
    const page: OfflinePage = { file, base, online, has: (f) => inCopy.has(f), noteHtml: '' };
    const home = offlineHref(`${base}${id}/`, page);
    const themes = offlineHref(`${base}${id}/themes/`, page);
    page.noteHtml = `<aside class="offline-copy" aria-label="Offline copy"><p>Offline copy of the <strong>${escapeHtml(edition.shortTitle)}</strong>, made on ${escapeHtml(longDate(made))} from <a href="${escapeHtml(online)}">${escapeHtml(online)}</a>. Search needs the site online: browse the <a href="${home}">countries</a> or the <a href="${themes}">themes</a>.</p></aside>`;
    return page;
  };
  const rewrite = (source: string, file: string) => {
    const html = readFileSync(path.join(site, source), 'utf8');
    const page = pageOf(file);
    return offlineHtml(file === 'search/index.html' ? replaceMain(html, searchNotice(edition, page)) : html, page, STYLESHEET);
  };

  for (const file of chosen) {
    add(file, file.endsWith('.html') ? strToU8(rewrite(file, file)) : readFileSync(path.join(site, file)));
  }
  // An older edition's copy opens on its own home page.
  if (!newest) add('index.html', strToU8(rewrite(`${id}/index.html`, 'index.html')));
  add(STYLESHEET, strToU8(OFFLINE_CSS));
  add(
    'README.txt',
    strToU8(
      `${edition.title}\r\n\r\nOffline copy made on ${longDate(made)} from ${online}\r\n\r\nOpen index.html in this folder with a web browser. Every page works without a connection, except search.\r\nYou may pass this copy on; the text is published under: ${edition.licence.name}${edition.licence.url ? ` (${edition.licence.url})` : ''}.\r\n`,
    ),
  );

  const zip = zipSync(files, { level: 9 });
  const target = path.join(out, offlineFileName(id));
  const sidecar: OfflineSidecar = { edition: id, digest: editionDigest(digests), made };
  const temporary = `${target}.tmp-${process.pid}`;
  try {
    writeFileSync(temporary, zip);
    writeFileSync(`${temporary}.json`, `${JSON.stringify(sidecar, null, 2)}\n`);
    renameSync(temporary, target);
    renameSync(`${temporary}.json`, `${target}.json`);
  } finally {
    rmSync(temporary, { force: true });
    rmSync(`${temporary}.json`, { force: true });
  }
  return { file: target, files: Object.keys(files).length, bytes: zip.length };
}
