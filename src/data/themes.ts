/**
 * The cross-country view: for one edition, each theme with every country's section on it.
 * This is the comparison practitioners otherwise assemble by hand from separate chapters.
 */
import type { Country } from '../schemas/country.ts';
import type { Theme } from '../schemas/theme.ts';
import type { Chapter, ChapterSection } from './report.ts';

export interface ThemeCoverage {
  theme: Theme;
  /** Countries reporting on the theme, in the chapters' (alphabetical) order, with their section. */
  entries: { country: Country; section: ChapterSection }[];
}

export function themeCoverage(themes: readonly Theme[], chapters: readonly Chapter[]): ThemeCoverage[] {
  return themes.map((theme) => ({
    theme,
    entries: chapters.flatMap((chapter) => {
      const section = chapter.sections.find((s) => s.theme.slug === theme.slug);
      return section ? [{ country: chapter.country, section }] : [];
    }),
  }));
}
