/**
 * Reading a chapter as it comes out of the published PDF: a title line, theme headings in
 * capitals, and paragraphs separated by blank lines, some of them split in two by a page break.
 *
 * The importer and the fidelity test both use these functions, so "what the seed says" has one
 * definition.
 */
import { PAGE_NUMBER, removeFurniture } from './furniture.ts';
import { joinLines, lostHyphens, type Words } from './hyphens.ts';
import { textBlocks } from './text-blocks.ts';
import { readLines, type SourceChange } from './text-lines.ts';

/**
 * A heading line: capitals, digits, spaces and the punctuation of theme names, nothing lower-case.
 * Hyphens come in every variant a PDF export produces (‐ ‑ ‒ – — ―, minus sign).
 */
const HEADING = /^[A-Z][A-Z0-9 ,&'’()/\-\u2010-\u2015\u2212]*[A-Z)]$/;

/** Ends a sentence: terminal punctuation, then optional closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’»)\]]*$/;

/** A cross-reference such as "(See also under Human Rights Defenders)" closes a paragraph. */
const SEE_ALSO = /\(See also under [^()]+\)$/i;

/**
 * Abbreviations that never end a sentence ("Dr." is always followed by a name, "e.g." by an
 * example): a paragraph ending in one was cut by a page break.
 */
const ALWAYS_CONTINUES = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Prof|e\.g|i\.e|cf|vs|approx|incl)\.$/;

