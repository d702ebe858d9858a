/**
 * Builds the bundle document in the browser from the sections' own pages: each section exactly as
 * published (heading, corrections, paragraphs with their numbers and links), its ids prefixed so
 * that they stay unique in one document, with its chapter and address; then the index and the
 * citations. Reads the published pages, so the bundle's text is the site's, word for word.
 */
import type { BundleSection } from './selection.ts';

export interface AssembledSection {
  section: BundleSection;
  /** The section's published markup, ready to insert; undefined when its page could not be read. */
  element?: HTMLElement | undefined;
  /** The section's plain-text citation, as its page gives it. */
  citation: string;
}

/** Controls that mean nothing in a bundle: the cite box, links to print or bundle, other editions. */
const INTERFACE = '.cite-box, .section-tools, .bundle-add, .edition-links, .copy-link, .chapter-link';

/** Fetches and prepares one section from its page. */
export async function fetchSection(section: BundleSection, index: number, site: string): Promise<AssembledSection> {
  let html: string;
  try {
    const response = await fetch(section.page);
    if (!response.ok) throw new Error(String(response.status));
    html = await response.text();
  } catch {
    return { section, citation: '' };
  }
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found = doc.querySelector<HTMLElement>('section.report-section');
  if (!found) return { section, citation: '' };
  const citation = doc.querySelector('.citation[data-style="plain text"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const element = document.importNode(found, true);
  for (const control of element.querySelectorAll(INTERFACE)) control.remove();
  const prefix = `b${index + 1}-`;
  for (const withId of element.querySelectorAll<HTMLElement>('[id]')) withId.id = `${prefix}${withId.id}`;
  element.setAttribute('aria-labelledby', `${prefix}${element.getAttribute('aria-labelledby') ?? ''}`);
  element.id = `bundle-${index + 1}`;
  element.classList.add('bundle-section');
  const heading = element.querySelector('h2');
  if (heading) heading.textContent = `${section.countryName}: ${section.themeLabel}`;
  const source = document.createElement('p');
  source.className = 'bundle-source';
  const link = document.createElement('a');
  // The section's public address (the site's, not wherever the bundle was assembled).
  link.href = new URL(section.page, site).href;
  link.textContent = link.href;
  source.append(`${section.countryName} chapter, ${section.edition} edition · `, link);
  (element.querySelector('.section-heading') ?? heading)?.after(source);
  return { section, element, citation };
}

/** Fetches sections a few at a time, in order, reporting progress. */
export async function fetchSections(
  sections: readonly BundleSection[],
  site: string,
  onProgress: (done: number) => void,
): Promise<AssembledSection[]> {
  const results: AssembledSection[] = new Array(sections.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < sections.length) {
      const index = next++;
      results[index] = await fetchSection(sections[index]!, index, site);
      onProgress(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(6, sections.length) }, worker));
  return results;
}
