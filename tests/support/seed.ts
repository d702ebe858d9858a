/**
 * What the Kazakhstan source says, section by section, for the tests that compare a published
 * form (the chapter page, the PDF) with it: paragraphs joined across page breaks, repeated
 * headings merged, the export's escapes undone, and a link read as its words.
 */
import { readFileSync } from 'node:fs';
import { parseChapter, unescapeExport } from '../../src/import/source-text.ts';
import { matchTheme } from '../../src/lib/themes.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

export const SEED = 'content/sources/2026/kazakhstan.txt';

/** The seed's paragraphs per theme slug, in source order. */
export async function seedParagraphs(): Promise<Map<string, string[]>> {
  const { themes } = await validateContent(contentPaths('content'));
  const byTheme = new Map<string, string[]>();
  for (const heading of parseChapter(readFileSync(SEED, 'utf8')).headings) {
    const theme = matchTheme(heading.text, themes);
    if (!theme) throw new Error(`The seed heading "${heading.text}" names no theme.`);
    const paragraphs = byTheme.get(theme.slug) ?? [];
    byTheme.set(theme.slug, paragraphs);
    // A link's words are the text; `[charges](#)` reads "charges".
    paragraphs.push(...heading.paragraphs.map((p) => unescapeExport(p.text).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')));
  }
  return byTheme;
}
