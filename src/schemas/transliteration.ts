import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'astro/zod';
import { parse } from 'yaml';
import { normalizeWord } from '../search/transliterations.ts';
import { text } from './common.ts';

/** One spelling: a single word, since search matches word by word. */
const spelling = text('A spelling').regex(/^[\p{L}\p{N}'’-]+$/u, {
  error: 'A spelling must be one word (letters, digits, apostrophes or hyphens), like "Mazhilis".',
});

/** One name and all the ways the reports spell it (an entry of content/transliterations.yaml). */
export const spellingGroupSchema = z
  .strictObject({
    /** Every spelling met in the reports, one word each ("Majilis", "Mazhilis"). */
    spellings: z
      .array(spelling, { error: 'spellings must be a list of words, like [Majilis, Mazhilis].' })
      .min(2, { error: 'spellings must list at least two ways of writing the name.' }),
    /** What the name refers to, for editors; never shown to readers. */
    note: text('A note').optional(),
  })
  .refine((group) => new Set(group.spellings.map(normalizeWord)).size === group.spellings.length, {
    error: 'spellings lists the same word twice (case and accents do not count); remove the repeat.',
    path: ['spellings'],
  });

/** The whole file: a list of groups in which no word appears twice. */
export const transliterationsSchema = z
  .array(spellingGroupSchema, { error: 'The file must be a list of groups, each with `spellings:`.' })
  .superRefine((groups, ctx) => {
    const seen = new Map<string, number>();
    groups.forEach((group, index) => {
      for (const word of group.spellings) {
        const first = seen.get(normalizeWord(word));
        if (first !== undefined && first !== index) {
          ctx.addIssue({
            code: 'custom',
            path: [index, 'spellings'],
            message: `"${word}" is already a spelling in group ${first + 1}; merge the two groups into one.`,
          });
        }
        seen.set(normalizeWord(word), index);
      }
    });
  });

export type SpellingGroup = z.output<typeof spellingGroupSchema>;

/**
 * Reads and checks `<contentDir>/transliterations.yaml`. A content folder without the file (a
 * synthetic edition, a fixture) simply has no variant spellings. Mistakes fail with the file and
 * the entry, so the editor reads what to fix rather than a stack trace.
 */
export async function readTransliterations(contentDir: string): Promise<SpellingGroup[]> {
  const file = path.join(contentDir, 'transliterations.yaml');
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseTransliterations(source, file);
}

/** Parses the file's text; exported separately so tests need no file. */
export function parseTransliterations(source: string, file: string): SpellingGroup[] {
  let data: unknown;
  try {
    data = parse(source) ?? [];
  } catch (error) {
    throw new Error(`${file}: this is not valid YAML. ${(error as Error).message}`, { cause: error });
  }
  const result = transliterationsSchema.safeParse(data);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => {
    const where = issue.path.length > 0 ? `entry ${Number(issue.path[0]) + 1}${issue.path.length > 1 ? `, ${issue.path.slice(1).join('.')}` : ''}: ` : '';
    return `  ${where}${issue.message}`;
  });
  throw new Error(`${file} has ${lines.length} problem${lines.length === 1 ? '' : 's'}:\n${lines.join('\n')}`);
}
