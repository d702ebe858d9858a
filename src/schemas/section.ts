import { z } from 'astro/zod';
import { didYouMean } from '../lib/suggest.ts';
import { isoDate, text } from './common.ts';

/** The slugs a section may point at; read from the other collections. */
export interface Vocabulary {
  editions: readonly string[];
  countries: readonly string[];
  themes: readonly string[];
  /** Where each list is defined, to point the editor at it. */
  files?: { editions: string; countries: string; themes: string };
  /**
   * The first day a correction of each edition may carry: its publication date when known, else
   * 1 January of its publication year.
   */
  editionStarts?: Readonly<Record<string, string>>;
  /** The last day a correction may carry (YYYY-MM-DD): today, unless a test fixes it. */
  today?: string;
}

/** A value that must be one of `allowed`, with the allowed list and a near miss in the error. */
function oneOf(field: string, what: string, allowed: readonly string[], file: string) {
  return z.string({ error: `${field} must be text.` }).superRefine((value, ctx) => {
    if (allowed.includes(value)) return;
    const shown = allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, …` : allowed.join(', ');
    ctx.addIssue({
      code: 'custom',
      message: `unknown ${what} \`${value}\`.${didYouMean(value, allowed)} Allowed: ${shown} (see ${file}).`,
    });
  });
}

/**
 * The frontmatter of one section: the part of one country's chapter in one edition about one theme.
 * Built from the vocabulary so that an unknown country, theme or edition fails here with a suggestion,
 * not later as a missing page.
 */
export function sectionSchema(vocabulary: Vocabulary) {
  const files = vocabulary.files ?? {
    editions: 'content/editions.yaml',
    countries: 'content/countries.yaml',
    themes: 'content/themes.yaml',
  };
  return z
    .strictObject({
      /** The edition's publication year (a key of content/editions.yaml). */
      edition: z
        .union([z.number(), z.string()], { error: 'edition must be a year, like 2026.' })
        .transform(String)
        .pipe(oneOf('edition', 'edition', vocabulary.editions, files.editions)),
      /** The country's slug (a key of content/countries.yaml). */
      country: oneOf('country', 'country', vocabulary.countries, files.countries),
      /** The theme's slug (a key of content/themes.yaml). */
      theme: oneOf('theme', 'theme', vocabulary.themes, files.themes),
      /**
       * Links whose target was lost in the source (`[text](#)`): published as plain text and listed
       * here so that an editor can restore them.
       */
      missingSources: z
        .array(
          z.strictObject({
            /** The words that carried the link. */
            text: text('missingSources.text'),
            /** What is known about the lost target. */
            note: text('missingSources.note'),
          }),
        )
        .default([]),
      /**
       * Whether the text may hold invisible direction controls (U+202A–U+202E, U+2066–U+2069),
       * which a quotation in Arabic, Hebrew or Persian may need; without this, they are refused
       * because they can make text read differently from what it holds (src/validation/section-text.ts).
       */
      allowDirectionControls: z.boolean({ error: 'allowDirectionControls must be true or false.' }).default(false),
      /**
       * Changes made to the text after publication, oldest first. Each is shown above the section
       * ("Corrected on <date>: <note>"), listed on the edition's corrections page, and makes
       * citations name the version ("Version of <date>").
       */
      corrections: z
        .array(
          z.strictObject({
            /** The day the correction was published (YYYY-MM-DD). */
            date: isoDate('corrections.date'),
            /** What changed and why, in one or two sentences. */
            note: text('corrections.note'),
          }),
          { error: 'corrections must be a list of entries, each with `date:` and `note:`.' },
        )
        .default([]),
    })
    .superRefine((section, ctx) => {
      // A correction cannot predate the edition it corrects, nor lie in the future.
      const start = vocabulary.editionStarts?.[section.edition];
      const today = vocabulary.today ?? new Date().toISOString().slice(0, 10);
      section.corrections.forEach((correction, index) => {
        // A date that is not one was reported already; comparing it would only add noise.
        if (!/^\d{4}-\d{2}-\d{2}$/.test(correction.date)) return;
        if (start && correction.date < start) {
          ctx.addIssue({
            code: 'custom',
            path: ['corrections', index, 'date'],
            message: `${correction.date} is before edition ${section.edition} was published (${start}); a correction must be dated on or after it.`,
          });
        }
        if (correction.date > today) {
          ctx.addIssue({
            code: 'custom',
            path: ['corrections', index, 'date'],
            message: `${correction.date} is in the future (today is ${today}); date a correction on the day it is published.`,
          });
        }
        const previous = section.corrections[index - 1];
        if (previous && /^\d{4}-\d{2}-\d{2}$/.test(previous.date) && correction.date < previous.date) {
          ctx.addIssue({
            code: 'custom',
            path: ['corrections', index, 'date'],
            message: `${correction.date} comes after ${previous.date} in the list; list corrections oldest first.`,
          });
        }
      });
    });
}

export type SectionData = z.output<ReturnType<typeof sectionSchema>>;
