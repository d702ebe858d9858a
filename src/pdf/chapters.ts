/**
 * Which pages of a built site are chapters, and what their PDFs are called. The chapters are read
 * from the site's own sitemap.xml, which lists every page, so the PDF job needs no access to the
 * content and follows whatever the build published.
 */
import { EDITION_PAGES } from '../lib/constants.ts';
import { normaliseBase } from '../quality/site.ts';
import { formatBytes, pdfFileName } from './link.ts';

// One definition of the file name and of how sizes read, shared with the chapter page's link.
export { formatBytes as formatSize, pdfFileName };

/** One chapter of the built site. */
export interface ChapterPage {
  edition: string;
  country: string;
  /** The chapter's URL path, base path included: `/reports/2026/kazakhstan/`. */
  path: string;
  /** `2026-kazakhstan.pdf`. */
  file: string;
}

/** The URL paths a sitemap lists, in its order. */
export function sitemapPaths(xml: string): string[] {
  return [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((match) => {
    const loc = match[1]!.replace(/&amp;/g, '&');
    return new URL(loc, 'http://site.invalid').pathname;
  });
}

/**
 * The base path a site was built with: its home page is the shortest path in the sitemap, and
 * every other path lies under it.
 */
export function sitemapBase(paths: readonly string[]): string {
  const home = [...paths].sort((a, b) => a.length - b.length)[0];
  if (home === undefined) throw new Error('The sitemap lists no page.');
  return normaliseBase(home);
}

/**
 * The chapters among a sitemap's paths: `<base><edition>/<country>/`, two segments, the first a
 * four-digit year. The edition's own pages (`/<edition>/themes/`, `about/`, `corrections/`) are not
 * countries.
 */
export function chaptersOf(paths: readonly string[], base: string): ChapterPage[] {
  const b = normaliseBase(base);
  const chapters: ChapterPage[] = [];
  for (const path of paths) {
    if (!path.startsWith(b)) continue;
    const match = /^(\d{4})\/([^/]+)\/$/.exec(path.slice(b.length));
    if (!match || (EDITION_PAGES as readonly string[]).includes(match[2]!)) continue;
    const [, edition, country] = match as unknown as [string, string, string];
    chapters.push({ edition, country, path, file: pdfFileName(edition, country) });
  }
  return chapters;
}

/**
 * The chapters named by `--only` filters (`2026-kazakhstan`, or a whole edition `2026`), in site
 * order. A filter that names nothing is an error, so that a typo never passes as "0 PDFs made".
 */
export function selectChapters(chapters: readonly ChapterPage[], only: readonly string[]): ChapterPage[] {
  if (only.length === 0) return [...chapters];
  const keys = (c: ChapterPage) => [`${c.edition}-${c.country}`, c.edition, c.file];
  for (const filter of only) {
    if (!chapters.some((c) => keys(c).includes(filter))) {
      const known = chapters
        .slice(0, 5)
        .map((c) => `${c.edition}-${c.country}`)
        .join(', ');
      throw new Error(
        `--only ${filter} names no chapter of the built site (chapters are named like ${known || 'none: the site has no chapter'}).`,
      );
    }
  }
  return chapters.filter((c) => only.some((filter) => keys(c).includes(filter)));
}
