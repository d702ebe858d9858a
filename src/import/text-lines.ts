/**
 * The first step of reading an export: the file's lines, numbered as an editor's text editor
 * numbers them, each with the page it sits on (form feeds, as pdftotext writes them, start a new
 * page without starting a new line), and the few characters that are never text made uniform.
 *
 * Every change is recorded, so the import report can list it with its line: ligatures (U+FB00 to
 * U+FB06, the only characters put through NFKC; quotes, dashes and letters are never touched),
 * soft hyphens (removed; one at a line's end means the word continues on the next line) and
 * invisible control characters.
 */

/** One line of the source as the file has it. */
export interface SourceLine {
  /** The text, trimmed; ligatures, soft hyphens and control characters already undone. */
  text: string;
  /** 1-based line in the file (form feeds and other page breaks do not start a line). */
  line: number;
  /** 1-based page: form feeds counted, 1 when the file has none. */
  page: number;
  /** Leading spaces (tabs count 4), for exports that keep the layout. */
  indent: number;
  /** The line ended in a soft hyphen: the word continues on the next line, with no space. */
  softBreak?: boolean | undefined;
}

/** What the reading changed or left out, for the report: kind, where, and the text concerned. */
export interface SourceChange {
  kind: ChangeKind;
  line: number;
  page?: number | undefined;
  text: string;
  /** Set when an editor must check it: a whole sentence, shown as a warning. */
  note?: string | undefined;
}

export type ChangeKind =
  | 'running header or footer'
  | 'page number'
  | 'paragraph number'
  | 'footnote'
  | 'footnote marker'
  | 'hyphen mended'
  | 'hyphen kept'
  | 'hyphen lost by the export'
  | 'soft hyphen'
  | 'ligature'
  | 'control character'
  | 'paragraphs joined'
  | 'heading joined'
  | 'before the first chapter'
  | 'printed link address';

const LIGATURES = /[\uFB00-\uFB06]/g;
const SOFT_HYPHEN = /\u00AD/g;
/** Control characters that no text contains: invisible, and some make MDX fail. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's purpose.
const CONTROLS = /[\u0000-\u0008\u000E-\u001F\u007F]/g;
/** Breaks inside a line that some exports use between lines: read as line breaks, numbered as one line. */
const INNER_BREAKS = /[\v\u2028\u2029]/;

export interface ReadLines {
  lines: SourceLine[];
  changes: SourceChange[];
  /** How many pages the form feeds mark (1 without any). */
  pages: number;
}

/** The file's lines, numbered and paged, with what was changed in them. */
export function readLines(text: string): ReadLines {
  const lines: SourceLine[] = [];
  const changes: SourceChange[] = [];
  let page = 1;
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((raw, index) => {
      const line = index + 1;
      // A form feed ends a page: what follows it on the line is on the next page.
      const parts = raw.split('\f');
      const before = page;
      page += parts.length - 1;
      // On the new page when text follows the last form feed ("\fHeader"), else on the page it ends.
      const linePage = parts.length > 1 && parts.at(-1)!.trim() === '' ? before : page;
      for (const piece of parts.join('').split(INNER_BREAKS)) lines.push(cleanLine(piece, line, linePage, changes));
    });
  return { lines, changes, pages: page };
}

function cleanLine(raw: string, line: number, page: number, changes: SourceChange[]): SourceLine {
  let text = raw;
  const controls = text.match(CONTROLS)?.length ?? 0;
  if (controls) {
    changes.push({ kind: 'control character', line, page, text: `${controls} removed` });
    text = text.replace(CONTROLS, '');
  }
  const ligatures = text.match(LIGATURES);
  if (ligatures) {
    text = text.replace(LIGATURES, (char) => char.normalize('NFKC'));
    changes.push({ kind: 'ligature', line, page, text: ligatures.map((c) => `${c} → ${c.normalize('NFKC')}`).join(', ') });
  }
  const trimmedEnd = text.replace(/[ \t\u00A0]+$/, '');
  const softBreak = trimmedEnd.endsWith('\u00AD');
  const softs = text.match(SOFT_HYPHEN)?.length ?? 0;
  if (softs) {
    changes.push({ kind: 'soft hyphen', line, page, text: `${softs} removed` });
    text = text.replace(SOFT_HYPHEN, '');
  }
  const leading = /^[ \t]*/.exec(text)![0];
  const indent = leading.replace(/\t/g, '    ').length;
  // Runs of spaces and tabs are one space (pdftotext -layout pads with them); other spaces, like U+00A0, are kept.
  return { text: text.trim().replace(/[ \t]{2,}/g, ' '), line, page, indent, softBreak: softBreak || undefined };
}
