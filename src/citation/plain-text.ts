/**
 * Ready-made citations, in plain text so they paste anywhere (a court filing, an email, a
 * reference manager). The date accessed is the reader's: pages fill it in when scripts run.
 */

export interface SectionCitation {
  publisher: string;
  editionTitle: string;
  publicationYear: number;
  country: string;
  theme: string;
  /** The section's absolute URL. */
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
  return (
    `${citation.publisher} (${citation.publicationYear}). ${citation.editionTitle}. ` +
    `${citation.country}: ${citation.theme}. ${citation.url} (accessed ${when}).`
  );
}
