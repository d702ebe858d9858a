/**
 * Where the report's content lives: the one module that reads CONTENT_DIR and names every file
 * and folder under it. Commands, the build and the tests ask here rather than join paths of their own.
 */
import path from 'node:path';

/** The content folder: CONTENT_DIR, default `content` (the benchmark and tests point it at fixtures). */
export const CONTENT_DIR = process.env['CONTENT_DIR'] ?? 'content';

/** Where each part of the content lives; tests point some of these at fixtures. */
export interface ContentPaths {
  /** The content folder itself. */
  root: string;
  editions: string;
  countries: string;
  themes: string;
  sections: string;
  /** Variant spellings for search; optional (a folder without it has none). */
  transliterations?: string;
  /** How the report is published and cited, shown on every edition's about page; optional. */
  about?: string;
}

export function contentPaths(root: string = CONTENT_DIR): ContentPaths {
  return {
    root,
    editions: path.join(root, 'editions.yaml'),
    countries: path.join(root, 'countries.yaml'),
    themes: path.join(root, 'themes.yaml'),
    sections: path.join(root, 'sections'),
    transliterations: path.join(root, 'transliterations.yaml'),
    about: path.join(root, 'about.md'),
  };
}

/** The folder of one chapter's section files. */
export function chapterDir(paths: ContentPaths, edition: string, country: string): string {
  return path.join(paths.sections, edition, country);
}

/** The text a chapter was imported from, kept as received. */
export function sourceFile(paths: ContentPaths, edition: string, country: string): string {
  return path.join(paths.root, 'sources', edition, `${country}.txt`);
}

/** A path as an editor reads it in a message: relative to the working directory. */
export const relative = (file: string) => path.relative(process.cwd(), file) || file;
