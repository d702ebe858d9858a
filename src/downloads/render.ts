/**
 * A section's body as the pages publish it: the HTML the sections loader rendered with the site's
 * own MDX pipeline (src/integrations/section-loader.ts), which every page shows through
 * astro:content's render(). So the text the downloads carry is the text the pages show, and no
 * section is rendered twice. Build-time only (the entry comes from astro:content).
 */
import type { SectionEntry } from '../data/report.ts';

/** The section's body as HTML: `<div class="para">` wrappers around `<p id="<theme>-<n>">`. */
export function renderSection(entry: SectionEntry): string {
  const html = entry.rendered?.html;
  if (html === undefined)
    throw new Error(`${entry.filePath ?? entry.id}: the section has no rendered HTML; it was not loaded by the sections loader.`);
  return html;
}
