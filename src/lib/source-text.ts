/**
 * Reading a chapter as it comes out of the published PDF: a title line, theme headings in
 * capitals, and paragraphs separated by blank lines, some of them split in two by a page break.
 *
 * The importer and the fidelity test both use these functions, so "what the seed says" has one
 * definition.
 */

/** A heading line: capitals, digits, spaces and the punctuation of theme names, nothing lower-case. */
const HEADING = /^[A-Z][A-Z0-9 ,&'’()\/\-–—]*[A-Z)]$/;

/** Ends a sentence: terminal punctuation, then optional closing quotes or brackets. */
const SENTENCE_END = /[.!?…]["'”’)\]]*$/;

/** A cross-reference such as "(See also under Human Rights Defenders)" closes a paragraph. */
const SEE_ALSO = /\(See also under [^()]+\)$/;

export interface SourceBlock {
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
  headings: SourceHeading[];
}

/** Line endings, byte-order mark and non-breaking or trailing spaces made uniform. */
export function normaliseSource(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00A0]+$/gm, '');
}

/** Undoes the escaping that the PDF export added (`\$2 million` → `$2 million`). */
export function unescapeExport(text: string): string {
  return text.replace(/\\([$%&_#*\[\]])/g, '$1');
}

export function isHeading(block: string): boolean {
  return !block.includes('\n') && HEADING.test(block.trim()) && /[A-Z]{2}/.test(block);
}

export function endsSentence(paragraph: string): boolean {
  const trimmed = paragraph.trimEnd();
  return SENTENCE_END.test(trimmed) || SEE_ALSO.test(trimmed);
}

/** Splits text into blank-line-separated blocks, each with its first line number. */
export function blocks(text: string): SourceBlock[] {
  const result: SourceBlock[] = [];
  const lines = normaliseSource(text).split('\n');
  let current: string[] = [];
  let start = 0;
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      if (current.length) result.push({ line: start + 1, text: current.join('\n').trim() });
      current = [];
    } else {
      if (!current.length) start = index;
      current.push(line.trim());
    }
  });
  if (current.length) result.push({ line: start + 1, text: current.join('\n').trim() });
  return result;
}

/**
 * Parses a chapter into headings and their paragraphs. A paragraph that does not end a sentence
 * was cut by a page break, so the next block continues it ("support for the" / "proposal").
 * Headings are kept in source order, duplicates included; merging is the caller's choice.
 */
export function parseChapter(text: string): SourceChapter {
  const chapter: SourceChapter = { headings: [] };
  const preamble: string[] = [];
  for (const block of blocks(text)) {
    const single = block.text.replace(/\s*\n\s*/g, ' ');
    if (isHeading(single)) {
      chapter.headings.push({ line: block.line, text: single, paragraphs: [] });
      continue;
    }
    const heading = chapter.headings.at(-1);
    if (!heading) {
      preamble.push(single);
      continue;
    }
    const previous = heading.paragraphs.at(-1);
    if (previous && !endsSentence(previous.text)) {
      previous.text = `${previous.text} ${single}`;
      previous.joins += 1;
    } else {
      heading.paragraphs.push({ line: block.line, text: single, joins: 0 });
    }
  }
  if (preamble.length) chapter.title = preamble.join(' ');
  return chapter;
}

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
