import type { Theme } from '../schemas/theme.ts';

/**
 * The vocabulary's reading order: themes with an explicit `order` first (lowest first), then the
 * rest alphabetically by label. Chapters, tables of contents and theme lists all use this order.
 */
export function sortThemes<T extends Pick<Theme, 'label' | 'order'>>(themes: readonly T[]): T[] {
  return [...themes].sort((a, b) => {
    if (a.order !== undefined || b.order !== undefined) {
      return (a.order ?? Number.POSITIVE_INFINITY) - (b.order ?? Number.POSITIVE_INFINITY) || a.label.localeCompare(b.label, 'en');
    }
    return a.label.localeCompare(b.label, 'en');
  });
}

/**
 * A heading or label reduced to slug form, tolerant of case, spacing, dashes and "&" versus "and":
 * "PARTICIPATION IN PUBLIC, CULTURAL, AND POLITICAL LIFE" → "participation-in-public-cultural-and-political-life".
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The theme a heading names, by slug, label or alias; undefined when none matches. */
export function matchTheme(heading: string, themes: readonly Theme[]): Theme | undefined {
  const wanted = slugify(heading);
  return themes.find(
    (theme) => theme.slug === wanted || slugify(theme.label) === wanted || theme.aliases.some((alias) => slugify(alias) === wanted),
  );
}
