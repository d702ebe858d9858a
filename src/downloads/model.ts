/**
 * The report as the downloads carry it: every chapter of an edition with its sections'
 * paragraphs read from the rendered sections, checked against the export schemas. Made once per
 * build, an edition at a time, into the data files and EPUBs (src/downloads/catalogue.ts).
 * Build-time only (reads astro:content through src/data/report.ts).
 */
import { type Chapter, getChapters, getEditions } from '../data/report.ts';
import { sectionId } from '../lib/anchors.ts';
import { chapterPath, joinPath } from '../lib/urls.ts';
import type { Edition } from '../schemas/edition.ts';
import { type Paragraph, sectionParagraphs } from './paragraphs.ts';
import { renderSection } from './render.ts';
import {
  type ChapterExport,
  chapterExportSchema,
  type EditionExport,
  type EditionInfo,
  editionExportSchema,
  FORMAT_VERSION,
  parseExport,
} from './schema.ts';

/** A chapter's export, and its paragraphs with their runs of text and links (for the EPUB). */
export interface ChapterModel {
  data: ChapterExport;
  /** Paragraphs by section theme, in order. */
  paragraphs: Map<string, Paragraph[]>;
}

export interface EditionModel {
  data: EditionExport;
  chapters: ChapterModel[];
}

function editionInfo(edition: Edition, site: URL, base: string): EditionInfo {
  return {
    id: edition.id,
    title: edition.title,
    shortTitle: edition.shortTitle,
    publicationYear: edition.publicationYear,
    ...(edition.published ? { published: edition.published } : {}),
    periodCovered: edition.periodCovered,
    publisher: edition.publisher,
    licence: { name: edition.licence.name, ...(edition.licence.url ? { url: edition.licence.url } : {}) },
    url: new URL(joinPath(base, edition.id), site).href,
  };
}

function chapterModel(chapter: Chapter, site: URL, base: string): ChapterModel {
  const { edition, country } = chapter;
  const chapterUrl = new URL(chapterPath(base, edition.id, country.slug), site).href;
  const paragraphs = new Map<string, Paragraph[]>();
  const sections = [];
  for (const { theme, entry } of chapter.sections) {
    const file = `sections/${edition.id}/${country.slug}/${theme.slug}.mdx`;
    const found = sectionParagraphs(renderSection(entry), theme.slug, site, file);
    paragraphs.set(theme.slug, found);
    sections.push({
      theme: theme.slug,
      label: theme.label,
      url: `${chapterUrl}#${sectionId(theme.slug)}`,
      corrections: entry.data.corrections.map((c) => ({ date: c.date, note: c.note })),
      paragraphs: found.map((p) => ({
        id: p.id,
        n: p.n,
        url: `${chapterUrl}#${p.id}`,
        text: p.text,
        links: p.parts.flatMap((part) => (typeof part === 'string' ? [] : [{ text: part.text, href: part.href }])),
      })),
    });
  }
  const data = parseExport(
    chapterExportSchema,
    {
      formatVersion: FORMAT_VERSION,
      edition: editionInfo(edition, site, base),
      country: { slug: country.slug, name: country.name, iso: country.iso, region: country.region },
      url: chapterUrl,
      sections,
    },
    `sections/${edition.id}/${country.slug}/`,
  );
  return { data, paragraphs };
}

/**
 * Every edition that has chapters, newest first, each with its chapters alphabetically: one at a
 * time, so that the caller holds one edition's paragraphs, not the archive's (at 15 editions,
 * their objects and the files made from them were hundreds of megabytes kept for the whole build).
 */
export async function* editionModels(site: URL, base: string): AsyncGenerator<EditionModel> {
  const [editions, chapters] = await Promise.all([getEditions(), getChapters()]);
  for (const edition of editions) {
    const own = chapters.filter((c) => c.edition.id === edition.id);
    if (own.length === 0) continue;
    const models = own.map((c) => chapterModel(c, site, base));
    const data = parseExport(
      editionExportSchema,
      {
        formatVersion: FORMAT_VERSION,
        edition: editionInfo(edition, site, base),
        chapters: models.map(({ data: { formatVersion: _v, edition: _e, ...rest } }) => rest),
      },
      `sections/${edition.id}/`,
    );
    yield { data, chapters: models };
  }
}
