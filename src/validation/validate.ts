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
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { EDITION_PAGES, SITE_PAGES } from '../lib/constants.ts';
import type { Problem } from '../lib/problems.ts';
import { didYouMean } from '../lib/suggest.ts';
import { sortThemes } from '../lib/themes.ts';
import { type Country, countrySchema } from '../schemas/country.ts';
import { type Edition, editionSchema } from '../schemas/edition.ts';
import type { Vocabulary } from '../schemas/section.ts';
import { type Theme, themeSchema } from '../schemas/theme.ts';
import { transliterationsSchema } from '../schemas/transliteration.ts';
import { type ContentPaths, relative } from './paths.ts';
import { reservedThemeSlug } from './reserved-ids.ts';
import { type CheckedSection, checkSectionFile, listMdx } from './sections.ts';
import { checkDataFile, parseYaml, yamlToJS, zodProblems } from './yaml.ts';

export type { CheckedSection } from './sections.ts';

/** The data files, read and checked: what the section files are then checked against. */
export interface ContentData {
  /** Problems in the data files (and the variant spellings), in the order they were found. */
  problems: Problem[];
  /** The slugs sections may name, with the files that define them. */
  vocabulary: Required<Vocabulary>;
  editions: Edition[];
  countries: Country[];
  themes: Theme[];
}

export interface ContentReport extends ContentData {
  sections: CheckedSection[];
  /** What is published as written but an editor should look at (invisible characters); never stops a build. */
  warnings: Problem[];
}

interface DataFiles {
  editions: Map<string, z.output<typeof editionSchema>>;
  countries: Map<string, z.output<typeof countrySchema>>;
  themes: Map<string, z.output<typeof themeSchema>>;
}

/** The keys of countries.yaml and themes.yaml: the slugs in the site's addresses. */
const SLUG_KEY = { pattern: /^[a-z0-9]+(?:-[a-z0-9]+)*$/, description: 'a slug of lower-case letters, digits and hyphens' };

async function checkDataFiles(paths: ContentPaths, problems: Problem[]): Promise<DataFiles> {
  const editions = await checkDataFile(
    paths.editions,
    editionSchema,
    { pattern: /^\d{4}$/, description: 'a publication year of four digits (like "2026")' },
    problems,
  );
  const countries = await checkDataFile(paths.countries, countrySchema, SLUG_KEY, problems);
  const themes = await checkDataFile(paths.themes, themeSchema, { ...SLUG_KEY, reserved: reservedThemeSlug }, problems);
  for (const [year, edition] of editions) {
    if (String(edition.publicationYear) !== year) {
      problems.push({
        file: relative(paths.editions),
        field: `${year}.publicationYear`,
        message: `is ${edition.publicationYear} but the edition's key is "${year}"; they must be the same year.`,
      });
    }
  }
  for (const slug of countries.keys()) {
    if ((EDITION_PAGES as readonly string[]).includes(slug)) {
      problems.push({
        file: relative(paths.countries),
        field: slug,
        message: `\`${slug}\` cannot be a country's slug: /<edition>/${slug}/ is a page of every edition (${EDITION_PAGES.join(', ')}). Choose another slug.`,
      });
    }
    if ((SITE_PAGES as readonly string[]).includes(slug)) {
      problems.push({
        file: relative(paths.countries),
        field: slug,
        message: `\`${slug}\` cannot be a country's slug: /${slug}/ is a page of the site (${SITE_PAGES.join(', ')}). Choose another slug.`,
      });
    }
  }
  return { editions, countries, themes };
}

