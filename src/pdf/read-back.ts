/**
 * Reading a generated PDF back with poppler (pdftotext, pdfinfo, pdftohtml), the way a reader's
 * PDF viewer sees it, and comparing its text with the source. poppler-utils is a Debian package
 * (`apt-get install poppler-utils`); pdftohtml's XML output is the one poppler tool that prints
 * the outline (bookmarks), so no PDF library is needed to check them.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function poppler(tool: string, args: string[]): Promise<string> {
  try {
    return (await run(tool, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(`${tool} is missing: install poppler (\`sudo apt-get install poppler-utils\`).`, { cause: error });
    }
    throw error;
  }
}

/**
 * The text in content-stream order (`-raw`). The default reading-order mode joins a word broken
 * at a hyphen across lines ("gender-/affirming" becomes "genderaffirming"), which would hide
 * exactly the changes this text is checked for.
 */
export const pdfText = (file: string) => poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);

/**
 * Each page's text as it is laid out (`-layout`), top to bottom: what stands first on a page comes
 * first, whatever order the engine drew it in. pdftotext ends every page with a form feed.
 */
export async function pdfPages(file: string): Promise<string[]> {
  return (await poppler('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])).split('\f').slice(0, -1);
}

/** pdfinfo's fields: Title, Author, Tagged, Pages, … */
export async function pdfInfo(file: string): Promise<Record<string, string>> {
  return parseInfo(await poppler('pdfinfo', ['-enc', 'UTF-8', file]));
}

export function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match) fields[match[1]!.trim()] = match[2]!.trim();
  }
  return fields;
}

export interface OutlineItem {
  title: string;
  page: number;
  children: OutlineItem[];
}

/** The PDF's outline (bookmarks) as a tree. */
export async function pdfOutline(file: string): Promise<OutlineItem[]> {
  return parseOutline(await poppler('pdftohtml', ['-xml', '-i', '-q', '-stdout', '-enc', 'UTF-8', file]));
}

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity.startsWith('#x') || entity.startsWith('#X')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(Number(entity.slice(1)));
    return named[entity.toLowerCase()] ?? _;
  });
}

/**
 * The outline in pdftohtml's XML: `<outline>` holds `<item page="n">title</item>` entries, and a
 * nested `<outline>` right after an item holds that item's children.
 */
export function parseOutline(xml: string): OutlineItem[] {
  const start = xml.indexOf('<outline>');
  if (start < 0) return [];
  const root: OutlineItem[] = [];
  // The lists being filled, outermost first.
  const levels: OutlineItem[][] = [];
  for (const match of xml.slice(start).matchAll(/<outline>|<\/outline>|<item(?:\s+page="(\d+)")?\s*>([\s\S]*?)<\/item>/g)) {
    if (match[0] === '<outline>') {
      if (levels.length === 0) {
        levels.push(root);
        continue;
      }
      const parent = levels.at(-1)!.at(-1);
      if (!parent) throw new Error('An outline level without an item above it.');
      levels.push(parent.children);
    } else if (match[0] === '</outline>') {
      levels.pop();
      if (levels.length === 0) break;
    } else {
      levels.at(-1)?.push({ title: decodeXml(match[2]!.replace(/<[^>]*>/g, '')).trim(), page: Number(match[1] ?? 0), children: [] });
    }
  }
  return root;
}

/** Marks a hyphen at the end of a line: a real hyphen that fell there, or one added by hyphenation. */
const LINE_END_HYPHEN = '\u0000';

/** A page number in the margin, as the print stylesheet writes it: "3 / 12" (or "3/12", "Page 3 of 12"). */
const PAGE_NUMBER = /^(?:page\s+)?\d+\s*(?:\/|of)\s*\d+$/i;

/**
 * The printed text without the running header and page numbers (lines exactly `runningLines`, or
 * a page number), as lines.
 */
export function bodyLines(raw: string, runningLines: readonly string[]): string[] {
  const running = new Set(runningLines.map((line) => line.replace(/\s+/g, ' ').trim()));
  return raw
    .replace(/\f/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && !running.has(line) && !PAGE_NUMBER.test(line));
}

/** Lines joined into one string with single spaces; a hyphen that ends a line is marked, not spaced. */
export function joinLines(lines: readonly string[]): string {
  return lines
    .join('\n')
    .replace(/[-\u00ad\u2010]\n/g, LINE_END_HYPHEN)
    .replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface MatchOptions {
  /**
   * The print stylesheet hyphenates (`hyphens: auto`): a hyphen at a line end may then have been
   * added within a word. Without it, a hyphen at a line end is always the text's own.
   */
  hyphenation?: boolean;
}

/**
 * A pattern that finds `sentence` in text made by joinLines, allowing only what line breaking
 * does to text: a space for any run of whitespace; a line break after a hyphen, a slash or a dash;
 * and, with `hyphenation`, a hyphen added at a line break within a word. Every character of the
 * sentence must be there, in order.
 */
export function sentencePattern(sentence: string, options: MatchOptions = {}): RegExp {
  const chars = [...sentence.replace(/\s+/g, ' ').trim()];
  let source = '';
  chars.forEach((char, index) => {
    const next = chars[index + 1];
    if (char === ' ') source += ' ';
    else if (char === '-') source += `(?:-|${LINE_END_HYPHEN})`;
    else source += escapeRegExp(char);
    if ('/\u2013\u2014'.includes(char) && next !== ' ') source += ' ?';
    if (options.hyphenation && next !== undefined && /\p{L}/u.test(char) && /\p{L}/u.test(next)) source += `${LINE_END_HYPHEN}?`;
  });
  return new RegExp(source, 'gu');
}

/**
 * Finds each sentence in `text`, each after the one before. Returns the first sentence that is
 * missing (or out of order), or undefined when all are there.
 */
export function firstMissing(text: string, sentences: readonly string[], options: MatchOptions = {}): string | undefined {
  let from = 0;
  for (const sentence of sentences) {
    const pattern = sentencePattern(sentence, options);
    pattern.lastIndex = from;
    const match = pattern.exec(text);
    if (!match) return sentence;
    from = match.index + match[0].length;
  }
  return undefined;
}

/**
 * The text under each heading, in order: `headings` must each be found as a line of their own
 * (or two lines, when a long heading wraps), each after the one before.
 */
export function sections(lines: readonly string[], headings: readonly string[]): Map<string, string> {
  const starts: { heading: string; at: number; length: number }[] = [];
  let from = 0;
  for (const heading of headings) {
    let found = -1;
    let length = 1;
    for (let i = from; i < lines.length && found < 0; i++) {
      if (lines[i] === heading) found = i;
      else if (`${lines[i]} ${lines[i + 1]}` === heading) [found, length] = [i, 2];
    }
    if (found < 0) throw new Error(`The heading "${heading}" is not a line of the PDF after the headings before it.`);
    starts.push({ heading, at: found, length });
    from = found + length;
  }
  const result = new Map<string, string>();
  starts.forEach(({ heading, at, length }, index) => {
    result.set(heading, joinLines(lines.slice(at + length, starts[index + 1]?.at ?? lines.length)));
  });
  return result;
}
