/**
 * Letters of another alphabet that look like Latin capitals. A heading typed or exported with one
 * ("EDUCАTION" with a Cyrillic А) is not recognised as a heading, so its section's text would
 * silently run into the section before it and the section vanish: the import refuses instead,
 * naming the line and the letter.
 */
import { ImportError } from './errors.ts';

/** Cyrillic and Greek capitals that print like Latin ones, with the Latin letter each resembles. */
const LOOKALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  Х: 'X',
  У: 'Y',
  І: 'I',
  Ј: 'J',
  Ѕ: 'S',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
};
const LOOKALIKE = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'u');

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Refuses a line that would be a heading in capitals but for look-alike letters: Latin capitals
 * mixed with Cyrillic or Greek ones. `lineOf` gives the line's number as the file has it.
 */
export function refuseLookalikeHeadings(lines: readonly string[], lineOf: (index: number) => number = (i) => i + 1): void {
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!LOOKALIKE.test(line) || !/[A-Z]/.test(line) || /[a-z]/.test(line)) return;
    const latin = [...line].map((c) => LOOKALIKES[c] ?? c).join('');
    if (!/^[A-Z][A-Z0-9 ,&'’()/\-\u2010-\u2015\u2212]*[A-Z)]$/.test(latin)) return;
    const letters = [...new Set([...line].filter((c) => LOOKALIKES[c]))];
    throw new ImportError(
      `the heading "${line}" has ${letters.length === 1 ? 'a letter' : 'letters'} of another alphabet that look Latin: ` +
        `${letters.map((c) => `${c} ${codePoint(c)} (looks like ${LOOKALIKES[c]})`).join(', ')}. ` +
        'Retype the heading in Latin capitals, or the section would be read as part of the one before it.',
      lineOf(index),
    );
  });
}
