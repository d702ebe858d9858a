/**
 * Synthetic editions for benchmarks and load tests: any number of countries (up to the 54 the
 * annual review covers), each with a section for every theme of the vocabulary, written from
 * shuffled sentences of a real chapter so that the text has the length, vocabulary and
 * punctuation of the report.
 *
 * Everything it makes says so: the edition's titles start "SYNTHETIC BENCHMARK", and every section
 * opens with a paragraph stating that it was generated and describes no country. Sentences are
 * copied as written, never edited to name another country: generated text must not put words
 * about a real country in anyone's mouth.
 *
 * The same seed gives the same files, so two runs of the benchmark build the same site.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import { escapeMdxText } from '../import/chapter.ts';
import { parseChapter, sentences, unescapeExport } from '../import/source-text.ts';
import { ReportError } from '../lib/problems.ts';
import { sortThemes } from '../lib/themes.ts';
import { REVIEW_COUNTRIES } from './review-countries.ts';

/** The words that open every synthetic edition's titles. */
export const SYNTHETIC_MARK = 'SYNTHETIC BENCHMARK';

export interface SyntheticOptions {
  /** How many countries, from the start of REVIEW_COUNTRIES (1–54). */
  countries: number;
  /** How many editions, newest first from `newestYear` (default 1). */
  editions?: number;
  /** Year of the newest edition (default 2026, so URLs look like the real site's). */
  newestYear?: number;
  /** Seed of the shuffle (default 1). */
  seed?: number;
  /** The chapter text the sentences come from, as received (content/sources/…/*.txt). */
  sourceText: string;
  /** The theme vocabulary (content/themes.yaml), copied as is: every country gets every theme. */
  themesYaml: string;
  /**
   * An archive rather than unrelated editions: each older edition is the next newer one with a
   * few sentences replaced or dropped (so a compare page has words to mark), and some countries
   * are missing from some older editions (so "not covered" appears). The newest edition covers
   * every country. Default false: every edition written afresh, every country in each.
   */
  archive?: boolean;
}

/** A small, fast, seedable generator (mulberry32): the same seed gives the same sequence. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** What the seed chapter offers: its sentences, and how long its sections and paragraphs are. */
interface SeedShape {
  sentences: string[];
  paragraphsPerSection: number[];
  sentencesPerParagraph: number[];
}

function seedShape(sourceText: string): SeedShape {
  const chapter = parseChapter(sourceText);
  const shape: SeedShape = { sentences: [], paragraphsPerSection: [], sentencesPerParagraph: [] };
  for (const heading of chapter.headings) {
    if (heading.paragraphs.length) shape.paragraphsPerSection.push(heading.paragraphs.length);
    for (const paragraph of heading.paragraphs) {
      // Links become their words; cross-references are made afresh, pointing at real sections.
      const plain = unescapeExport(paragraph.text)
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\(See also under [^()]+\)/g, '')
        .trim();
      const own = sentences(plain);
      if (own.length) shape.sentencesPerParagraph.push(own.length);
      shape.sentences.push(...own);
    }
  }
  if (shape.sentences.length < 10) throw new ReportError('The seed chapter has too few sentences to make synthetic text from.');
  return shape;
}

/** One paragraph of a synthetic section: sentences of the seed as written, and a cross-reference. */
interface Paragraph {
  sentences: string[];
  seeAlso?: string;
}

/**
 * A slightly different text, as an older edition of the same section: in about one paragraph in
 * three a sentence is replaced by another of the seed, and in about one in ten a sentence is dropped.
 */
function revise(paragraphs: readonly Paragraph[], deal: () => string, next: () => number): Paragraph[] {
  return paragraphs.map((paragraph) => {
    const sentences = [...paragraph.sentences];
    if (next() < 0.3) sentences[Math.floor(next() * sentences.length)] = deal();
    if (sentences.length > 1 && next() < 0.1) sentences.splice(Math.floor(next() * sentences.length), 1);
    return { ...paragraph, sentences };
  });
}