function vocabularyOf(data: DataFiles, paths: ContentPaths): Required<Vocabulary> {
  return {
    files: { editions: relative(paths.editions), countries: relative(paths.countries), themes: relative(paths.themes) },
    editions: [...data.editions.keys()],
    countries: [...data.countries.keys()],
    themes: [...data.themes.keys()],
    editionStarts: Object.fromEntries(
      [...data.editions].map(([id, edition]) => [id, edition.published ?? `${edition.publicationYear}-01-01`]),
    ),
    today: new Date().toISOString().slice(0, 10),
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
  const data = yamlToJS<unknown>(yaml, file, problems, []);
  if (data === undefined) return;
  const result = transliterationsSchema.safeParse(data);
  if (!result.success) problems.push(...zodProblems(result.error, data, file, [], yaml, ['spellings', 'note']));
}

/** The slugs sections may name, read from the data files alone (no section is parsed). */
export async function loadVocabulary(paths: ContentPaths): Promise<Vocabulary> {
  return vocabularyOf(await checkDataFiles(paths, []), paths);
}

/**
 * Reads and checks the data files and the variant spellings, once; `validateSections` then checks
 * section files against the result. The importer uses the two steps apart, so that it reads the
 * data files once for both its own needs and the check of the chapter it stages.
 */
export async function validateData(paths: ContentPaths): Promise<ContentData> {
  const problems: Problem[] = [];
  const data = await checkDataFiles(paths, problems);
  if (paths.transliterations) await checkTransliterations(paths.transliterations, problems);
  return {
    problems,
    vocabulary: vocabularyOf(data, paths),
    editions: [...data.editions].map(([id, edition]) => ({ ...edition, id })),
    countries: [...data.countries].map(([slug, country]) => ({ ...country, slug })),
    themes: sortThemes([...data.themes].map(([slug, theme]) => ({ ...theme, slug }))),
  };
}

/**
 * `data` as if its countries file were `file`: that file alone is read and checked (the editions
 * and themes are not read again). The importer stages countries.yaml with a new country appended
 * and checks its chapter against it. Problems of the replaced countries file are dropped, those of
 * `file` added.
 */
export async function withCountriesFile(data: ContentData, file: string): Promise<ContentData> {
  const problems: Problem[] = [];
  const countries = await checkDataFile(file, countrySchema, SLUG_KEY, problems);
  const previous = data.vocabulary.files.countries;
  return {
    ...data,
    problems: [...data.problems.filter((p) => p.file !== previous), ...problems],
    vocabulary: { ...data.vocabulary, files: { ...data.vocabulary.files, countries: relative(file) }, countries: [...countries.keys()] },
    countries: [...countries].map(([key, country]) => ({ ...country, slug: key })),
  };
}

/** A link to another section of the chapter (`#<theme>`), with the line it is on in the file. */
interface FragmentLink {
  url: string;
  line: number;
}

function fragmentLinks(tree: Root, bodyLine: number): FragmentLink[] {
  const links: FragmentLink[] = [];
  visit(tree, 'link', (link) => {
    if (link.url.startsWith('#') && link.url !== '#') links.push({ url: link.url, line: (link.position?.start.line ?? 1) + bodyLine - 1 });
  });
  return links;
}

/**
 * The section files under `dir`, each on its own and across files, against the vocabulary of data
 * files already checked (`validateData`): they are not read again.
 */
export async function validateSections(
  dir: string,
  vocabulary: Vocabulary,
): Promise<{ problems: Problem[]; sections: CheckedSection[]; warnings: Problem[] }> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const checked: (CheckedSection & { links: FragmentLink[] })[] = [];
  const files = await listMdx(dir, problems);
  // The next file is read while this one is parsed; only the fragment links of each tree are kept
  // for the rules across files, not 20,000 trees of an archive.
  const read = (file: string | undefined) => {
    if (file === undefined) return undefined;
    const bytes = readFile(file);
    // Awaited in the next round; until then a failed read must not count as unhandled.
    bytes.catch(() => {});
    return bytes;
  };
  let next = read(files[0]);
  for (const [i, file] of files.entries()) {
    const bytes = await next!;
    next = read(files[i + 1]);
    const section = await checkSectionFile(file, vocabulary, problems, warnings, bytes);
    if (section)
      checked.push({ file: section.file, data: section.data, body: section.body, links: fragmentLinks(section.tree, section.bodyLine) });
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
  for (const { file, data, links } of checked) {
    const themesInChapter = [...(chapters.get(`${data.edition}/${data.country}`)?.keys() ?? [])];
    for (const link of links) {
      const target = link.url.slice(1);
      if (themesInChapter.includes(target)) continue;
      problems.push({
        file: relative(file),
        line: link.line,
        message:
          `the link to \`${link.url}\` points at no section of this chapter.${didYouMean(target, themesInChapter)} ` +
          `Sections here: ${themesInChapter.join(', ')}.`,
      });
    }
  }
  return { problems, warnings, sections: checked.map(({ file, data, body }) => ({ file, data, body })) };
}

/** Validates everything under `paths`; never throws for bad content, only returns problems. */
export async function validateContent(paths: ContentPaths): Promise<ContentReport> {
  const data = await validateData(paths);
  const sections = await validateSections(paths.sections, data.vocabulary);
  return { ...data, problems: [...data.problems, ...sections.problems], sections: sections.sections, warnings: sections.warnings };
}
