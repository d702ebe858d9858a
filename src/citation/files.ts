/**
 * The citation files each chapter and section offers for download: CSL-JSON, BibTeX and RIS,
 * written by citation-js from the one CSL item (src/citation/reference.ts), so escaping and field
 * mapping are a maintained library's, never ours.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './reference.ts';

export type CitationFormat = 'json' | 'bib' | 'ris';

/** Each format: its file extension, media type and the name readers see. */
export const CITATION_FORMATS: Record<CitationFormat, { extension: string; mediaType: string; label: string }> = {
  bib: { extension: 'bib', mediaType: 'application/x-bibtex; charset=utf-8', label: 'BibTeX' },
  ris: { extension: 'ris', mediaType: 'application/x-research-info-systems; charset=utf-8', label: 'RIS' },
  json: { extension: 'json', mediaType: 'application/vnd.citationstyles.csl+json; charset=utf-8', label: 'CSL-JSON' },
};

/**
 * The file's text. BibTeX and RIS have no field for a report's container, so the edition's title
 * goes to the series (`series`, `T2`), where BibTeX styles and reference managers print it.
 */
export function citationFile(item: CslItem, format: CitationFormat): string {
  if (format === 'json') return `${JSON.stringify([item], null, 2)}\n`;
  const cite = new Cite([{ ...item, 'collection-title': item['container-title'] }]);
  return cite.format(format === 'bib' ? 'bibtex' : 'ris', { format: 'text' });
}
