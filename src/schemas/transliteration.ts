import { z } from 'astro/zod';
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
