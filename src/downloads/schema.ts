/**
 * The shape of the open data: one zod schema per exported object. The build parses every export
 * through these before writing it (so a file that breaks its published schema never ships), and
 * `z.toJSONSchema` turns them into the JSON Schemas published at /data/schema/. Plain zod, no
 * Astro: the EPUB and offline jobs and the tests share it.
 */
import { z } from 'zod';
import { ReportError } from '../lib/problems.ts';

/** The version of the export format; raised when a field changes meaning or goes away. */
export const FORMAT_VERSION = 1;

const url = z.url().describe('An absolute URL.');
const isoDay = z.iso.date().describe('A calendar date, YYYY-MM-DD.');

export const linkSchema = z
  .strictObject({
    text: z.string().describe('The words that carry the link, as published.'),
    href: url.describe('Where the link points: another section of the report or a source (absolute URL).'),
  })
  .describe('A link inside a paragraph.');

export const paragraphSchema = z
  .strictObject({
    id: z.string().describe('The paragraph’s pinned id, `<theme>-<n>`: the fragment of its permalink; it never changes.'),
    n: z.int().min(1).describe('The paragraph’s number within its section, shown beside it on the site and in print.'),
    url: url.describe('The paragraph’s permalink on the chapter page.'),
    text: z.string().min(1).describe('The paragraph’s text as published, word for word; runs of white space are one space.'),
    links: z.array(linkSchema).describe('The links inside the paragraph, in reading order.'),
  })
  .describe('One paragraph of a section.');

export const correctionSchema = z
  .strictObject({
    date: isoDay.describe('The day the correction was published.'),
    note: z.string().describe('What changed and why.'),
  })
  .describe('A change made to a section after publication.');

export const sectionSchema = z
  .strictObject({
    theme: z.string().describe('The theme’s slug; also the section’s id on the chapter page.'),
    label: z.string().describe('The theme as a heading ("Freedom of association").'),
    url: url.describe('The section’s permalink on the chapter page.'),
    corrections: z.array(correctionSchema).describe('Corrections of this section, oldest first.'),
    paragraphs: z.array(paragraphSchema).min(1),
  })
  .describe('The part of a chapter about one theme.');

export const countrySchema = z
  .strictObject({
    slug: z.string().describe('The country’s slug, as in the chapter’s URL.'),
    name: z.string(),
    iso: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .describe('ISO 3166-1 alpha-2 code.'),
    region: z.string().describe('The region the report groups the country under.'),
  })
  .describe('The country a chapter covers.');

export const editionSchema = z
  .strictObject({
    id: z.string().describe('The edition’s key: its publication year as text.'),
    title: z.string(),
    shortTitle: z.string(),
    publicationYear: z.int(),
    published: isoDay.optional().describe('The day the edition was published, when known.'),
    periodCovered: z.string().describe('The period whose events the edition reports.'),
    publisher: z.string(),
    licence: z.strictObject({ name: z.string(), url: url.optional() }).describe('Terms under which the text may be reused.'),
    url: url.describe('The edition’s home on the site.'),
  })
  .describe('One edition of the annual review.');

const chapterBody = {
  country: countrySchema,
  url: url.describe('The chapter page.'),
  sections: z.array(sectionSchema).min(1).describe('The chapter’s sections in the report’s theme order.'),
};

export const chapterExportSchema = z
  .strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    edition: editionSchema,
    ...chapterBody,
  })
  .describe('One country’s chapter of one edition, as published.');

export const editionExportSchema = z
  .strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    edition: editionSchema,
    chapters: z.array(z.strictObject(chapterBody)).describe('Every chapter of the edition, countries alphabetically.'),
  })
  .describe('Every chapter of one edition, as published.');

export type ParagraphExport = z.output<typeof paragraphSchema>;
export type SectionExport = z.output<typeof sectionSchema>;
export type CountryExport = z.output<typeof countrySchema>;
export type EditionInfo = z.output<typeof editionSchema>;
export type ChapterExport = z.output<typeof chapterExportSchema>;
export type EditionExport = z.output<typeof editionExportSchema>;

/** The published JSON Schemas, by file name under /data/schema/. */
export const JSON_SCHEMAS = {
  'chapter.schema.json': chapterExportSchema,
  'edition.schema.json': editionExportSchema,
} as const;
export type SchemaFile = keyof typeof JSON_SCHEMAS;

/** A JSON Schema (draft 2020-12) of one export, with its own address as `$id`. */
export function jsonSchemaOf(file: SchemaFile, id: string): Record<string, unknown> {
  const schema = z.toJSONSchema(JSON_SCHEMAS[file], { target: 'draft-2020-12', io: 'output' });
  return { ...schema, $id: id, title: file === 'chapter.schema.json' ? 'Chapter export' : 'Edition export' };
}

/**
 * The value, checked against its export schema: a field that would break the published schema
 * stops the build with the content it came from (`file`) and the field named, never a zod stack.
 */
export function parseExport<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({ file, field: issue.path.map(String).join('.'), message: issue.message }));
  const list = problems.map((p) => `${p.field || '(top)'}: ${p.message}`).join('; ');
  throw new ReportError(`The data export of ${file} does not match its published schema: ${list}.`, { problems });
}
