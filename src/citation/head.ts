/**
 * What a chapter or section page tells reference managers and scholarly search engines in its
 * <head>: Highwire Press `citation_*` tags (read by Zotero's Embedded Metadata translator and by
 * Google Scholar) and schema.org JSON-LD. Both describe a report by an organisation, so the item
 * is saved as a report, not as a web page or a journal article.
 */
import type { CitedWork } from './reference.ts';
import { cslItem } from './reference.ts';

export interface HeadCitation {
  work: CitedWork;
  /** The edition's home page, absolute. */
  editionUrl: string;
  /** The chapter's PDF, absolute, when it is published from the current text. */
  pdfUrl?: string | undefined;
}

/** The Highwire tags, as [name, content] pairs in a stable order. */
export function highwireTags({ work, pdfUrl }: HeadCitation): [string, string][] {
  const item = cslItem(work);
  const tags: [string, string][] = [
    ['citation_title', item.title],
    ['citation_author', work.edition.publisher],
    // An institution makes Zotero save the page as a report.
    ['citation_technical_report_institution', work.edition.publisher],
    ['citation_series_title', work.edition.title],
    ['citation_publisher', work.edition.publisher],
    ['citation_publication_date', String(work.edition.publicationYear)],
    ['citation_language', 'en'],
    ['citation_public_url', work.url],
    ['citation_keywords', [work.country.name, work.theme?.label].filter(Boolean).join('; ')],
  ];
  if (pdfUrl) tags.push(['citation_pdf_url', pdfUrl]);
  return tags;
}

/** schema.org's Report, part of the edition (itself a Report), about the country. */
export function reportJsonLd({ work, editionUrl, pdfUrl }: HeadCitation): Record<string, unknown> {
  const publisher = { '@type': 'Organization', name: work.edition.publisher };
  return {
    '@context': 'https://schema.org',
    '@type': 'Report',
    name: cslItem(work).title,
    url: work.url,
    author: publisher,
    publisher,
    datePublished: String(work.edition.publicationYear),
    inLanguage: 'en',
    ...(work.correctedOn ? { dateModified: work.correctedOn } : {}),
    isPartOf: { '@type': 'Report', name: work.edition.title, url: editionUrl },
    about: { '@type': 'Country', name: work.country.name },
    keywords: [work.country.name, work.theme?.label].filter(Boolean),
    ...(pdfUrl ? { encoding: { '@type': 'MediaObject', encodingFormat: 'application/pdf', contentUrl: pdfUrl } } : {}),
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so the text can never close the element. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
