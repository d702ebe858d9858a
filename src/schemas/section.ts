import { z } from 'astro/zod';
import { didYouMean } from '../lib/suggest.ts';
import { text } from './common.ts';

/** The slugs a section may point at; read from the other collections. */
export interface Vocabulary {
  editions: readonly string[];
  countries: readonly string[];
  themes: readonly string[];
  /** Where each list is defined, to point the editor at it. */
  files?: { editions: string; countries: string; themes: string };
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
  return z.strictObject({
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
  });
}

export type SectionData = z.output<ReturnType<typeof sectionSchema>>;
