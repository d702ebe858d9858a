/**
 * One paragraph of source text to MDX, and what becomes of its links: a source link with a web or
 * mail address is kept, a link without a usable target is published as its words and listed under
 * missingSources (so an editor restores it), and a cross-reference "(See also under Education)"
 * becomes a link to that section of the chapter, when the chapter has one.
 */

import { matchTheme } from '../lib/themes.ts';
import type { Theme } from '../schemas/theme.ts';
import { escapeBlockStart, escapeInline, escapeUrl } from './mdx-escape.ts';

/** A link the source gave without a usable target: published as plain text, listed in the frontmatter. */
export interface MissingSource {
  text: string;
  note: string;
}

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

/**
 * A Markdown link at the current position: `[words](target)`, where words and target may hold
 * backslash escapes and the target one level of balanced parentheses (Wikipedia's "Foo_(bar)").
 */
const LINK_AT = /\[((?:\\[\s\S]|[^\\[\]])*)\]\(\s*((?:\\[\s\S]|[^\\()\s]|\((?:\\[\s\S]|[^\\()\s])*\))*)\s*\)/y;

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
    const ends = [
      label.length,
      ...separators
        .filter((s) => s.start > position)
        .map((s) => s.start)
        .reverse(),
    ];
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

/** What a paragraph is converted against, and where its warnings go. */
export interface ParagraphContext {
  themes: readonly Theme[];
  /** Slugs of the themes that have a section in this chapter: the only targets of `#` links. */
  present: ReadonlySet<string>;
  /** The chapter's warnings, appended to (each names the paragraph's line). */
  warnings: string[];
  /** The paragraph's first line in the source. */
  line: number;
}

/** A paragraph as MDX, with the counts the import report adds up. */
export interface ParagraphResult {
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
export function paragraphToMdx(raw: string, context: ParagraphContext): ParagraphResult {
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
