/**
 * Content lint: the mistakes that pass validate-content.ts (which already rejects empty and `#`
 * link targets and any link target but https, http, mailto and #<theme> (src/validation/links.ts), unknown editions, countries and themes, a theme used twice in a chapter, and
 * fragments that name no section) but still publish something broken.
 *
 * - A link with no words is invisible to screen readers and to sighted readers alike.
 * - A missingSources entry whose words are not in the section points the editor at nothing.
 * - Two countries with one ISO code, or two themes claiming one heading, make the map and the
 *   importer pick one of them silently.
 */
import { readFile } from 'node:fs/promises';
import type { Link, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { LineCounter, parseDocument } from 'yaml';
import type { Problem } from '../lib/problems.ts';
import { slugify } from '../lib/themes.ts';
import { linkTargetProblem } from './links.ts';
import { type ContentPaths, relative } from './paths.ts';
import type { ContentReport } from './validate.ts';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

function linkText(link: Link): string {
  let words = '';
  visit(link, (node) => {
    if ('value' in node && typeof node.value === 'string') words += node.value;
    // An image inside a link carries its words in alt.
    if (node.type === 'image' && node.alt) words += node.alt;
  });
  return words.trim();
}

/** Lint of one section body (MDX without frontmatter). */
export function lintSectionBody(
  body: string,
  missingSources: readonly { text: string }[],
  where: { file: string; bodyLine: number },
): Problem[] {
  const problems: Problem[] = [];
  const tree: Root = parser.parse(body);
  const line = (link: Link) => (link.position?.start.line ?? 1) + where.bodyLine - 1;
  visit(tree, 'link', (link: Link) => {
    const words = linkText(link);
    if (!words && link.url.trim() !== '') {
      problems.push({
        file: where.file,
        line: line(link),
        message: `the link to \`${link.url}\` has no words, so no reader can see or hear it; write the words inside the brackets.`,
      });
    }
  });
  const flat = body.replace(/\s+/g, ' ');
  missingSources.forEach((source, index) => {
    if (!flat.includes(source.text.replace(/\s+/g, ' '))) {
      problems.push({
        file: where.file,
        field: `missingSources.${index}.text`,
        message: `"${source.text}" does not occur in the section, so an editor cannot find where the lost link was; copy the words exactly as published.`,
      });
    }
  });
  return problems;
}

/** Line of a top-level key's field in a YAML file, for pointing at a duplicate. */
async function yamlLines(file: string): Promise<(key: string, field: string) => number | undefined> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(await readFile(file, 'utf8'), { lineCounter });
  return (key, field) => {
    const node = doc.getIn([key, field], true) as { range?: [number, number] } | undefined;
    return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  };
}

/** Lint across the data files: values that must be unique but that no schema can see twice. */
export async function lintDataFiles(report: Pick<ContentReport, 'countries' | 'themes'>, paths: ContentPaths): Promise<Problem[]> {
  const problems: Problem[] = [];
  const countryLine = await yamlLines(paths.countries);
  const byIso = new Map<string, string>();
  for (const country of report.countries) {
    const first = byIso.get(country.iso);
    if (first) {
      problems.push({
        file: relative(paths.countries),
        line: countryLine(country.slug, 'iso'),
        field: `${country.slug}.iso`,
        message: `${country.iso} is already the code of \`${first}\`; each country needs its own ISO 3166-1 code.`,
      });
    } else byIso.set(country.iso, country.slug);
  }
  const themeLine = await yamlLines(paths.themes);
  const claimed = new Map<string, string>();
  for (const theme of report.themes) {
    const names = [theme.slug, slugify(theme.label), ...theme.aliases.map(slugify)];
    for (const name of new Set(names)) {
      const owner = claimed.get(name);
      if (owner && owner !== theme.slug) {
        problems.push({
          file: relative(paths.themes),
          line: themeLine(theme.slug, 'aliases') ?? themeLine(theme.slug, 'label'),
          field: theme.slug,
          message: `a heading "${name}" would match both \`${owner}\` and \`${theme.slug}\`; the importer would file it under one silently. Keep the label or alias in one theme only.`,
        });
      } else claimed.set(name, theme.slug);
    }
  }
  return problems;
}

const FRONTMATTER = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/;

/** Lints content that validate-content.ts has read; call it with that report and the same paths. */
export async function lintContent(report: ContentReport, paths: ContentPaths): Promise<Problem[]> {
  const problems = await lintDataFiles(report, paths);
  for (const section of report.sections) {
    const source = (await readFile(section.file, 'utf8')).replace(/^\uFEFF/, '');
    const bodyLine = FRONTMATTER.exec(source)?.[0].split('\n').length ?? 1;
    problems.push(...lintSectionBody(section.body, section.data.missingSources, { file: relative(section.file), bodyLine }));
  }
  return problems;
}

// Link targets are refused by validation now (src/validation/links.ts); kept here for callers of the lint.
export { linkTargetProblem };
