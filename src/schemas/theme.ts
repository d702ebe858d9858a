import { z } from 'astro/zod';
import { text } from './common.ts';

/** One theme of the canonical vocabulary (content/themes.yaml), keyed by its slug. */
export const themeSchema = z.strictObject({
  /** The heading readers see, in sentence case ("Freedom of association"). */
  label: text('A theme label'),
  /** Optional position: ordered themes come first (lowest first), the rest alphabetically by label. */
  order: z.number({ error: 'order must be a whole number.' }).int().optional(),
  /** Other spellings of the heading met in source texts; the importer maps them to this theme. */
  aliases: z.array(text('An alias')).default([]),
});

export type Theme = z.output<typeof themeSchema> & { slug: string };
