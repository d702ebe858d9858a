/**
 * From an export's lines (furniture already left out) to blocks: headings and paragraphs, each
 * one line of text with the line and page it starts on.
 *
 * - Blank lines separate blocks. A heading in capitals that names a theme is a block of its own
 *   even without blank lines around it, and one split over two lines ("PARTICIPATION IN PUBLIC,
 *   CULTURAL AND" / "POLITICAL LIFE") is joined when only the two lines together name a theme; so
 *   is one in any case where a block starts.
 * - Text exported without blank lines between paragraphs (none follows a sentence's end anywhere)
 *   is split where paragraphs end. When lines are
 *   the PDF's lines (most shorter than 160 characters), a paragraph ends at a line that ends a
 *   sentence and falls short of the text's width, or before a line indented more than the others;
 *   when lines are longer, each line is a paragraph. Paragraphs cut by a page break are joined
 *   later (source-text.ts) by the sentence rule, as before.
 * - A block's lines are joined with one space, or by the hyphen rule (hyphens.ts).
 */
import { joinLines, WordCounts, type Words } from './hyphens.ts';
import type { SourceChange, SourceLine } from './text-lines.ts';

export interface TextBlock {
  line: number;
  page: number;
  /** The block's lines joined into one. */
  text: string;
  /** How many lines of the source it spans. */
  lines: number;
}

export interface BlockOptions {
  isHeading: (line: string) => boolean;
  isTheme?: ((line: string) => boolean) | undefined;
  /** Words known besides the chapter's own, for the hyphen rule. */
  dictionary?: Words | undefined;
  /** Ends a sentence (source-text.ts's rule). */
  endsSentence: (text: string) => boolean;
}

const spaced = (text: string) => text.replace(/\s+/g, ' ');

/** Groups of lines between blank lines, a theme heading in capitals always a group of its own. */
function groups(lines: readonly SourceLine[], options: BlockOptions, changes: SourceChange[]): SourceLine[][] {
  const names = (text: string) => options.isHeading(text) && options.isTheme?.(spaced(text)) === true;
  const result: SourceLine[][] = [];
  let current: SourceLine[] = [];
  const close = () => {
    if (current.length) result.push(current);
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text === '') {
      close();
      continue;
    }
    // A heading over two lines, maybe with a blank line between them.
    const j = lines[i + 1]?.text === '' ? i + 2 : i + 1;
    const next = lines[j];
    const theme = (text: string) => options.isTheme?.(spaced(text)) === true;
    const capitals = options.isHeading(line.text) && options.isHeading(next?.text ?? '') && !names(line.text);
    // In any case, only where a block starts, and only when neither line alone names a theme.
    const anyCase = current.length === 0 && !theme(line.text) && !theme(next?.text ?? '');
    if (next && (capitals || anyCase) && theme(`${line.text} ${next.text}`)) {
      changes.push({ kind: 'heading joined', line: line.line, page: line.page, text: `${line.text} ${next.text}` });
      close();
      result.push([{ ...line, text: `${line.text} ${next.text}` }]);
      i = j;
      continue;
    }
    // A line that is exactly a theme's name in any case, after a sentence's end or a title, is a heading too.
    const previous = current.at(-1);
    const afterEnd = previous === undefined || options.endsSentence(previous.text) || (current.length === 1 && previous.text.length < 60);
    if (names(line.text) || (theme(line.text) && afterEnd && !options.endsSentence(line.text))) {
      close();
      result.push([line]);
      continue;
    }
    current.push(line);
  }
  close();
  return result;
}

/** Where paragraphs end inside a group of lines exported without blank lines between them. */
function splitParagraphs(group: SourceLine[], width: number, perLine: boolean, options: BlockOptions): SourceLine[][] {
  if (group.length < 2) return [group];
  const indent = Math.min(...group.map((line) => line.indent));
  const result: SourceLine[][] = [[group[0]!]];
  for (let i = 1; i < group.length; i++) {
    const previous = group[i - 1]!;
    const line = group[i]!;
    const ends = options.endsSentence(previous.text);
    const short = previous.text.length < 0.8 * width;
    const indented = line.indent > indent + 1 && previous.indent <= indent + 1;
    // One paragraph per line: each line that ends a sentence ends its paragraph.
    if (ends && (perLine || short || indented)) result.push([line]);
    else result.at(-1)!.push(line);
  }
  return result;
}

/** The blocks of a chapter's lines, and the hyphens mended or kept in joining them. */
export function textBlocks(
  lines: readonly SourceLine[],
  options: BlockOptions,
): { blocks: TextBlock[]; changes: SourceChange[]; words: Words } {
  const changes: SourceChange[] = [];
  const words = new WordCounts();
  for (const line of lines) words.add(line.text);
  const count = (word: string) => words.count(word) + (options.dictionary?.count(word) ?? 0);
  const known: Words = { count };

  const grouped = groups(lines, options, changes);
  const lengths = grouped
    .flat()
    .filter((line) => !options.isHeading(line.text))
    .map((line) => line.text.length)
    .sort((a, b) => a - b);
  const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
  const width = lengths[Math.floor(lengths.length * 0.9)] ?? 0;
  const perLine = median > 160;
  // An export that separates paragraphs or headings with blank lines anywhere does so everywhere: infer nothing.
  const ends = (text: string) => options.endsSentence(text) || options.isHeading(text) || options.isTheme?.(spaced(text)) === true;
  const blankSeparated = lines.some(
    (line, i) => line.text === '' && i > 0 && lines[i - 1]!.text !== '' && ends(lines[i - 1]!.text) && (lines[i + 1]?.text ?? '') !== '',
  );

  const blocks: TextBlock[] = [];
  for (const group of grouped) {
    for (const paragraph of blankSeparated ? [group] : splitParagraphs(group, width, perLine, options)) {
      let text = paragraph[0]!.text;
      for (let i = 1; i < paragraph.length; i++) {
        const previous = paragraph[i - 1]!;
        const joined = joinLines(text, paragraph[i]!.text, known, previous.softBreak);
        text = joined.text;
        if (joined.hyphen) {
          const { decision, word } = joined.hyphen;
          const kind = decision === 'joined' ? 'hyphen mended' : 'hyphen kept';
          const note =
            decision === 'unknown'
              ? `"${word}": neither it nor the word without its hyphen occurs elsewhere; the hyphen was kept, check it.`
              : undefined;
          changes.push({ kind, line: previous.line, page: previous.page, text: word, note });
        }
      }
      blocks.push({ line: paragraph[0]!.line, page: paragraph[0]!.page, text, lines: paragraph.length });
    }
  }
  return { blocks, changes, words: known };
}
