/**
 * What a citation of a chapter or a section says, as one CSL-JSON item (the data model of the
 * Citation Style Language, which reference managers and citeproc read). Every citation file and
 * formatted citation is made from this one item, so they cannot disagree.
 *
 * The type is `report`: reference managers then file the text as a report by an organisation,
 * not as a web page or a journal article.
 */
import { formatAccessDate } from './plain-text.ts';

/** One correction of a published section, as its frontmatter records it. */
export interface Correction {
  /** ISO date, YYYY-MM-DD. */
  date: string;
  note: string;
}

/** The work being cited: a chapter (no theme) or one section of it. */
export interface CitedWork {
  edition: { id: string; title: string; publicationYear: number; publisher: string };
  country: { slug: string; name: string };
  theme?: { slug: string; label: string } | undefined;
  /** The page's absolute, canonical URL. */
  url: string;
  /** The newest correction's date, when the text was corrected after publication. */
  correctedOn?: string | undefined;
}

/** The subset of CSL-JSON (citationstyles.org, csl-data.json) this site writes. */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'report';
  title: string;
  author: { literal: string }[];
  publisher: string;
  'container-title': string;
  issued: { 'date-parts': [[number]] };
  URL: string;
  language: string;
  /** "of 1 March 2026" when corrected: styles print it as "Version of 1 March 2026". */
  version?: string;
  note?: string;
}

/** "1 March 2026" for an ISO date: the order least open to misreading. */
export function longDate(isoDate: string): string {
  return formatAccessDate(new Date(`${isoDate}T00:00:00Z`));
}

/**
 * The key reference managers file the item under: `kazakhstan_education_2026`. Underscores, not
 * hyphens, because BibTeX tools treat a hyphen in a key as unsafe and would replace the key.
 */
export function citationKey(work: CitedWork): string {
  return [work.country.slug, work.theme?.slug, work.edition.id].filter(Boolean).join('_').replaceAll('-', '_');
}

export function cslItem(work: CitedWork): CslItem {
  const key = citationKey(work);
  const item: CslItem = {
    id: key,
    'citation-key': key,
    type: 'report',
    title: work.theme ? `${work.country.name}: ${work.theme.label}` : work.country.name,
    author: [{ literal: work.edition.publisher }],
    publisher: work.edition.publisher,
    'container-title': work.edition.title,
    issued: { 'date-parts': [[work.edition.publicationYear]] },
    URL: work.url,
    language: 'en',
  };
  if (work.correctedOn) {
    item.version = `of ${longDate(work.correctedOn)}`;
    item.note = `Version of ${longDate(work.correctedOn)}`;
  }
  return item;
}
