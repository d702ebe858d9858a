import { z } from 'astro/zod';
import { text } from './common.ts';

/** The frontmatter of content/about.md, the text every edition's about page shows below its facts. */
export const aboutSchema = z.strictObject({
  /** The heading of that text. */
  title: text('title'),
});
