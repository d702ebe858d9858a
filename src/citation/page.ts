/**
 * What a page needs to offer a citation: the work cited (with its canonical URL), its CSL item,
 * the formatted styles and where its citation files are. Formatting runs citeproc, which is slow,
 * so citeproc formats each edition's template and each title once (format-shared.ts) and each
 * item it must format whole once per build, however many pages show it.
 */
import { paragraphId, sectionId } from '../lib/anchors.ts';
import { chapterPath, joinPath } from '../lib/urls.ts';
import { CITATION_FORMATS, type CitationFormat } from './files.ts';
import { sharedFormatter } from './format-shared.ts';
import type { SectionCitation } from './plain-text.ts';
import type { CitedWork, CslItem } from './reference.ts';
import { cslItem, longDate } from './reference.ts';
import { type FormattedCitation, formatCitations } from './styles.ts';

export interface WorkInput {
  edition: CitedWork['edition'];
  country: CitedWork['country'];
  theme?: CitedWork['theme'];
  /** The section's corrections (or every correction of a chapter), oldest first. */
  corrections?: readonly { date: string }[] | undefined;
  /** The site's public origin (Astro.site) and base path. */
  site: URL | string;
  base: string;
}

/** The cited work. A section is cited at its place in the chapter (`/<edition>/<country>/#<theme>`), as its ids are pinned there. */
export function citedWork(input: WorkInput): CitedWork {
  const chapter = chapterPath(input.base, input.edition.id, input.country.slug);
  const path = input.theme ? `${chapter}#${sectionId(input.theme.slug)}` : chapter;
  const dates = (input.corrections ?? []).map((c) => c.date).sort();
  return {
    edition: input.edition,
    country: input.country,
    theme: input.theme,
    url: new URL(path, input.site).href,
    correctedOn: dates.at(-1),
  };
}

/** A paragraph's URL: the chapter page at the paragraph's pinned id. */
export function paragraphUrl(work: CitedWork, n: number): string {
  if (!work.theme) throw new Error('Only a section has paragraphs.');
  return new URL(`#${paragraphId(work.theme.slug, n)}`, work.url).href;
}

/** The plain-text citation's fields for `work` (src/citation/plain-text.ts). */
export function plainCitation(work: CitedWork, paragraph?: number): SectionCitation {
  return {
    publisher: work.edition.publisher,
    editionTitle: work.edition.title,
    publicationYear: work.edition.publicationYear,
    country: work.country.name,
    theme: work.theme?.label,
    paragraph,
    correctedOn: work.correctedOn ? longDate(work.correctedOn) : undefined,
    url: paragraph === undefined ? work.url : paragraphUrl(work, paragraph),
  };
}

const formatted = new Map<string, FormattedCitation[]>();

/** citeproc's output for `item`, made once per build however many pages show the item. */
function formatOnce(item: CslItem): FormattedCitation[] {
  const key = JSON.stringify(item);
  let result = formatted.get(key);
  if (!result) {
    result = formatCitations(item);
    formatted.set(key, result);
  }
  return result;
}

const shared = sharedFormatter(formatOnce);

/** The formatted styles of `item`: citeproc's, from parts it formats once per edition and per title (format-shared.ts). */
export function formattedCitations(item: CslItem): FormattedCitation[] {
  return shared(item);
}

/** The folder a work's citation files are published in: the chapter's or the section's page. */
export function citationFolder(base: string, work: Pick<CitedWork, 'edition' | 'country' | 'theme'>): string {
  return work.theme
    ? joinPath(base, work.edition.id, work.country.slug, work.theme.slug)
    : joinPath(base, work.edition.id, work.country.slug);
}

/** Links to the work's citation files, in the order readers see them. */
export function citationFileLinks(base: string, work: CitedWork): { format: CitationFormat; label: string; href: string }[] {
  const folder = citationFolder(base, work);
  return (['bib', 'ris', 'json'] as const).map((format) => ({
    format,
    label: CITATION_FORMATS[format].label,
    href: `${folder}citation.${CITATION_FORMATS[format].extension}`,
  }));
}

export { cslItem };
