/**
 * One section file checked on its own: its frontmatter against the section schema, its text for
 * what a section may hold (plain paragraphs and links; no heading, footnote, tag or expression).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Problem } from '../lib/problems.ts';
import { type SectionData, sectionSchema, type Vocabulary } from '../schemas/section.ts';
import { linkProblems } from './links.ts';
import { relative } from './paths.ts';
import { ALLOW_DIRECTION_CONTROLS, characterProblems, decodeSection, nestingProblems, treeDepthProblem } from './section-text.ts';
import { parseYaml, yamlToJS, zodProblems } from './yaml.ts';

/** A section file that passed its own checks. */
export interface CheckedSection {
  file: string;
  data: SectionData;
  /** The MDX body, without frontmatter. */
  body: string;
}

export async function listMdx(dir: string, problems: Problem[]): Promise<string[]> {
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
const FRONTMATTER_HINT = "The section's heading comes from its theme in the frontmatter.";
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

/** One schema per vocabulary: zod compiles each schema it is handed, and an archive has 20,000 sections. */
const schemas = new WeakMap<Vocabulary, ReturnType<typeof sectionSchema>>();
function schemaFor(vocabulary: Vocabulary): ReturnType<typeof sectionSchema> {
  let schema = schemas.get(vocabulary);
  if (!schema) {
    schema = sectionSchema(vocabulary);
    schemas.set(vocabulary, schema);
  }
  return schema;
}

/**
 * Checks one section file on its own: frontmatter against the schema, body for text and links.
 * `bytes` are the file's, when the caller has read them already.
 */
export async function checkSectionFile(
  file: string,
  vocabulary: Vocabulary,
  problems: Problem[],
  warnings: Problem[] = [],
  bytes?: Buffer,
): Promise<(CheckedSection & { tree: Root; bodyLine: number }) | undefined> {
  const decoded = decodeSection(bytes ?? (await readFile(file)), relative(file), problems);
  if (decoded === undefined) return undefined;
  const source = decoded.replace(/^\uFEFF/, '');
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
  const frontmatter = yamlToJS<Record<string, unknown>>(yaml, file, problems, {});
  if (frontmatter === undefined) return undefined;
  characterProblems(source, relative(file), frontmatter[ALLOW_DIRECTION_CONTROLS] === true, problems, warnings);
  const schema = schemaFor(vocabulary);
  const result = schema.safeParse(frontmatter);
  if (!result.success) {
    problems.push(...zodProblems(result.error, frontmatter, file, [], yaml, Object.keys(schema.shape)));
  }

  const body = source.slice(match[0].length);
  const bodyLine = match[0].split('\n').length; // lines before the body starts
  const tooDeep = nestingProblems(body, relative(file), bodyLine);
  if (tooDeep.length > 0) {
    problems.push(...tooDeep);
    return undefined;
  }
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

  const depth = treeDepthProblem(tree, relative(file), bodyLine);
  if (depth) {
    problems.push(depth);
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
  problems.push(...linkProblems(tree, relative(file), bodyLine));
  return result.success ? { file, data: result.data, body, tree, bodyLine } : undefined;
}
