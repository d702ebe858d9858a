/**
 * Importing from the published PDF: one chapter or the whole review (about 50 chapters), found by
 * their country headings (pdf/layout.ts), each converted like a text chapter (prepare.ts), all
 * written at once or none. `--country` imports one chapter of the file, `--pages` reads a part.
 *
 * Every message names the PDF's page and line. What the PDF cannot hold is kept from the chapter
 * already in content/: a section's `missingSources` notes (a link that had no target was printed
 * as plain words), while their words are still in the section.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { slugify } from '../lib/themes.ts';
import { chapterDir } from '../validation/paths.ts';
import type { ImportReport } from './chapter.ts';
import type { FileOperations } from './commit.ts';
import { isoCountrySlugs } from './country.ts';
import { ImportError } from './errors.ts';
import { WordCounts } from './hyphens.ts';
import type { MissingSource } from './links.ts';
import { layoutChapters, type PdfChapter } from './pdf/layout.ts';
import { readPdf } from './pdf/read.ts';
import { commitAll, type ImportContext, type PreparedChapter, prepareChapter, readBytes } from './prepare.ts';
import { type ImportOutcome, type ImportRequest, outcomeOf, withStaging } from './run.ts';
import type { SourceChange } from './text-lines.ts';

export interface ReviewOutcome {
  chapters: ImportOutcome[];
  /** What stood before the first chapter (cover, contents, title block): listed, not imported. */
  before: SourceChange[];
  pages: { read: number; total: number };
  written: boolean;
}

/** Whether a file is a PDF, by its first bytes. */
export const isPdf = (bytes: Buffer) => bytes.subarray(0, 5).toString('latin1') === '%PDF-';

/** A line of the chapter's text as the PDF's page and line, for messages. */
function locator(chapter: PdfChapter) {
  const at = (line: number | undefined) => (line === undefined ? undefined : chapter.where[line - 1]);
  const words = (line: number | undefined) => {
    const w = at(line);
    return w ? `page ${w.page}, line ${w.line}` : undefined;
  };
  return {
    error(error: unknown): never {
      if (!(error instanceof ImportError)) throw error;
      const problems = error.problems.map((p) => ({ message: `${chapter.heading}, ${words(p.line) ?? 'chapter'}: ${p.message}` }));
      throw new ImportError(problems.map((p) => p.message).join('\n'), undefined, { problems, cause: error });
    },
    report(report: ImportReport): void {
      report.warnings = report.warnings.map((w) => w.replace(/^line (\d+):/, (whole, n: string) => `${words(Number(n)) ?? whole}:`));
      // Changes made while reading the laid-out text (rare: ligatures) carry its lines; the PDF's own carry the PDF's.
      report.changes = [...chapter.changes, ...report.changes.map((c) => ({ ...c, ...(at(c.line) ?? {}) }))];
    },
  };
}

/** The missingSources of the chapter already in content/, by theme. */
async function existingMissingSources(context: ImportContext, country: string): Promise<Map<string, MissingSource[]>> {
  const dir = chapterDir(context.paths, context.edition, country);
  const found = new Map<string, MissingSource[]>();
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.mdx'))) {
    const text = await readFile(path.join(dir, name), 'utf8');
    const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1];
    const data = front ? (parse(front) as { missingSources?: MissingSource[] }) : undefined;
    if (data?.missingSources?.length) found.set(name.replace(/\.mdx$/, ''), data.missingSources);
  }
  return found;
}

/** Imports the chapters of a PDF. Throws ImportError, naming page and line, when it refuses. */
export async function runPdfImport(
  request: ImportRequest,
  options: { files?: FileOperations; progress?: (message: string) => void } = {},
): Promise<ReviewOutcome> {
  const bytes = await readBytes(request.file);
  const progress = options.progress ?? (() => {});
  const { pages, count } = await readPdf(new Uint8Array(bytes), request.file, {
    pages: request.pages,
    progress: (n, of) => {
      if (n % 25 === 0 || n === of) progress(`read ${n} of ${of} pages`);
    },
  });
  return withStaging(request, async (staging, context) => {
    const { data } = context;
    const countries = new Map(data.countries.flatMap((c) => [[c.slug, c] as const, [slugify(c.name), c] as const]));
    const wanted = request.country === undefined ? undefined : slugify(request.country);
    // A chapter heading names a country of countries.yaml or of ISO 3166 (a new one is refused
    // below with what its entry needs, rather than read as a theme heading).
    const iso = await isoCountrySlugs();
    const isCountry = (text: string) =>
      countries.has(slugify(text)) || iso.has(slugify(text)) || (wanted !== undefined && slugify(text) === wanted);
    const edition = data.editions.find((e) => e.id === request.edition);
    const phrases = edition ? [edition.shortTitle, edition.title] : [];
    const laid = layoutChapters(pages, { isCountry, phrases, dictionary: undefined });
    let chapters = laid.chapters;
    if (chapters.length === 0) {
      throw new ImportError(`found no chapter in ${request.file}: no heading larger than the text names a country.`);
    }
    if (wanted !== undefined) {
      chapters = chapters.filter(
        (c) => slugify(c.heading) === wanted || countries.get(slugify(c.heading))?.slug === countries.get(wanted)?.slug,
      );
      if (chapters.length === 0) {
        throw new ImportError(
          `${request.file} has no chapter for ${request.country}; its chapters: ${laid.chapters.map((c) => c.heading).join(', ')}.`,
        );
      }
    }
    // The whole document's words, and the report's published sections, for mending hyphens.
    const dictionary = new WordCounts();
    for (const c of laid.chapters) dictionary.add(c.text);
    for (const theme of data.themes) dictionary.add(theme.label);

    const prepared: PreparedChapter[] = [];
    const outcomes: ImportOutcome[] = [];
    for (const [index, chapter] of chapters.entries()) {
      progress(`[${index + 1}/${chapters.length}] ${chapter.heading}`);
      const where = locator(chapter);
      const country = request.country ?? chapter.heading;
      const keep = await existingMissingSources(context, countries.get(slugify(country))?.slug ?? slugify(country));
      const one = await prepareChapter(context, {
        text: chapter.text,
        source: { file: request.file, bytes: Buffer.from(chapter.text) },
        country,
        iso: request.iso,
        region: request.region,
        force: request.force,
        dictionary,
        layout: { headings: chapter.headings },
        keepMissingSources: keep,
        staging: path.join(staging, `chapter-${index}`),
      }).catch((error: unknown) => where.error(error));
      where.report(one.report);
      prepared.push(one);
      outcomes.push(outcomeOf(one, request.edition, context, one.plan.changes));
    }
    const outcome: ReviewOutcome = { chapters: outcomes, before: laid.before, pages: { read: pages.length, total: count }, written: false };
    const pending = prepared.some((c) => c.plan.changes.some((ch) => ch.kind !== 'same')) || context.editionChange !== undefined;
    if (request.dryRun || !pending) return outcome;
    await commitAll(context, prepared, { force: request.force, staging, files: options.files });
    for (const o of outcomes) o.written = true;
    outcome.written = true;
    return outcome;
  });
}
