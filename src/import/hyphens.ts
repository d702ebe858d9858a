/**
 * Mending words a PDF hyphenated at a line's end ("descr-" / "ibed"), by the one rule of issue 12:
 * join without the hyphen when the joined word occurs elsewhere (in the chapter, the rest of the
 * PDF, or the theme vocabulary's labels); keep the
 * hyphen when the hyphenated form occurs elsewhere ("so-" / "called"); otherwise keep it and warn
 * with the line, so an editor decides. When both forms occur, the more frequent wins, the hyphen on
 * a tie: keeping a character is the safer mistake.
 */

/** Words and hyphenated compounds, as they occur in running text. */
const WORD = /[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*/gu;

/** Anything that says how often a word occurs. */
export interface Words {
  count(word: string): number;
}

/** How often each word (lower case) occurs; hyphenated compounds count as themselves. */
export class WordCounts implements Words {
  readonly #counts = new Map<string, number>();

  add(text: string): this {
    for (const [word] of text.matchAll(WORD)) {
      const key = word.toLowerCase().replace(/‐/g, '-');
      this.#counts.set(key, (this.#counts.get(key) ?? 0) + 1);
    }
    return this;
  }

  count(word: string): number {
    return this.#counts.get(word.toLowerCase()) ?? 0;
  }
}

/** A line that ends in a word and a hyphen ("descr-"), not a dash after a space or a number. */
const ENDS_HYPHENATED = /(?<=\p{L})[-‐]$/u;
const LAST_WORD = /[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*[-‐]$/u;
const FIRST_WORD = /^[\p{L}\p{N}]+(?:[-‐'’][\p{L}\p{N}]+)*/u;

export type HyphenDecision = 'joined' | 'kept' | 'unknown';

export interface Joined {
  text: string;
  /** Set when the first line ended in a hyphen: what was decided, and the word as published. */
  hyphen?: { decision: HyphenDecision; word: string } | undefined;
}

/**
 * Joins two lines of one paragraph: with a space, or with nothing after a soft hyphen, or by the
 * hyphen rule after a hyphenated word. A dash at a line's end keeps its space: whether the text
 * had one cannot be told, and a space is what the line break showed.
 */
export function joinLines(first: string, second: string, words: Words, softBreak = false): Joined {
  if (softBreak) return { text: first + second };
  // After a number ("50,000-" / "signature") a hyphen joins a compound, never a broken word.
  if (/\p{N}[-‐]$/u.test(first) && /^\p{L}/u.test(second)) return { text: first + second };
  const next = FIRST_WORD.exec(second);
  if (!ENDS_HYPHENATED.test(first) || !next) return { text: `${first} ${second}` };
  const left = LAST_WORD.exec(first)![0].slice(0, -1);
  const right = next[0];
  const hyphen = first.at(-1)!;
  const joinedCount = words.count(left + right);
  const hyphenCount = words.count(`${left}-${right}`);
  const decision: HyphenDecision = joinedCount > hyphenCount ? 'joined' : hyphenCount > 0 ? 'kept' : 'unknown';
  const word = decision === 'joined' ? left + right : `${left}${hyphen}${right}`;
  const text = decision === 'joined' ? first.slice(0, -1) + second : first + second;
  return { text, hyphen: { decision, word } };
}

/**
 * Words some exports joined themselves at a line's end, losing a hyphen the text has elsewhere
 * (pdftotext without -layout makes "so-" / "called" "socalled"): each word met once whose
 * hyphenated form occurs elsewhere. Never changed, only reported, since the export's word may be right.
 */
export function lostHyphens(text: string, words: Words): { word: string; hyphenated: string }[] {
  const found: { word: string; hyphenated: string }[] = [];
  for (const [word] of text.matchAll(/[\p{L}]{5,}/gu)) {
    if (words.count(word) !== 1) continue;
    for (let i = 2; i <= word.length - 2; i++) {
      const hyphenated = `${word.slice(0, i)}-${word.slice(i)}`;
      if (words.count(hyphenated) > 0) {
        found.push({ word, hyphenated });
        break;
      }
    }
  }
  return found;
}
