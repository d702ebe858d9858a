/**
 * Reads the whole content tree and reports every problem in it at once.
 *
 * Astro's own collection loading stops at the first invalid entry and knows nothing of rules
 * that span files (a theme used twice in one chapter, a link to a section that does not exist).
 * This module checks everything with the same zod schemas, so `npm run check` and the build
 * can give an editor the full list, each with file, line and field.
 */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { isMap, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { countrySchema, type Country } from '../schemas/country.ts';
import { editionSchema, type Edition } from '../schemas/edition.ts';
import { sectionSchema, type SectionData, type Vocabulary } from '../schemas/section.ts';
import { themeSchema, type Theme } from '../schemas/theme.ts';
import { transliterationsSchema } from '../schemas/transliteration.ts';
import { sortThemes } from '../lib/themes.ts';
import type { Problem } from '../lib/problems.ts';
import { didYouMean } from '../lib/suggest.ts';

/** Where each part of the content lives; tests point some of these at fixtures. */
export interface ContentPaths {
  editions: string;
  countries: string;
  themes: string;
  sections: string;
  /** Variant spellings for search; optional (a folder without it has none). */
  transliterations?: string;
}

export function contentPaths(root: string): ContentPaths {
  return {
    editions: path.join(root, 'editions.yaml'),
    countries: path.join(root, 'countries.yaml'),
    themes: path.join(root, 'themes.yaml'),
    sections: path.join(root, 'sections'),
    transliterations: path.join(root, 'transliterations.yaml'),
  };
}

/** A section file that passed its own checks. */
export interface CheckedSection {
  file: string;
  data: SectionData;
  /** The MDX body, without frontmatter. */
  body: string;
}

export interface ContentReport {
  problems: Problem[];
  vocabulary: Vocabulary;
  editions: Edition[];
  countries: Country[];
  themes: Theme[];
  sections: CheckedSection[];
}

const relative = (file: string) => path.relative(process.cwd(), file) || file;

/** A YAML document with a way to turn a key path into a line number. */
interface ParsedYaml {
  doc: Document;
  lineOf(fieldPath: readonly PropertyKey[]): number | undefined;
}

function parseYaml(source: string, file: string, lineOffset: number, problems: Problem[]): ParsedYaml | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  for (const error of doc.errors) {
    problems.push({
      file: relative(file),
      line: lineAt(error.pos[0]),
      message: `is not valid YAML: ${error.message.split('\n')[0]}`,
    });
  }
  if (doc.errors.length > 0) return undefined;
  return {
    doc,
    lineOf(fieldPath) {
      // Walk up to the deepest node that exists, so a missing field points at its parent.
      for (let depth = fieldPath.length; depth >= 0; depth--) {
        const node = doc.getIn(fieldPath.slice(0, depth), true) as { range?: [number, number] } | undefined;
        if (node?.range) return lineAt(node.range[0]);
      }
      return undefined;
    },
  };
}

/** Turns zod's issues into problems an editor can act on. */
function zodProblems(
  error: z.ZodError,
  input: unknown,
  file: string,
  prefix: readonly PropertyKey[],
  yaml: ParsedYaml,
  knownFields: readonly string[],
): Problem[] {
  return error.issues.map((issue) => {
    const fieldPath = [...prefix, ...issue.path];
    const field = fieldPath.map(String).join('.') || undefined;
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys;
      message =
        `unknown field${keys.length > 1 ? 's' : ''} ${keys.map((k) => `\`${k}\``).join(', ')}.` +
        (keys.length === 1 ? didYouMean(keys[0]!, knownFields) : '') +
        (issue.path.length === 0 ? ` Allowed fields: ${knownFields.join(', ')}.` : '');
    } else if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
      message = 'is missing; this field is required.';
    }
    return { file: relative(file), line: yaml.lineOf(fieldPath), field, message };
  });
}

function valueAt(input: unknown, fieldPath: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of fieldPath) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Reads a data file whose top level maps slugs to entries, checking each entry with `schema`. */
async function checkDataFile<S extends z.ZodObject>(
  file: string,
  schema: S,
  keyRule: { pattern: RegExp; description: string },
  problems: Problem[],
): Promise<Map<string, z.output<S>>> {
  const entries = new Map<string, z.output<S>>();
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    problems.push({ file: relative(file), message: 'is missing; the site cannot be built without it.' });
    return entries;
  }
  const yaml = parseYaml(source, file, 0, problems);
  if (!yaml) return entries;
  if (!isMap(yaml.doc.contents)) {
    problems.push({
      file: relative(file),
      line: 1,
      message: `must map each ${keyRule.description} to its fields (\`key:\` followed by indented fields).`,
    });
    return entries;
  }
  const data = yaml.doc.toJS() as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) {
    if (!keyRule.pattern.test(key)) {
      problems.push({
        file: relative(file),
        line: yaml.lineOf([key]),
        field: key,
        message: `\`${key}\` is not a valid key: it must be ${keyRule.description}.`,
      });
      continue;
    }
    const result = schema.safeParse(value);
    if (result.success) entries.set(key, result.data);
    else problems.push(...zodProblems(result.error, value, file, [key], yaml, Object.keys(schema.shape)));
  }
  return entries;
}

