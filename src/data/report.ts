/**
 * The report as pages read it: editions, countries, the theme vocabulary and chapters, in reading
 * order. Pages ask here rather than calling getCollection themselves, so ordering rules live once.
 */
import { type CollectionEntry, getCollection, getEntry } from 'astro:content';
import { sortThemes } from '../lib/themes.ts';
import type { Country } from '../schemas/country.ts';
import type { Edition } from '../schemas/edition.ts';
import type { Theme } from '../schemas/theme.ts';

export type SectionEntry = CollectionEntry<'sections'>;

/** Editions, newest first. */
export async function getEditions(): Promise<Edition[]> {
  const entries = await getCollection('editions');
  return entries.map((e) => ({ ...e.data, id: e.id })).sort((a, b) => b.publicationYear - a.publicationYear);
}

export async function getNewestEdition(): Promise<Edition> {
  const [newest] = await getEditions();
  if (!newest) throw new Error('content/editions.yaml lists no edition; the site needs at least one.');
  return newest;
}

/** Countries alphabetically by name. */
export async function getCountries(): Promise<Country[]> {
  const entries = await getCollection('countries');
  return entries.map((e) => ({ ...e.data, slug: e.id })).sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export async function getCountry(slug: string): Promise<Country> {
  const entry = await getEntry('countries', slug);
  if (!entry) throw new Error(`Unknown country "${slug}".`);
  return { ...entry.data, slug: entry.id };
}

/** The theme vocabulary in its reading order. */
export async function getThemes(): Promise<Theme[]> {
  const entries = await getCollection('themes');
  return sortThemes(entries.map((e) => ({ ...e.data, slug: e.id })));
}

export interface ChapterSection {
  theme: Theme;
  entry: SectionEntry;
}

export interface Chapter {
  edition: Edition;
  country: Country;
  sections: ChapterSection[];
}

let chaptersOnce: Promise<Chapter[]> | undefined;

/**
 * Every chapter that has at least one section, each with its sections in vocabulary order. Read
 * once per build (pages ask for it many times over); the dev server reads it afresh each time, so
 * edits show.
 */
export function getChapters(): Promise<Chapter[]> {
  if (import.meta.env.DEV) return readChapters();
  chaptersOnce ??= readChapters();
  return chaptersOnce;
}

async function readChapters(): Promise<Chapter[]> {
  const [editions, countries, themes, sections] = await Promise.all([
    getEditions(),
    getCountries(),
    getThemes(),
    getCollection('sections'),
  ]);
  // One pass over the sections: filtering all of them for each edition and country was 16 million
  // comparisons at 15 editions of 54 countries.
  const byChapter = new Map<string, Map<string, SectionEntry>>();
  for (const section of sections) {
    const key = `${section.data.edition}/${section.data.country}`;
    const own = byChapter.get(key) ?? new Map<string, SectionEntry>();
    if (!own.has(section.data.theme)) own.set(section.data.theme, section);
    byChapter.set(key, own);
  }
  const chapters: Chapter[] = [];
  for (const edition of editions) {
    for (const country of countries) {
      const own = byChapter.get(`${edition.id}/${country.slug}`);
      if (!own) continue;
      const ordered = themes.flatMap((theme) => {
        const entry = own.get(theme.slug);
        return entry ? [{ theme, entry }] : [];
      });
      chapters.push({ edition, country, sections: ordered });
    }
  }
  return chapters;
}

export interface CorrectionEntry {
  date: string;
  note: string;
  edition: Edition;
  country: Country;
  theme: Theme;
}

/** Every correction (of one edition, or of all), newest first: the corrections page and the feed. */
export async function getCorrections(editionId?: string): Promise<CorrectionEntry[]> {
  const chapters = (await getChapters()).filter((c) => editionId === undefined || c.edition.id === editionId);
  return chapters
    .flatMap(({ edition, country, sections }) =>
      sections.flatMap(({ theme, entry }) => entry.data.corrections.map((c) => ({ ...c, edition, country, theme }))),
    )
    .sort((a, b) => b.date.localeCompare(a.date) || a.country.name.localeCompare(b.country.name, 'en'));
}

/** One edition's place in a country's history: its chapter, or none (not covered that year). */
export interface CountryEdition {
  edition: Edition;
  chapter?: Chapter | undefined;
}

let countryEditionsOnce: Promise<Map<string, CountryEdition[]>> | undefined;

/** Each country's editions, made once per build (every chapter and section page asks for its country's). */
function countryEditionsIndex(): Promise<Map<string, CountryEdition[]>> {
  const read = async () => {
    const [editions, chapters] = await Promise.all([getEditions(), getChapters()]);
    const byKey = new Map(chapters.map((c) => [`${c.edition.id}/${c.country.slug}`, c]));
    const countries = new Set(chapters.map((c) => c.country.slug));
    return new Map(
      [...countries].map((country) => [country, editions.map((edition) => ({ edition, chapter: byKey.get(`${edition.id}/${country}`) }))]),
    );
  };
  if (import.meta.env.DEV) return read();
  countryEditionsOnce ??= read();
  return countryEditionsOnce;
}

/** Every edition, newest first, each with the country's chapter in it if there is one. */
export async function getCountryEditions(countrySlug: string): Promise<CountryEdition[]> {
  const own = (await countryEditionsIndex()).get(countrySlug);
  if (own) return own;
  return (await getEditions()).map((edition) => ({ edition, chapter: undefined }));
}

/** Countries with a chapter in at least one edition, alphabetically. */
export async function getCoveredCountries(): Promise<Country[]> {
  const [countries, chapters] = await Promise.all([getCountries(), getChapters()]);
  return countries.filter((country) => chapters.some((c) => c.country.slug === country.slug));
}

/** A country and a theme that at least one edition covers, with the country in every edition. */
export interface CountryTheme {
  country: Country;
  theme: Theme;
  editions: CountryEdition[];
}

/** Every country × theme any edition wrote on: the histories and comparisons across editions. */
export async function getCountryThemes(): Promise<CountryTheme[]> {
  const [countries, themes] = await Promise.all([getCoveredCountries(), getThemes()]);
  const all: CountryTheme[] = [];
  for (const country of countries) {
    const editions = await getCountryEditions(country.slug);
    for (const theme of themes) {
      if (editions.some((e) => e.chapter?.sections.some((s) => s.theme.slug === theme.slug))) all.push({ country, theme, editions });
    }
  }
  return all;
}
