/**
 * Element ids the site's pages use for themselves. A theme's slug becomes its section's id
 * (`#education`) and its paragraphs' (`#education-3`), which citations rely on; a theme named
 * `main` or `toc-heading` would take an id the page frame already holds (the skip link, the
 * contents), and a theme named `education-1` would take the first paragraph of Education, so a
 * citation of that paragraph would open the wrong text. tests/unit/hardening-reserved-ids.test.ts
 * reads every id in src/components, src/layouts and src/pages and fails when one is missing here.
 */

/** Ids written literally in the page frame and components. */
export const RESERVED_IDS = [
  'about-text',
  'by-theme',
  'corrections-heading',
  'countries',
  'coverage-heading',
  'formats',
  'header-search',
  'live-announcer',
  'main',
  'map-title',
  'search-hint',
  'search-q',
  'show-marks',
  'site-search-input',
  'site-search-results',
  'toc-heading',
] as const;

/**
 * Prefixes of ids the pages make from data (`region-europe`, `search-country`, `edition-2026`,
 * `site-search-results-0`), and of a feature's own ids (`bundle-edition`, the bundle page's).
 */
export const RESERVED_ID_PREFIXES = ['region-', 'search-', 'edition-', 'site-search-', 'bundle-'] as const;

/** Why `slug` may not be a theme's slug, or undefined when it may. */
export function reservedThemeSlug(slug: string): string | undefined {
  if ((RESERVED_IDS as readonly string[]).includes(slug)) {
    return `\`${slug}\` is an id the site's pages use for themselves (${slug === 'main' ? 'the skip link goes to it' : 'a part of every page'}); a theme named so would take it. Choose another slug.`;
  }
  const prefix = RESERVED_ID_PREFIXES.find((p) => slug.startsWith(p));
  if (prefix) return `\`${slug}\` starts with \`${prefix}\`, which the site's pages use for ids of their own. Choose another slug.`;
  const paragraph = /^(.+)-(\d+)$/.exec(slug);
  if (paragraph) {
    return `\`${slug}\` ends in -${paragraph[2]}, the form of a paragraph's id (\`${paragraph[1]}-${paragraph[2]}\` is paragraph ${paragraph[2]} of a theme \`${paragraph[1]}\`): citations of that paragraph would open this section. Choose a slug that does not end in a number.`;
  }
  return undefined;
}