/**
 * The editions each country is covered in, by its index: every country in the newest edition;
 * about one country in ten joined the review later than the oldest edition, and about one in
 * fifty country-years in between is missing. With two editions or more, at least one
 * country-year is missing (the last country skips the oldest edition).
 */
export function archiveCoverage(countries: number, years: readonly number[], next: () => number): Set<number>[] {
  const [newest, ...older] = years;
  return Array.from({ length: countries }, (_, c) => {
    const joined = older.length > 0 && next() < 0.1 ? 1 + Math.floor(next() * older.length) : older.length + 1;
    const covered = new Set<number>([newest!]);
    for (const [i, year] of older.entries()) {
      const lastSkipsOldest = c === countries - 1 && i === older.length - 1;
      if (i + 1 < joined && next() >= 0.02 && !lastSkipsOldest) covered.add(year);
    }
    return covered;
  });
}

/** editions.yaml, each edition's title counting the countries it covers. */
function editionsYaml(files: ReadonlyMap<string, string>, years: readonly number[], countries: number): string {
  const covered = (year: number) =>
    new Set([...files.keys()].filter((f) => f.startsWith(`sections/${year}/`)).map((f) => f.split('/')[2])).size;
  return stringify(
    Object.fromEntries(
      years.map((year) => {
        const count = years.length === 1 ? countries : covered(year);
        return [
          String(year),
          {
            title: `${SYNTHETIC_MARK} EDITION ${year}: ${count} ${count === 1 ? 'country' : 'countries'} of generated text, not a report`,
            shortTitle: `${SYNTHETIC_MARK} ${year}`,
            publicationYear: year,
            periodCovered: `January to December ${year - 1}`,
            publisher: 'Synthetic benchmark (generated text, no publisher)',
            licence: { name: 'Generated test data; not for publication' },
            summary: `${SYNTHETIC_MARK} EDITION. Every section of this edition was generated from shuffled sentences of a real chapter to measure how the site scales. It describes no country.`,
          },
        ];
      }),
    ),
  );
}

/**
 * The files of a synthetic content folder, by path relative to it: editions.yaml, countries.yaml,
 * themes.yaml and sections/<edition>/<country>/<theme>.mdx.
 */
