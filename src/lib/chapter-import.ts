/**
 * Turns a chapter's plain text (as exported from the published PDF) into one MDX section per
 * theme. Pure: no file access, so the CLI, the tests and the fidelity check share it.
 */
import type { Theme } from '../schemas/theme.ts';
import { parseChapter, unescapeExport } from './source-text.ts';
import { closest } from './suggest.ts';
import { matchTheme, slugify } from './themes.ts';

export interface MissingSource {
  text: string;
  note: string;
}

export interface ImportedSection {
  theme: string;
  /** The MDX file's full text, frontmatter included. */
  mdx: string;
  paragraphs: number;
  missingSources: MissingSource[];
}

export interface ImportReport {
  sections: ImportedSection[];
  paragraphsJoined: number;
  linksMade: number;
  linksDropped: number;
  warnings: string[];
}

export class ImportError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.name = 'ImportError';
    this.line = line;
  }
}

/**
 * Escapes what MDX would read as markup or code, so the published text is exactly the input text.
 * CommonMark lets a backslash escape any ASCII punctuation, and MDX adds braces and angle brackets.
 */
export function escapeMdxText(text: string): string {
  return text
    .replace(/[\\`*_{}\[\]<>|~#&]/g, (char) => `\\${char}`)
    .replace(/^(\s*)([-+=]|\d+[.)])(?=\s|$)/, (_, space: string, marker: string) => `${space}${marker.replace(/([-+=.)])$/, '\\$1')}`);
}

const LINK = /\[([^\]]*)\]\(([^)\s]*)\)/g;
const SEE_ALSO = /\(See also under ([^()]+)\)/g;

interface ParagraphResult {
  mdx: string;
  linksMade: number;
  dropped: MissingSource[];
}

/** One paragraph to MDX: escapes the text, keeps real links, drops dead ones, links cross-references. */
function paragraphToMdx(raw: string, themes: readonly Theme[], warnings: string[], line: number): ParagraphResult {
  const text = unescapeExport(raw);
  const dropped: MissingSource[] = [];
  let linksMade = 0;
  let mdx = '';
  let last = 0;
  const pieces: { start: number; end: number; render: () => string }[] = [];
  for (const match of text.matchAll(LINK)) {
    const [whole, words = '', url = ''] = match;
    pieces.push({
      start: match.index,
      end: match.index + whole.length,
      render: () => {
        if (url === '' || url === '#') {
          dropped.push({
            text: words,
            note: `The source gave the link "${words}" no target (\`${whole}\`); restore the URL from the published report.`,
          });
          return escapeMdxText(words);
        }
        return `[${escapeMdxText(words)}](${url})`;
      },
    });
  }
  for (const match of text.matchAll(SEE_ALSO)) {
    const [whole, label = ''] = match;
    const theme = matchTheme(label, themes);
    if (!theme) {
      warnings.push(`line ${line}: "${whole}" names no theme; kept as plain text.`);
      continue;
    }
    const start = match.index + '(See also under '.length;
    pieces.push({
      start,
      end: start + label.length,
      render: () => {
        linksMade += 1;
        return `[${escapeMdxText(label)}](#${theme.slug})`;
      },
    });
  }
  pieces.sort((a, b) => a.start - b.start);
  for (const piece of pieces) {
    if (piece.start < last) continue; // overlapping (a link inside a cross-reference): first wins
    mdx += escapeMdxText(text.slice(last, piece.start)) + piece.render();
    last = piece.end;
  }
  mdx += escapeMdxText(text.slice(last));
  return { mdx, linksMade, dropped };
}

function quoteYaml(value: string): string {
  return JSON.stringify(value);
}

function frontmatter(edition: string, country: string, theme: string, missing: MissingSource[]): string {
  const lines = ['---', `edition: ${edition}`, `country: ${country}`, `theme: ${theme}`];
  if (missing.length) {
    lines.push('missingSources:');
    for (const source of missing) {
      lines.push(`  - text: ${quoteYaml(source.text)}`, `    note: ${quoteYaml(source.note)}`);
    }
  }
  lines.push('---');
  return lines.join('\n');
}

export interface ImportOptions {
  edition: string;
  country: string;
  themes: readonly Theme[];
}

/** Imports a whole chapter; throws ImportError (with the line) when a heading names no theme. */
export function importChapter(text: string, options: ImportOptions): ImportReport {
  const chapter = parseChapter(text);
  const warnings: string[] = [];
  if (chapter.headings.length === 0) {
    throw new ImportError('found no theme heading (a line in capitals such as "FREEDOM OF EXPRESSION").');
  }
  // Headings that occur twice become one section, their paragraphs in source order.
  const byTheme = new Map<string, { paragraphs: string[]; missing: MissingSource[] }>();
  let paragraphsJoined = 0;
  let linksMade = 0;
  let linksDropped = 0;
  for (const heading of chapter.headings) {
    const theme = matchTheme(heading.text, options.themes);
    if (!theme) {
      const near = closest(slugify(heading.text), options.themes.map((t) => t.slug));
      throw new ImportError(
        `the heading "${heading.text}" names no theme of the vocabulary.` +
          (near.length ? ` Closest: ${near.join(', ')}.` : '') +
          ' Add it as an alias in content/themes.yaml if it is another name for a theme.',
        heading.line,
      );
    }
    const section = byTheme.get(theme.slug) ?? { paragraphs: [], missing: [] };
    byTheme.set(theme.slug, section);
    for (const paragraph of heading.paragraphs) {
      paragraphsJoined += paragraph.joins;
      const result = paragraphToMdx(paragraph.text, options.themes, warnings, paragraph.line);
      linksMade += result.linksMade;
      linksDropped += result.dropped.length;
      for (const missing of result.dropped) {
        warnings.push(`line ${paragraph.line}: the link "${missing.text}" had no target; published as plain text.`);
      }
      section.paragraphs.push(result.mdx);
      section.missing.push(...result.dropped);
    }
  }
  const sections: ImportedSection[] = [...byTheme].map(([theme, section]) => ({
    theme,
    mdx: `${frontmatter(options.edition, options.country, theme, section.missing)}\n\n${section.paragraphs.join('\n\n')}\n`,
    paragraphs: section.paragraphs.length,
    missingSources: section.missing,
  }));
  return { sections, paragraphsJoined, linksMade, linksDropped, warnings };
}
