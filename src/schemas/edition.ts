import { z } from 'astro/zod';
import { isoDate, text } from './common.ts';

/** One edition of the annual review (content/editions.yaml), keyed by its publication year. */
export const editionSchema = z.strictObject({
  /** The full title as published. */
  title: text('An edition title'),
  /** A short title for headers and breadcrumbs ("Annual Review 2026"). */
  shortTitle: text('A short title'),
  /** The year the edition is published; it is also the key and the first URL segment. */
  publicationYear: z.number({ error: 'publicationYear must be a year, like 2026.' }).int().min(1990).max(2200),
  /** The day the edition was published, when known (YYYY-MM-DD); corrections may not predate it. */
  published: isoDate('published').optional(),
  /** The period whose events the edition reports ("January to December 2025"). */
  periodCovered: text('periodCovered'),
  /** Who publishes the report; cited as the author. */
  publisher: text('A publisher'),
  /** Terms under which the text may be reused. */
  licence: z.strictObject({
    name: text('A licence name'),
    url: z.url({ error: 'licence.url must be an absolute URL.' }).optional(),
  }),
  /** One paragraph introducing the edition on its home page. */
  summary: text('A summary'),
});

export type Edition = z.output<typeof editionSchema> & { id: string };
