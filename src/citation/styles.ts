/**
 * Formatted citations, made at build time by citeproc-js (through citation-js's CSL plugin) from
 * the CSL style files that plugin ships: APA 7th edition and Harvard (Cite Them Right), both
 * published by the Citation Style Language project under CC BY-SA 3.0.
 *
 * The reader's date accessed and a paragraph's number are not known at build time: the item is
 * formatted with a sentinel date and a sentinel locator, which are then replaced by markers the
 * page fills in (the date by script, "[date accessed]" without it; the paragraph by "Cite this
 * paragraph").
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-csl';
import type { CslItem } from './reference.ts';

/** Shown where the date accessed goes until a script (or the reader) fills it in. */
export const ACCESS_DATE_PLACEHOLDER = '[date accessed]';
/** Stands for the cited paragraph's number in a citation template. */
export const PARAGRAPH_PLACEHOLDER = '{paragraph}';

const SENTINEL_DATE = { 'date-parts': [[1900, 1, 1]] };
/** How citeproc's bundled (en-US) locale writes the sentinel date. */
const SENTINEL_DATE_TEXT = 'January 1, 1900';
const SENTINEL_LOCATOR = '999999';

export interface CitationStyle {
  id: string;
  /** The name readers pick the style by. */
  name: string;
  /** The CSL template of @citation-js/plugin-csl. */
  template: string;
}

export const CITATION_STYLES: readonly CitationStyle[] = [
  { id: 'apa', name: 'APA 7th edition', template: 'apa' },
  { id: 'harvard', name: 'Harvard (Cite Them Right 12th edition)', template: 'harvard1' },
];

export interface FormattedCitation {
  style: CitationStyle;
  /** The reference-list entry, as HTML (citeproc escapes the data); may hold ACCESS_DATE_PLACEHOLDER. */
  referenceHtml: string;
  /** The in-text citation of a paragraph, plain text, holding PARAGRAPH_PLACEHOLDER: "(ILGA-Europe, 2026, para. {paragraph})". */
  paragraphCitation: string;
  /** Whether the entry shows the date accessed, written as "November 26, 2026". */
  showsAccessDate: boolean;
}

/** The inner HTML of citeproc's one `csl-entry`, without the wrapping divs. */
function entryHtml(html: string): string {
  const match = /<div[^>]*class="csl-entry"[^>]*>([\s\S]*?)<\/div>/.exec(html);
  if (!match) throw new Error(`citeproc returned no entry: ${html.slice(0, 200)}`);
  return match[1]!.trim();
}

export function formatCitations(item: CslItem): FormattedCitation[] {
  const cite = new Cite([{ ...item, accessed: SENTINEL_DATE }]);
  return CITATION_STYLES.map((style) => {
    const entry = entryHtml(cite.format('bibliography', { template: style.template, format: 'html', lang: 'en-US' }));
    const inText = cite.format('citation', {
      template: style.template,
      format: 'text',
      lang: 'en-US',
      entry: [{ id: item.id, locator: SENTINEL_LOCATOR, label: 'paragraph' }],
    });
    return {
      style,
      referenceHtml: entry.replaceAll(SENTINEL_DATE_TEXT, ACCESS_DATE_PLACEHOLDER),
      paragraphCitation: inText.trim().replace(SENTINEL_LOCATOR, PARAGRAPH_PLACEHOLDER),
      showsAccessDate: entry.includes(SENTINEL_DATE_TEXT),
    };
  });
}