export function generateSyntheticContent(options: SyntheticOptions): Map<string, string> {
  const { countries: count, editions = 1, newestYear = 2026, seed = 1 } = options;
  if (!Number.isInteger(count) || count < 1 || count > REVIEW_COUNTRIES.length) {
    throw new ReportError(`countries must be a whole number from 1 to ${REVIEW_COUNTRIES.length}, not ${count}.`);
  }
  const next = random(seed);
  const shape = seedShape(options.sourceText);
  const vocabulary = parseYaml(options.themesYaml) as Record<string, { label: string; order?: number }>;
  const themes = sortThemes(Object.entries(vocabulary).map(([slug, theme]) => ({ slug, label: theme.label, order: theme.order })));
  const countries = REVIEW_COUNTRIES.slice(0, count).map((c) => ({ ...c, slug: slugOf(c.name) }));
  const years = Array.from({ length: editions }, (_, i) => newestYear - i);

  // Sentences are dealt from a shuffled deck, reshuffled when it runs out, so that text varies
  // across sections but every sentence of the seed is used about as often.
  let deck: string[] = [];
  const deal = () => {
    if (deck.length === 0) deck = shuffle(shape.sentences, next);
    return deck.pop()!;
  };
  const pick = (values: readonly number[]) => values[Math.floor(next() * values.length)]!;

  const files = new Map<string, string>();
  files.set('countries.yaml', stringify(Object.fromEntries(countries.map(({ slug, name, iso, region }) => [slug, { name, iso, region }]))));
  files.set('themes.yaml', options.themesYaml);

  const write = (year: number, country: (typeof countries)[number], theme: (typeof themes)[number], paragraphs: Paragraph[]) => {
    const text = [
      `${SYNTHETIC_MARK} TEXT. This section was generated from shuffled sentences of the Kazakhstan chapter of the 2026 edition, to measure the site; it does not describe ${country.name}.`,
      ...paragraphs.map((p) => escapeMdxText(p.sentences.join(' ')) + (p.seeAlso ?? '')),
    ];
    const frontmatter = `---\nedition: ${year}\ncountry: ${country.slug}\ntheme: ${theme.slug}\n---\n`;
    files.set(`sections/${year}/${country.slug}/${theme.slug}.mdx`, `${frontmatter}\n${text.join('\n\n')}\n`);
  };
  const fresh = (theme: (typeof themes)[number]): Paragraph[] => {
    const paragraphs: Paragraph[] = [];
    const wanted = pick(shape.paragraphsPerSection);
    for (let p = 0; p < wanted; p++) {
      const paragraph: Paragraph = { sentences: Array.from({ length: pick(shape.sentencesPerParagraph) }, deal) };
      // About one section in five refers to another, as real chapters do.
      if (p === wanted - 1 && next() < 0.2) {
        const other = themes[Math.floor(next() * themes.length)]!;
        if (other.slug !== theme.slug) paragraph.seeAlso = ` (See also under [${escapeMdxText(other.label)}](#${other.slug}))`;
      }
      paragraphs.push(paragraph);
    }
    return paragraphs;
  };

  if (!options.archive) {
    for (const year of years) for (const country of countries) for (const theme of themes) write(year, country, theme, fresh(theme));
  } else {
    const covered = archiveCoverage(countries.length, years, next);
    // The newest edition is written afresh; each older one revises the one after it.
    let newer = new Map<string, Paragraph[]>();
    for (const year of years) {
      const current = new Map<string, Paragraph[]>();
      for (const [c, country] of countries.entries()) {
        for (const theme of themes) {
          const key = `${country.slug}/${theme.slug}`;
          const base = newer.get(key);
          const paragraphs = base ? revise(base, deal, next) : fresh(theme);
          current.set(key, paragraphs);
          if (covered[c]!.has(year)) write(year, country, theme, paragraphs);
        }
      }
      newer = current;
    }
  }
  files.set('editions.yaml', editionsYaml(files, years, count));
  return files;
}

/** Marks a folder as made by this module, so that it may be emptied and rewritten. */
const MARKER = 'SYNTHETIC-BENCHMARK-CONTENT.txt';

/**
 * Writes a synthetic content folder at `dir` (emptied first), reading the seed chapter and the
 * theme vocabulary from the project's content/. Refuses to write inside content/, or into a
 * folder with files it did not make.
 */
export async function writeSyntheticContent(
  dir: string,
  options: Omit<SyntheticOptions, 'sourceText' | 'themesYaml'> & { contentDir?: string; seedChapter?: string },
): Promise<{ dir: string; files: number }> {
  const contentDir = path.resolve(options.contentDir ?? 'content');
  const target = path.resolve(dir);
  if (target === contentDir || target.startsWith(`${contentDir}${path.sep}`)) {
    throw new ReportError(`Refusing to write synthetic content into ${target}: it is inside the real content folder.`);
  }
  const existing = await readdir(target).catch(() => [] as string[]);
  if (existing.length > 0 && !existing.includes(MARKER)) {
    throw new ReportError(`Refusing to empty ${target}: it holds files that synthetic.ts did not make.`);
  }
  await rm(target, { recursive: true, force: true });
  const files = generateSyntheticContent({
    ...options,
    sourceText: await readFile(path.join(contentDir, options.seedChapter ?? 'sources/2026/kazakhstan.txt'), 'utf8'),
    themesYaml: await readFile(path.join(contentDir, 'themes.yaml'), 'utf8'),
  });
  // Other data files (transliterations.yaml, …) apply to the text as they do to the real one.
  for (const name of await readdir(contentDir)) {
    if (name.endsWith('.yaml') && !files.has(name)) files.set(name, await readFile(path.join(contentDir, name), 'utf8'));
  }
  files.set(MARKER, 'Generated by src/quality/synthetic.ts for benchmarks: SYNTHETIC text, not a report. Safe to delete.\n');
  for (const [file, text] of files) {
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await writeFile(path.join(target, file), text);
  }
  return { dir: target, files: files.size };
}