async function listMdx(dir: string, problems: Problem[]): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir, { recursive: true });
  } catch {
    problems.push({ file: relative(dir), message: 'is missing: sections live in this folder, one MDX file each.' });
    return [];
  }
  const files: string[] = [];
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    if (name.endsWith('.mdx')) files.push(file);
    else if (/\.(md|markdown|txt)$/.test(name)) {
      problems.push({ file: relative(file), message: 'is not read: sections must be `.mdx` files.' });
    }
  }
  return files;
}

/** Node types that have no place in a section's text, with what to do instead. */
const FRONTMATTER_HINT = 'The section\'s heading comes from its theme in the frontmatter.';
const FORBIDDEN_IN_BODY: Record<string, string> = {
  heading: `has a heading in its text. ${FRONTMATTER_HINT} Write the words as a paragraph, or put them in the section of another theme.`,
  footnoteReference: 'has a footnote reference. Footnotes are not supported: give the source as a link in the sentence.',
  footnoteDefinition: 'has a footnote. Footnotes are not supported: give the source as a link in the sentence.',
  mdxJsxFlowElement: 'has markup (a tag such as <b> or <Component>). Report text is plain: write \\< for a literal angle bracket.',
  mdxJsxTextElement: 'has markup (a tag such as <b> or <Component>). Report text is plain: write \\< for a literal angle bracket.',
  mdxjsEsm: 'has an import or export statement. Report text is plain: start the line with \\ to keep the words.',
  mdxFlowExpression: 'has a {…} expression. Report text is plain: write \\{ and \\} for literal braces.',
  mdxTextExpression: 'has a {…} expression. Report text is plain: write \\{ and \\} for literal braces.',
};

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

const mdxParser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** Checks one section file on its own: frontmatter against the schema, body for text and links. */
async function checkSectionFile(
  file: string,
  vocabulary: Vocabulary,
  problems: Problem[],
): Promise<(CheckedSection & { tree: Root; bodyLine: number }) | undefined> {
  const source = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const match = FRONTMATTER.exec(source);
  if (!match) {
    problems.push({
      file: relative(file),
      line: 1,
      message: 'has no frontmatter: start the file with `---`, the fields edition, country and theme, and `---`.',
    });
    return undefined;
  }
  const yaml = parseYaml(match[1]!, file, 1, problems);
  if (!yaml) return undefined;
  const frontmatter = yaml.doc.toJS() ?? {};
  const schema = sectionSchema(vocabulary);
  const result = schema.safeParse(frontmatter);
  if (!result.success) {
    problems.push(...zodProblems(result.error, frontmatter, file, [], yaml, Object.keys(schema.shape)));
  }

  const body = source.slice(match[0].length);
  const bodyLine = match[0].split('\n').length; // lines before the body starts
  let tree: Root;
  try {
    tree = mdxParser.parse(body);
  } catch (error) {
    const place = (error as { line?: number }).line;
    problems.push({
      file: relative(file),
      line: place ? place + bodyLine - 1 : undefined,
      message: `cannot be read as MDX: ${(error as Error).message}. Curly braces and angle brackets in text must be escaped (\\{ \\} \\<).`,
    });
    return undefined;
  }

  let hasText = false;
  visit(tree, 'text', (node) => {
    if (node.value.trim()) hasText = true;
  });
  if (!hasText) {
    problems.push({
      file: relative(file),
      line: bodyLine,
      message: 'has no text: write the section below the frontmatter, or delete the file.',
    });
  }
  // A section is paragraphs of report text. Its heading comes from its theme, and the ids that
  // citations rely on are the theme's and its paragraphs'; a heading, footnote or markup inside
  // would add ids of its own (clashing with another section's, or breaking on theme pages).
  visit(tree, (node) => {
    const problem = FORBIDDEN_IN_BODY[node.type];
    if (!problem) return;
    problems.push({ file: relative(file), line: (node.position?.start.line ?? 1) + bodyLine - 1, message: problem });
  });
  visit(tree, ['link', 'definition'], (node) => {
    const link = node as Link;
    if (link.url.trim() === '' || link.url.trim() === '#') {
      const words = link.children?.map((child) => ('value' in child ? child.value : '')).join('') ?? '';
      problems.push({
        file: relative(file),
        line: (link.position?.start.line ?? 1) + bodyLine - 1,
        message:
          `the link${words ? ` "${words}"` : ''} has an empty target (\`${link.url || '()'}\`). ` +
          'Give the source URL, or publish the words as plain text and list them under missingSources.',
      });
    }
  });
  return result.success ? { file, data: result.data, body, tree, bodyLine } : undefined;
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
