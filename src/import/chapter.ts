/**
 * Turns a chapter's plain text (as exported from the published PDF) into one MDX section per
 * theme. Pure: no file access, so the CLI, the tests and the fidelity check share it.
 *
 * The text is testimony: every word, quotation mark and letter of the source is published as it
 * is. Anything MDX would read as markup or code is escaped, never removed.
 */
import type { Theme } from '../schemas/theme.ts';
import { countControls, endsSentence, parseChapter, type SourceParagraph } from './source-text.ts';
import { type Problem, ReportError } from '../lib/problems.ts';
import { editDistance } from '../lib/suggest.ts';
import { matchTheme, slugify } from '../lib/themes.ts';

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
  /** The line before the first heading (usually the country's name), if any. */
  title?: string | undefined;
  sections: ImportedSection[];
  paragraphsJoined: number;
  /** Cross-references ("See also under …") turned into links to a section of the chapter. */
  linksMade: number;
  /** Source links kept as links. */
  linksKept: number;
  /** Links without a usable target, published as plain text and listed under missingSources. */
  linksDropped: number;
  warnings: string[];
}

/** One reason an import was refused, located in the source text (the project's one Problem shape). */
export type ImportProblem = Problem;

/**
 * The import was refused; nothing was written. The message is for an editor: what is wrong,
 * where, and what to do. `problems` lists each reason with its line when there are several.
 */
export class ImportError extends ReportError {
  readonly line: number | undefined;
  constructor(message: string, line?: number, options: { problems?: ImportProblem[]; cause?: unknown } = {}) {
    super(message, { problems: options.problems ?? [{ line, message }], cause: options.cause });
    this.line = line;
  }
}

