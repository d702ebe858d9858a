/**
 * A section file's bytes and characters, checked before any parser sees them: its size, its
 * encoding, the characters it may not hold, those it holds unseen, and how deeply it nests.
 *
 * Each rule guards against a file that would otherwise pass `npm run check` and then break the
 * build or the reader's trust in the text:
 * - a very large file builds pages of many megabytes and makes the build take gigabytes of memory;
 * - bytes that are not UTF-8 make the build fail with an opaque error, and control characters are
 *   published as U+FFFD (the importer refuses both; check and import must agree);
 * - direction controls (U+202A–U+202E, U+2066–U+2069) make text read differently from what it
 *   holds, so a section must say it needs them (`allowDirectionControls: true`), and other
 *   invisible characters (zero-width, direction marks) are reported as warnings: the published
 *   testimony stays word for word, never silently changed;
 * - lists and quotes nested thousands deep keep the Markdown parser busy for minutes (its cost
 *   grows with the square of the depth) and overflow the build's stack.
 */
import type { Root } from 'mdast';
import type { Problem } from '../lib/problems.ts';

/** The largest section file accepted; the longest published section is under 3 KB. */
export const MAX_SECTION_BYTES = 100_000;
/** How deep lists and quotes may nest (markers at the start of one line, and the parsed tree). */
export const MAX_NESTING = 8;
/** Leading spaces a line may have: enough for any list nested MAX_NESTING deep, far below the parser's slow range. */
export const MAX_INDENT = 4 * MAX_NESTING;
/** How deep the parsed body may be: root, MAX_NESTING list levels of list > item, paragraph, inline. */
const MAX_TREE_DEPTH = 2 * MAX_NESTING + 8;

/** The frontmatter field that lets one section hold direction controls (Arabic, Hebrew, Persian quotations). */
export const ALLOW_DIRECTION_CONTROLS = 'allowDirectionControls';

const NAMES: Record<number, string> = {
  173: 'SOFT HYPHEN',
  1564: 'ARABIC LETTER MARK',
  6158: 'MONGOLIAN VOWEL SEPARATOR',
  8203: 'ZERO WIDTH SPACE',
  8204: 'ZERO WIDTH NON-JOINER',
  8205: 'ZERO WIDTH JOINER',
  8206: 'LEFT-TO-RIGHT MARK',
  8207: 'RIGHT-TO-LEFT MARK',
  8234: 'LEFT-TO-RIGHT EMBEDDING',
  8235: 'RIGHT-TO-LEFT EMBEDDING',
  8236: 'POP DIRECTIONAL FORMATTING',
  8237: 'LEFT-TO-RIGHT OVERRIDE',
  8238: 'RIGHT-TO-LEFT OVERRIDE',
  8288: 'WORD JOINER',
  8289: 'FUNCTION APPLICATION',
  8290: 'INVISIBLE TIMES',
  8291: 'INVISIBLE SEPARATOR',
  8292: 'INVISIBLE PLUS',
  8294: 'LEFT-TO-RIGHT ISOLATE',
  8295: 'RIGHT-TO-LEFT ISOLATE',
  8296: 'FIRST STRONG ISOLATE',
  8297: 'POP DIRECTIONAL ISOLATE',
  65279: 'ZERO WIDTH NO-BREAK SPACE',
};

