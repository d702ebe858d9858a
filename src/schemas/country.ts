import { z } from 'astro/zod';
import { text } from './common.ts';

/** A country covered by the report (content/countries.yaml), keyed by its URL slug. */
export const countrySchema = z.strictObject({
  /** The country's name as printed in the report ("Kazakhstan"). */
  name: text('A country name'),
  /** ISO 3166-1 alpha-2 code, upper case ("KZ"). */
  iso: z
    .string({ error: 'iso must be text.' })
    .regex(/^[A-Z]{2}$/, { error: 'iso must be the two capital letters of ISO 3166-1 alpha-2 (like "KZ").' }),
  /** The region the home page groups the country under ("Central Asia"). */
  region: text('A region'),
});

export type Country = z.output<typeof countrySchema> & { slug: string };
