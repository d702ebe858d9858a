/**
 * Reads the whole content tree and reports every problem in it at once.
 *
 * Astro's own collection loading stops at the first invalid entry and knows nothing of rules
 * that span files (a theme used twice in one chapter, a link to a section that does not exist).
 * This module checks everything with the same zod schemas, so `npm run check` and the build
 * can give an editor the full list, each with file, line and field.
 */
import { readFile } from 'node:fs/promises';
import type { z } from 'astro/zod';
import { visit } from 'unist-util-visit';
import type { Problem } from '../lib/problems.ts';
import { didYouMean } from '../lib/suggest.ts';
import { sortThemes } from '../lib/themes.ts';
import { countrySchema, type Country } from '../schemas/country.ts';
import { editionSchema, type Edition } from '../schemas/edition.ts';
import type { Vocabulary } from '../schemas/section.ts';
import { themeSchema, type Theme } from '../schemas/theme.ts';
import { transliterationsSchema } from '../schemas/transliteration.ts';
import { type ContentPaths, relative } from './paths.ts';
import { type CheckedSection, checkSectionFile, listMdx } from './sections.ts';
import { checkDataFile, parseYaml, zodProblems } from './yaml.ts';

export type { CheckedSection } from './sections.ts';

export interface ContentReport {
  problems: Problem[];
  vocabulary: Vocabulary;
  editions: Edition[];
  countries: Country[];
  themes: Theme[];
  sections: CheckedSection[];
}

interface DataFiles {
  editions: Map<string, z.output<typeof editionSchema>>;
  countries: Map<string, z.output<typeof countrySchema>>;
  themes: Map<string, z.output<typeof themeSchema>>;
}

async function checkDataFiles(paths: ContentPaths, problems: Problem[]): Promise<DataFiles> {
  const editions = await checkDataFile(
    paths.editions,
    editionSchema,
    { pattern: /^\d{4}$/, description: 'a publication year of four digits (like "2026")' },
    problems,
  );
  const slug = { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, description: 'a slug of lower-case letters, digits and hyphens' };
  const countries = await checkDataFile(paths.countries, countrySchema, slug, problems);
  const themes = await checkDataFile(paths.themes, themeSchema, slug, problems);
  for (const [year, edition] of editions) {
    if (String(edition.publicationYear) !== year) {
      problems.push({
        file: relative(paths.editions),
        field: `${year}.publicationYear`,
        message: `is ${edition.publicationYear} but the edition's key is "${year}"; they must be the same year.`,
      });
    }
  }
  return { editions, countries, themes };
}

function vocabularyOf(data: DataFiles, paths: ContentPaths): Vocabulary {
  return {
    files: { editions: relative(paths.editions), countries: relative(paths.countries), themes: relative(paths.themes) },
    editions: [...data.editions.keys()],
    countries: [...data.countries.keys()],
    themes: [...data.themes.keys()],
  };
}

/** The variant spellings file, when there is one: checked like the other data files, with lines. */
async function checkTransliterations(file: string, problems: Problem[]): Promise<void> {
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    return;
  }
  const yaml = parseYaml(source, file, 0, problems);
  if (!yaml) return;
  const data = yaml.doc.toJS() ?? [];
  const result = transliterationsSchema.safeParse(data);
  if (!result.success) problems.push(...zodProblems(result.error, data, file, [], yaml, ['spellings', 'note']));
}

/** The slugs sections may name, read from the data files alone (no section is parsed). */
export async function loadVocabulary(paths: ContentPaths): Promise<Vocabulary> {
  return vocabularyOf(await checkDataFiles(paths, []), paths);
}

/** Validates everything under `paths`; never throws for bad content, only returns problems. */
export async function validateContent(paths: ContentPaths): Promise<ContentReport> {
  const problems: Problem[] = [];
  const data = await checkDataFiles(paths, problems);
  const vocabulary = vocabularyOf(data, paths);
  const { editions, countries, themes } = data;

  if (paths.transliterations) await checkTransliterations(paths.transliterations, problems);

  const checked = [];
  for (const file of await listMdx(paths.sections, problems)) {
    const section = await checkSectionFile(file, vocabulary, problems);
    if (section) checked.push(section);
  }

  // Rules across files: one section per theme in a chapter, and in-chapter links that resolve.
  const chapters = new Map<string, Map<string, string>>();
  for (const { file, data } of checked) {
    const chapterKey = `${data.edition}/${data.country}`;
    const chapter = chapters.get(chapterKey) ?? new Map<string, string>();
    chapters.set(chapterKey, chapter);
    const first = chapter.get(data.theme);
    if (first) {
      problems.push({
        file: relative(file),
        field: 'theme',
        message: `\`${data.theme}\` already has a section in the ${data.country} chapter of ${data.edition} (${relative(first)}). Merge the two files into one.`,
      });
    } else chapter.set(data.theme, file);
  }
  for (const { file, data, tree, bodyLine } of checked) {
    const themesInChapter = [...(chapters.get(`${data.edition}/${data.country}`)?.keys() ?? [])];
    visit(tree, 'link', (link) => {
      if (!link.url.startsWith('#') || link.url === '#') return;
      const target = link.url.slice(1);
      if (themesInChapter.includes(target)) return;
      problems.push({
        file: relative(file),
        line: (link.position?.start.line ?? 1) + bodyLine - 1,
        message:
          `the link to \`${link.url}\` points at no section of this chapter.${didYouMean(target, themesInChapter)} ` +
          `Sections here: ${themesInChapter.join(', ')}.`,
      });
    });
  }

  return {
    problems,
    vocabulary,
    editions: [...editions].map(([id, edition]) => ({ ...edition, id })),
    countries: [...countries].map(([slug, country]) => ({ ...country, slug })),
    themes: sortThemes([...themes].map(([slug, theme]) => ({ ...theme, slug }))),
    sections: checked.map(({ file, data, body }) => ({ file, data, body })) };
}