/** Characters CommonMark, GFM or MDX would read as markup anywhere in a line. */
const INLINE_MARKUP = /[\\`*_{}\[\]<>|~#&]/g;

/**
 * Escapes what MDX would read as markup or code inside a line, so the text renders as itself.
 * CommonMark lets a backslash escape any ASCII punctuation; MDX adds braces and angle brackets.
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(INLINE_MARKUP, (char) => `\\${char}`)
      // A GFM autolink literal ("www.example.org", "https://…") swallows the backslashes after it,
      // so "www.example.org\<b" would open a JSX tag. An escaped ":" or "." stops the parser from
      // starting one; the words are unchanged (remark-gfm may still link the address, as text).
      .replace(/(https?)(:)/gi, '$1\\:')
      .replace(/(www)(\.)/gi, '$1\\.')
  );
}

/**
 * Escapes what MDX would read as a block at the start of a paragraph: list markers, thematic
 * breaks, and `import`/`export`, which would start JavaScript. Letters cannot be backslash-escaped,
 * so the first one becomes a character reference (`&#x69;mport` renders "import").
 */
export function escapeBlockStart(mdx: string): string {
  return mdx
    .replace(/^[-+=]/, (char) => `\\${char}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^(?:import|export)/, (word) => `&#x${word.charCodeAt(0).toString(16)};${word.slice(1)}`);
}

/** Escapes a whole paragraph of plain text for MDX. */
export function escapeMdxText(text: string): string {
  return escapeBlockStart(escapeInline(text));
}

/** A link destination, escaped so that it ends where it should and holds no markup. */
function escapeUrl(url: string): string {
  return url.replace(/[\\()<>{}\[\]`&*_]/g, (char) => `\\${char}`);
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * A Markdown link at the current position: `[words](target)`, where words and target may hold
 * backslash escapes and the target one level of balanced parentheses (Wikipedia's "Foo_(bar)").
 */
const LINK_AT = /\[((?:\\[\s\S]|[^\\\[\]])*)\]\(\s*((?:\\[\s\S]|[^\\()\s]|\((?:\\[\s\S]|[^\\()\s])*\))*)\s*\)/y;

type Inline = { kind: 'text'; value: string } | { kind: 'link'; words: string; url: string; source: string };

function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Splits a paragraph of source text into text and links, undoing the export's backslash escapes.
 * An escaped bracket (`\[`) is text, never the start of a link.
 */
function tokenise(raw: string): Inline[] {
  const result: Inline[] = [];
  let text = '';
  let i = 0;
  while (i < raw.length) {
    const char = raw[i]!;
    const next = raw[i + 1];
    if (char === '\\' && next !== undefined && ASCII_PUNCTUATION.test(next)) {
      text += next;
      i += 2;
      continue;
    }
    if (char === '[') {
      LINK_AT.lastIndex = i;
      const match = LINK_AT.exec(raw);
      const words = match ? unescapeMarkdown(match[1]!) : '';
      if (match && words.trim() !== '') {
        if (text) result.push({ kind: 'text', value: text });
        text = '';
        result.push({ kind: 'link', words, url: unescapeMarkdown(match[2]!), source: match[0] });
        i = LINK_AT.lastIndex;
        continue;
      }
    }
    text += char;
    i += 1;
  }
  if (text) result.push({ kind: 'text', value: text });
  return result;
}

const SEE_ALSO = /\(See also under ([^()]+)\)/gi;
const SEPARATOR = /\s*(?:,|;|&|\band\b)\s*/gi;

interface NamedTheme {
  /** Offset of the theme's name in the label. */
  offset: number;
  text: string;
  theme: Theme;
}

/**
 * The themes a cross-reference names, with where each name stands: "Human Rights Defenders" or
 * "Education and Health". A whole label that names a theme wins over splitting it, so
 * "Equality and non-discrimination" stays one theme. Undefined when any part names no theme.
 */
function themesNamed(label: string, themes: readonly Theme[]): NamedTheme[] | undefined {
  const separators = [...label.matchAll(SEPARATOR)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const from = (position: number): NamedTheme[] | undefined => {
    const ends = [label.length, ...separators.filter((s) => s.start > position).map((s) => s.start).reverse()];
    for (const end of ends) {
      const segment = label.slice(position, end);
      const theme = matchTheme(segment, themes);
      if (!theme) continue;
      const part = { offset: position + (segment.length - segment.trimStart().length), text: segment.trim(), theme };
      if (end === label.length) return [part];
      const rest = from(separators.find((s) => s.start === end)!.end);
      if (rest) return [part, ...rest];
    }
    return undefined;
  };
  return from(0);
}

interface ParagraphContext {
  themes: readonly Theme[];
  /** Slugs of the themes that have a section in this chapter: the only targets of `#` links. */
  present: ReadonlySet<string>;
  warnings: string[];
  line: number;
}

interface ParagraphResult {
  mdx: string;
  linksMade: number;
  linksKept: number;
  dropped: MissingSource[];
}

/** A link target a reader can follow safely: a web or mail address, or a section of this chapter. */
function linkTarget(url: string, present: ReadonlySet<string>): { ok: true } | { ok: false; why: string } {
  if (url === '' || url === '#') return { ok: false, why: 'no target' };
  if (url.startsWith('#')) {
    return present.has(url.slice(1)) ? { ok: true } : { ok: false, why: `a target (\`${url}\`) that is no section of this chapter` };
  }
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (parsed && /^https?:$/.test(parsed.protocol) && parsed.hostname) return { ok: true };
  if (parsed?.protocol === 'mailto:') return { ok: true };
  return { ok: false, why: `a target (\`${url}\`) that is not a full web or mail address` };
}

/** Text with its cross-references linked, escaped for MDX. */
function textToMdx(text: string, context: ParagraphContext): { mdx: string; linksMade: number } {
  const pieces: { start: number; end: number; mdx: string }[] = [];
  for (const match of text.matchAll(SEE_ALSO)) {
    const [whole, label = ''] = match;
    const labelStart = match.index + whole.length - 1 - label.length;
    const named = themesNamed(label, context.themes);
    if (!named) {
      context.warnings.push(`line ${context.line}: "${whole}" names no theme; kept as plain text.`);
      continue;
    }
    for (const part of named) {
      if (!context.present.has(part.theme.slug)) {
        context.warnings.push(
          `line ${context.line}: "${whole}" refers to ${part.theme.label}, which has no section in this chapter; kept as plain text.`,
        );
        continue;
      }
      const start = labelStart + part.offset;
      pieces.push({ start, end: start + part.text.length, mdx: `[${escapeInline(part.text)}](#${part.theme.slug})` });
    }
  }
  let mdx = '';
  let last = 0;
  for (const piece of pieces) {
    mdx += escapeInline(text.slice(last, piece.start)) + piece.mdx;
    last = piece.end;
  }
  return { mdx: mdx + escapeInline(text.slice(last)), linksMade: pieces.length };
}

/** One paragraph to MDX: escapes the text, keeps real links, drops dead ones, links cross-references. */
function paragraphToMdx(raw: string, context: ParagraphContext): ParagraphResult {
  const result: ParagraphResult = { mdx: '', linksMade: 0, linksKept: 0, dropped: [] };
  for (const token of tokenise(raw)) {
    if (token.kind === 'text') {
      const text = textToMdx(token.value, context);
      result.mdx += text.mdx;
      result.linksMade += text.linksMade;
      continue;
    }
    const target = linkTarget(token.url, context.present);
    if (target.ok) {
      result.mdx += `[${escapeInline(token.words)}](${escapeUrl(token.url)})`;
      result.linksKept += 1;
    } else {
      result.dropped.push({
        text: token.words.trim(),
        note: `The source gave the link "${token.words.trim()}" ${target.why} (\`${token.source}\`); restore the URL from the published report.`,
      });
      result.mdx += escapeInline(token.words);
    }
  }
  result.mdx = escapeBlockStart(result.mdx);
  return result;
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of it, except for the few
 * characters YAML reads as line breaks or byte-order marks, which are escaped here.
 */
function quoteYaml(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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

/** The allowed themes closest to a heading, best first, by edit distance to slug, label or alias. */
export function closestThemes(heading: string, themes: readonly Theme[], limit = 3): string[] {
  const wanted = slugify(heading);
  return themes
    .map((theme) => ({
      slug: theme.slug,
      distance: Math.min(
        ...[theme.slug, slugify(theme.label), ...theme.aliases.map(slugify)].map((name) => editDistance(wanted, name)),
      ),
    }))
    .sort((a, b) => a.distance - b.distance || a.slug.localeCompare(b.slug))
    .slice(0, limit)
    .map((t) => t.slug);
}

export interface ImportOptions {
  edition: string;
  /** The country's slug, written into each section's frontmatter. */
  country: string;
  /** The country's name, to check the chapter's title line against. */
  countryName?: string | undefined;
  themes: readonly Theme[];
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Imports a whole chapter. Throws ImportError, with the line, when the text cannot be published
 * faithfully: a heading names no theme, text stands before the first heading, or there is no
 * text at all. Everything else it can fix is fixed and reported in `warnings`.
 */
export function importChapter(text: string, options: ImportOptions): ImportReport {
  const { themes } = options;
  const chapter = parseChapter(text, { isTheme: (heading) => matchTheme(heading, themes) !== undefined });
  const warnings: string[] = [];
  const controls = countControls(text);
  if (controls) warnings.push(`removed ${plural(controls, 'invisible control character')}.`);
  for (const page of chapter.pageNumbers) {
    warnings.push(`line ${page.line}: "${page.text}" stands alone like a page number; left out.`);
  }

  if (chapter.headings.length === 0) {
    throw new ImportError(
      chapter.preamble.length === 0
        ? 'the file has no text.'
        : 'found no theme heading (a line in capitals such as "FREEDOM OF EXPRESSION"); nothing to import.',
    );
  }

  // Every unknown heading at once, so an editor fixes them in one go.
  const unknown = chapter.headings
    .filter((heading) => !matchTheme(heading.text, themes))
    .map((heading) => ({
      line: heading.line,
      message:
        `the heading "${heading.text}" names no theme of the vocabulary. ` +
        `Closest: ${closestThemes(heading.text, themes).join(', ')}. ` +
        'If it is another name for one of them, add it to that theme’s `aliases` in content/themes.yaml.',
    }));
  if (unknown.length) {
    const message = unknown.length === 1 ? unknown[0]!.message : unknown.map((p) => `line ${p.line}: ${p.message}`).join('\n');
    throw new ImportError(message, unknown[0]!.line, { problems: unknown });
  }

  // The text before the first heading is the chapter's title; anything more would be lost.
  const [first, ...more] = chapter.preamble;
  if (first && (more.length > 0 || first.text.length > 80 || endsSentence(first.text))) {
    throw new ImportError(
      `the text before the first theme heading ("${excerpt(chapter.title ?? '')}") is not a title, and would not be published. ` +
        'Move it under a theme heading, or delete it if it is not part of the chapter.',
      first.line,
    );
  }
  if (first && options.countryName && slugify(first.text) !== slugify(options.countryName)) {
    warnings.push(`line ${first.line}: the chapter's title "${first.text}" is not the country's name "${options.countryName}".`);
  }

  // Headings that occur twice become one section, their paragraphs in source order.
  const byTheme = new Map<string, { theme: Theme; line: number; text: string; paragraphs: SourceParagraph[] }>();
  for (const heading of chapter.headings) {
    const theme = matchTheme(heading.text, themes)!;
    const section = byTheme.get(theme.slug) ?? { theme, line: heading.line, text: heading.text, paragraphs: [] };
    byTheme.set(theme.slug, section);
    section.paragraphs.push(...heading.paragraphs);
  }
  for (const [slug, section] of byTheme) {
    if (section.paragraphs.length > 0) continue;
    warnings.push(`line ${section.line}: the heading "${section.text}" has no text under it; no section written.`);
    byTheme.delete(slug);
  }
  if (byTheme.size === 0) throw new ImportError('no heading has text under it; nothing to import.', chapter.headings[0]!.line);

  const present = new Set(byTheme.keys());
  const report: ImportReport = {
    title: chapter.title,
    sections: [],
    paragraphsJoined: 0,
    linksMade: 0,
    linksKept: 0,
    linksDropped: 0,
    warnings,
  };
  for (const [slug, section] of byTheme) {
    const paragraphs: string[] = [];
    const missing: MissingSource[] = [];
    for (const paragraph of section.paragraphs) {
      report.paragraphsJoined += paragraph.joins;
      const context = { themes, present, warnings, line: paragraph.line };
      const result = paragraphToMdx(paragraph.text, context);
      report.linksMade += result.linksMade;
      report.linksKept += result.linksKept;
      report.linksDropped += result.dropped.length;
      for (const dropped of result.dropped) {
        warnings.push(`line ${paragraph.line}: the link "${dropped.text}" had no usable target; published as plain text.`);
      }
      paragraphs.push(result.mdx);
      missing.push(...result.dropped);
    }
    const last = section.paragraphs.at(-1)!;
    if (!endsSentence(last.text)) {
      warnings.push(`line ${last.line}: the last paragraph of "${section.text}" does not end a sentence; check that no text is missing.`);
    }
    report.sections.push({
      theme: slug,
      mdx: `${frontmatter(options.edition, options.country, slug, missing)}\n\n${paragraphs.join('\n\n')}\n`,
      paragraphs: paragraphs.length,
      missingSources: missing,
    });
  }
  // In source order, so an editor can walk down the file; general remarks first.
  const lineOf = (warning: string) => Number(/^line (\d+):/.exec(warning)?.[1] ?? 0);
  warnings.sort((a, b) => lineOf(a) - lineOf(b));
  return report;
}