const codePoint = (char: string) => {
  const code = char.codePointAt(0)!;
  const name = NAMES[code] ?? (code < 0x20 || code === 0x7f ? 'a control character' : code <= 0x9f ? 'a C1 control character' : '');
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}`;
};

/** C0 and C1 controls other than tab, line feed and carriage return. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const DIRECTION_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;
// Joiners are part of some scripts (Persian's ZWNJ) and of emoji, so they warn rather than refuse.
const INVISIBLE = /[\u00ad\u061c\u180e\u200b-\u200f\u2060-\u2064\ufeff]/g;

/** 1-based line and column of a string offset. */
function place(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The UTF-8 text of a section file, or undefined (with a problem) when it is too large or not UTF-8. */
export function decodeSection(bytes: Uint8Array, file: string, problems: Problem[]): string | undefined {
  if (bytes.length > MAX_SECTION_BYTES) {
    problems.push({
      file,
      message:
        `is ${Math.round(bytes.length / 1024)} KB; a section may hold at most ${MAX_SECTION_BYTES / 1000} KB of text. ` +
        'Is it a whole chapter, or pasted twice? Split it into the sections of its themes.',
    });
    return undefined;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Find the first byte the decoder stops at, to point the editor at its line.
    let good = 0;
    for (let end = 1; end <= bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(good, end));
      } catch {
        if (end - good < 4) continue; // an incomplete sequence so far; a longer one may still be valid
        break;
      }
      good = end;
    }
    const text = new TextDecoder().decode(bytes.subarray(0, good));
    const { line, column } = place(text, text.length);
    problems.push({
      file,
      line,
      message: `is not UTF-8 text (byte 0x${bytes[good]?.toString(16).padStart(2, '0')} at column ${column}). Save the file as UTF-8 in your editor.`,
    });
    return undefined;
  }
}

/**
 * Characters of a decoded section: control characters and (unless allowed) direction controls
 * are problems; other invisible characters, and allowed direction controls, are warnings.
 */
export function characterProblems(
  source: string,
  file: string,
  allowDirectionControls: boolean,
  problems: Problem[],
  warnings: Problem[],
): void {
  for (const match of source.matchAll(CONTROL)) {
    const { line, column } = place(source, match.index);
    problems.push({
      file,
      line,
      message: `holds ${codePoint(match[0])} at column ${column}, which is not text and would be published as �. Delete it.`,
    });
  }
  for (const match of source.matchAll(DIRECTION_CONTROL)) {
    const { line, column } = place(source, match.index);
    const what = `holds the invisible ${codePoint(match[0])} at column ${column}, which makes the text read in another order than it is written`;
    if (allowDirectionControls) warnings.push({ file, line, message: `${what} (allowed by ${ALLOW_DIRECTION_CONTROLS}).` });
    else {
      problems.push({
        file,
        line,
        message: `${what}. Delete it, or, if the quotation needs it, add \`${ALLOW_DIRECTION_CONTROLS}: true\` to this section's frontmatter.`,
      });
    }
  }
  for (const match of source.matchAll(INVISIBLE)) {
    if (match.index === 0 && match[0] === '\ufeff') continue; // a byte-order mark, not text
    const { line, column } = place(source, match.index);
    warnings.push({
      file,
      line,
      message: `holds the invisible ${codePoint(match[0])} at column ${column}; it is published as it is. Check that the source has it.`,
    });
  }
}

const CONTAINER_MARKER = /^[ \t]{0,3}(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)|>[ \t]?)/;

/**
 * The first line that opens lists or quotes too deep to parse quickly, checked before parsing (one
 * is enough: the editor rewrites the passage, and a list of hundreds of lines would bury the rest).
 */
export function nestingProblems(body: string, file: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  const lines = body.split('\n');
  for (let index = 0; index < lines.length && problems.length === 0; index++) {
    let rest = lines[index]!;
    const indent = /^[ \t]*/.exec(rest)![0].replace(/\t/g, '    ').length;
    let markers = 0;
    for (let match = CONTAINER_MARKER.exec(rest); match && markers <= MAX_NESTING; match = CONTAINER_MARKER.exec(rest)) {
      markers++;
      rest = rest.slice(match[0].length);
    }
    const line = index + bodyLine;
    if (markers > MAX_NESTING) {
      problems.push({
        file,
        line,
        message: `opens more than ${MAX_NESTING} lists or quotes inside each other; a section may nest them ${MAX_NESTING} deep at most. Write the text as paragraphs.`,
      });
    } else if (indent > MAX_INDENT && rest.trim() !== '') {
      problems.push({
        file,
        line,
        message: `is indented ${indent} spaces; lists may nest ${MAX_NESTING} deep (${MAX_INDENT} spaces) at most. Remove the indentation.`,
      });
    }
  }
  return problems;
}

/** The parsed body's depth, when it is deeper than the build can render safely. */
export function treeDepthProblem(tree: Root, file: string, bodyLine: number): Problem | undefined {
  let deepest: { depth: number; line?: number | undefined } = { depth: 0 };
  type Node = { children?: unknown[]; position?: { start: { line: number } } | undefined };
  const stack: [Node, number][] = [[tree, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest.depth) deepest = { depth, line: node.position?.start.line };
    if (depth > MAX_TREE_DEPTH) break;
    for (const child of (node.children ?? []) as Node[]) stack.push([child, depth + 1]);
  }
  if (deepest.depth <= MAX_TREE_DEPTH) return undefined;
  return {
    file,
    line: deepest.line === undefined ? bodyLine : deepest.line + bodyLine - 1,
    message: `nests lists, quotes or emphasis more than ${MAX_NESTING} deep here; write the text as paragraphs.`,
  };
}
