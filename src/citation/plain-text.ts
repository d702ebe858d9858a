/**
 * Ready-made citations, in plain text so they paste anywhere (a court filing, an email, a
 * reference manager). The date accessed is the reader's: pages fill it in when scripts run.
 */

export interface SectionCitation {
  publisher: string;
  editionTitle: string;
  publicationYear: number;
  country: string;
  /** The theme's label; absent when the whole chapter is cited. */
  theme?: string | undefined;
  /** The cited paragraph's number, when one paragraph is cited. */
  paragraph?: number | undefined;
  /** "1 March 2026": the newest correction's date, when the text was corrected. */
  correctedOn?: string | undefined;
  /** The absolute URL of the section (or paragraph, or chapter). */
  url: string;
}

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "25 November 2026": day, month in words and year, the order least open to misreading. */
export function formatAccessDate(date: Date): string {
  return DATE.format(date);
}

/** The placeholder shown where the date accessed goes, until a script or the reader fills it in. */
export const ACCESS_DATE_PLACEHOLDER = '[date accessed]';

export function citeSection(citation: SectionCitation, accessed?: Date): string {
  const when = accessed ? formatAccessDate(accessed) : ACCESS_DATE_PLACEHOLDER;
  const title = citation.theme ? `${citation.country}: ${citation.theme}` : citation.country;
  const paragraph = citation.paragraph === undefined ? '' : `, para. ${citation.paragraph}`;
  const version = citation.correctedOn ? ` Version of ${citation.correctedOn}.` : '';
  return `${citation.publisher} (${citation.publicationYear}). ${citation.editionTitle}. ${title}${paragraph}.${version} ${citation.url} (accessed ${when}).`;
}
