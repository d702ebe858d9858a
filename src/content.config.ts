// Wires the content collections to their schemas; the rules themselves live in src/schemas/.

import { defineCollection } from 'astro:content';
import path from 'node:path';
import { file, glob } from 'astro/loaders';
import { sectionLoader } from './integrations/section-loader.ts';
import { aboutSchema } from './schemas/about.ts';
import { countrySchema } from './schemas/country.ts';
import { editionSchema } from './schemas/edition.ts';
import { sectionSchema } from './schemas/section.ts';
import { themeSchema } from './schemas/theme.ts';
import { contentPaths } from './validation/paths.ts';
import { loadVocabulary } from './validation/validate.ts';

// CONTENT_DIR (read in paths.ts) lets the benchmark build a synthetic edition from a temporary folder.
const paths = contentPaths();
// Sections name their country, theme and edition; the schema checks the names exist.
const vocabulary = await loadVocabulary(paths);

export const collections = {
  editions: defineCollection({ loader: file(paths.editions), schema: editionSchema }),
  countries: defineCollection({ loader: file(paths.countries), schema: countrySchema }),
  themes: defineCollection({ loader: file(paths.themes), schema: themeSchema }),
  // content/about.md: how the report is published and cited (the about page of every edition).
  about: defineCollection({
    loader: glob({ pattern: path.basename(paths.about!), base: path.dirname(paths.about!) }),
    schema: aboutSchema,
  }),
  // Each section's MDX is rendered to HTML as it is loaded, not bundled as a module (section-loader.ts).
  sections: defineCollection({
    loader: sectionLoader(paths.sections),
    schema: sectionSchema(vocabulary),
  }),
};
