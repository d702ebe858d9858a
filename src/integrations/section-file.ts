import type { VFile } from 'vfile';
import { chapterPath } from '../lib/urls.ts';

/** Options the section plugins share: where the site lives, and the theme labels. */
export interface SectionPluginOptions {
  base: string;
  /** Theme labels by slug (for accessible names and printed cross-references). */
  themeLabels: Record<string, string>;
}

export interface SectionFile {
  theme: string;
  /** The path of the section's chapter page, under the base: `/reports/2026/kazakhstan/`. */
  chapter: string;
}

/**
 * Which section a file being compiled is, from the frontmatter Astro hands the markdown plugins;
 * undefined for any other file (the plugins leave it alone). The frontmatter is validated before.
 */
export function sectionFile(file: VFile, base: string): SectionFile | undefined {
  const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
  const edition = frontmatter?.['edition'];
  const country = frontmatter?.['country'];
  const theme = frontmatter?.['theme'];
  if (edition === undefined || typeof country !== 'string' || typeof theme !== 'string') return undefined;
  return { theme, chapter: chapterPath(base, String(edition), country) };
}