/** Abbreviations followed by a number ("Law No." / "123"): the paragraph continues before a digit. */
const NUMBERED = /(?:^|[\s(])(?:No|Nos|Art|Arts|para|paras|p|pp)\.$/;

/**
 * Abbreviations that may end a sentence ("etc.", "U.S."): the paragraph continues only when the
 * next block starts in lower case ("…the U.S." / "administration said…").
 */
const MAY_CONTINUE = /(?:(?:^|[\s(])(?:etc|Inc|Ltd|Co|Corp|St|Jr|Sr|a\.m|p\.m)\.|(?:\b\p{Lu}\.){2,})$/u;

export interface SourceBlock {
  /** 1-based page, by the export's form feeds (1 without any). */
  page?: number | undefined;
  /** 1-based line of the block's first line in the source. */
  line: number;
  text: string;
}

export interface SourceParagraph extends SourceBlock {
  /** How many page-break fragments were joined to make this paragraph (0 when none). */
  joins: number;
}

export interface SourceHeading extends SourceBlock {
  paragraphs: SourceParagraph[];
}

export interface SourceChapter {
  /** The text before the first heading (the country's name), if any. */
  title?: string;
  /** Each block of text before the first heading, for the importer to check. */
  preamble: SourceBlock[];
  headings: SourceHeading[];
  /** Blocks dropped because they are only a page number. */
  pageNumbers: SourceBlock[];
  /** Everything the reading left out or changed, in the order found. */
  changes: SourceChange[];
}

export interface ParseOptions {
  /**
   * Whether a heading names a theme of the vocabulary. With it, a line that names a theme is a
   * heading in any case ("Freedom of expression"), and a line in capitals that names none but
   * follows an unfinished paragraph is read as that paragraph's continuation ("…Organisation
   * for" / "LGBT"), not as a heading. Without it, every line in capitals is a heading.
   */
  isTheme?: ((heading: string) => boolean) | undefined;
  /** Whether a line names a country: the chapter's title, in capitals too, and running headers. */
  isCountry?: ((line: string) => boolean) | undefined;
  /** Words known besides the chapter's own, for mending hyphenated line ends. */
  dictionary?: Words | undefined;
  /** The publication's names, which running headers and footers carry ("Annual Review 2026"). */
  phrases?: readonly string[] | undefined;
  /**
   * Set when the text was laid out from a PDF (pdf/layout.ts): furniture, paragraphs and joins are
   * already settled, and the headings are exactly these lines (by typography, in any case).
   */
  layout?: { headings: ReadonlySet<number> } | undefined;
}

/** Characters that mark a line or page break in PDF exports (form feed, vertical tab, Unicode separators). */
const BREAKS = /[\f\v\u2028\u2029]/g;
/** Control characters that no text contains: invisible, and some make MDX fail. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * Line endings, byte-order mark, page-break characters, control characters and trailing spaces
 * made uniform. Letters, quotation marks and spaces inside a line are left exactly as they are.
 */
export function normaliseSource(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(BREAKS, '\n')
    .replace(CONTROLS, '')
    .replace(/[ \t\u00A0]+$/gm, '');
}

/** How many control characters normaliseSource removes from `text`, for the import report. */
export function countControls(text: string): number {
  return text.match(CONTROLS)?.length ?? 0;
}

/**
 * Undoes the Markdown escaping that the PDF export added (`\$2 million` → `$2 million`). As in
 * CommonMark, a backslash escapes ASCII punctuation only; before anything else it is text.
 */
export function unescapeExport(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

export function isHeading(block: string): boolean {
  const line = block.trim().replace(/\s+/g, ' ');
  return !block.trim().includes('\n') && HEADING.test(line) && /[A-Z]{2}/.test(line);
}

export function endsSentence(paragraph: string): boolean {
  const trimmed = paragraph.trimEnd();
  return SENTENCE_END.test(trimmed) || SEE_ALSO.test(trimmed);
}

/**
 * Whether `next` continues `previous` across a page break: `previous` does not end a sentence,
 * or ends in an abbreviation that cannot ("Dr."), that precedes a number ("No." / "5") or that,
 * before a lower-case word, does not ("U.S." / "administration").
 */
export function continues(previous: string, next: string): boolean {
  const end = previous.trimEnd();
  if (!endsSentence(end)) return true;
  if (ALWAYS_CONTINUES.test(end)) return true;
  if (NUMBERED.test(end) && /^\d/.test(next.trimStart())) return true;
  return MAY_CONTINUE.test(end) && /^\p{Ll}/u.test(next.trimStart());
}

export function isPageNumber(block: string): boolean {
  return PAGE_NUMBER.test(block.trim());
}

/** A cross-reference left open at a paragraph's end: what follows finishes it, and is never a heading. */
const OPEN_SEE_ALSO = /\(See also under(?![^()]*\))/i;

/**
 * Parses a chapter into headings and their paragraphs. The export's lines are read with their
 * pages (text-lines.ts), page furniture is left out (furniture.ts), and lines become blocks
 * (text-blocks.ts). A paragraph that does not end a sentence was cut by a page break, so the next
 * block continues it ("support for the" / "proposal"). Headings are kept in source order,
 * duplicates included; merging is the caller's choice. Everything left out or changed is in
 * `changes`.
 */
export function parseChapter(text: string, options: ParseOptions = {}): SourceChapter {
  const chapter: SourceChapter = { preamble: [], headings: [], pageNumbers: [], changes: [] };
  const { isTheme, isCountry } = options;
  const lineNames = (line: string) => isTheme?.(unescapeExport(line).replace(/\s+/g, ' ')) === true;
  const read = readLines(text);
  const { layout } = options;
  // Without a vocabulary every line in capitals is a heading, so none of them is furniture.
  const furniture = layout
    ? { lines: read.lines, changes: [] }
    : removeFurniture(read.lines, { isTheme: isTheme ? lineNames : isHeading, isCountry, phrases: options.phrases });
  const joined = textBlocks(furniture.lines, { isHeading, isTheme: isTheme && lineNames, dictionary: options.dictionary, endsSentence });
  chapter.changes.push(...read.changes, ...furniture.changes, ...joined.changes);
  for (const block of joined.blocks) {
    if (isPageNumber(block.text)) {
      chapter.pageNumbers.push(block);
      chapter.changes.push({ kind: 'page number', line: block.line, page: block.page, text: block.text });
      continue;
    }
    const single = block.text;
    const heading = chapter.headings.at(-1);
    const previous = heading?.paragraphs.at(-1);
    // Only a short block that closes it ("HUMAN RIGHTS DEFENDERS)") finishes an open cross-reference.
    const openReference = !layout && previous !== undefined && OPEN_SEE_ALSO.test(previous.text) && /^[^()]{1,80}\)$/.test(single);
    const unfinished = !layout && previous !== undefined && (openReference || continues(previous.text, single));
    const headingText = unescapeExport(single).replace(/\s+/g, ' ');
    const names = isTheme?.(headingText);
    let isHeadingBlock = isHeading(headingText)
      ? // A line in capitals that names no theme, inside an unfinished paragraph, is part of it.
        (names !== false || !unfinished) && !openReference
      : // A line in any case that names a theme, where a paragraph may start.
        names === true && !unfinished && block.lines === 1 && !endsSentence(single);
    if (layout) isHeadingBlock = layout.headings.has(block.line) && (heading !== undefined || chapter.preamble.length > 0);
    // The chapter's title in capitals ("KAZAKHSTAN") names a country, not a theme.
    if (isHeadingBlock && !heading && names === false && chapter.preamble.length === 0 && isCountry?.(headingText)) isHeadingBlock = false;
    if (isHeadingBlock) {
      chapter.headings.push({ line: block.line, text: headingText, paragraphs: [] });
    } else if (!heading) {
      chapter.preamble.push({ line: block.line, text: single });
    } else if (previous && unfinished) {
      // Across a page break too, a hyphenated word is mended by the hyphen rule.
      const mended = joinLines(previous.text, single, joined.words);
      if (mended.hyphen) {
        const { decision, word } = mended.hyphen;
        const note =
          decision === 'unknown'
            ? `"${word}": neither it nor the word without its hyphen occurs elsewhere; the hyphen was kept, check it.`
            : undefined;
        chapter.changes.push({
          kind: decision === 'joined' ? 'hyphen mended' : 'hyphen kept',
          line: block.line,
          page: block.page,
          text: word,
          note,
        });
      }
      previous.text = mended.text;
      previous.joins += 1;
      chapter.changes.push({ kind: 'paragraphs joined', line: block.line, page: block.page, text: excerpt(single) });
    } else {
      heading.paragraphs.push({ line: block.line, text: single, joins: 0 });
    }
  }
  if (chapter.preamble.length) chapter.title = chapter.preamble.map((b) => b.text).join(' ');
  for (const heading of chapter.headings) {
    for (const paragraph of heading.paragraphs) {
      for (const lost of lostHyphens(paragraph.text, joined.words)) {
        const note = `"${lost.word}" occurs only here, and "${lost.hyphenated}" elsewhere: the export may have joined a hyphenated line end; check it.`;
        chapter.changes.push({ kind: 'hyphen lost by the export', line: paragraph.line, text: lost.word, note });
      }
    }
  }
  return chapter;
}

const excerpt = (text: string) => (text.length > 50 ? `${text.slice(0, 47)}…` : text);

/**
 * Sentences of a paragraph, for comparing texts sentence by sentence. Splits after terminal
 * punctuation (and any closing quote) that is followed by a capital, a digit or an opening
 * bracket or quote.
 */
export function sentences(paragraph: string): string[] {
  return paragraph
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.!?…]["'”’)]*)\s+(?=[("'“‘]?[\p{Lu}\p{N}])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}
