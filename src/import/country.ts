/**
 * Which country a chapter belongs to, from what an editor types after --country: a slug
 * ("north-macedonia"), a name ("North Macedonia") or an ISO code ("MK"). A country that is not in
 * content/countries.yaml yet becomes a new entry, its ISO code taken from i18n-iso-countries
 * (kept in step with ISO 3166-1) unless --iso gives it.
 */
import { stringify } from 'yaml';
import { closest } from '../lib/suggest.ts';
import { slugify } from '../lib/themes.ts';
import type { Country } from '../schemas/country.ts';
import { ImportError } from './errors.ts';

export interface CountryChoice {
  slug: string;
  name: string;
  /** Set when the country is new: the entry to add to content/countries.yaml. */
  create?: { name: string; iso: string; region: string };
}

export interface CountryFlags {
  /** ISO 3166-1 alpha-2 code for a new country; looked up from its name when absent. */
  iso?: string | undefined;
  /** Region for a new country (the home page groups countries by it). */
  region?: string | undefined;
  /** The chapter's title line, a better name than a slug when the country is new. */
  title?: string | undefined;
}

const SMALL_WORDS = new Set(['and', 'of', 'the']);

/** "bosnia-and-herzegovina" → "Bosnia and Herzegovina". */
function nameFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join(' ');
}

/**
 * The country-code package, loaded only when a country is new: its Node entry registers every
 * locale, which costs more than the rest of an ordinary import. It is CommonJS; only its default
 * export is real.
 */
async function isoPackage() {
  return (await import('i18n-iso-countries')).default;
}

/**
 * The ISO 3166-1 alpha-2 code of a country name in English, or undefined. Tries the exact name,
 * then without diacritics ("Turkiye"), then a unique name that starts with it ("Moldova" →
 * "Moldova, Republic of").
 */
export async function isoCodeOf(name: string): Promise<string | undefined> {
  const isoCountries = await isoPackage();
  const exact = isoCountries.getAlpha2Code(name, 'en') ?? isoCountries.getSimpleAlpha2Code(name, 'en');
  if (exact) return exact;
  const wanted = slugify(name);
  if (!wanted) return undefined;
  const names = isoCountries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  const matches = Object.entries(names).filter(([, all]) =>
    all.some((candidate) => {
      const slug = slugify(candidate);
      return slug === wanted || slug.startsWith(`${wanted}-`);
    }),
  );
  return matches.length === 1 ? matches[0]![0] : undefined;
}

/** Every country's English names (ISO 3166-1) as slugs, to tell a chapter heading from a theme heading. */
export async function isoCountrySlugs(): Promise<Set<string>> {
  const names = (await isoPackage()).getNames('en', { select: 'all' }) as Record<string, string[]>;
  // "Moldova, Republic of" is also "Moldova".
  return new Set(Object.values(names).flatMap((all) => all.flatMap((name) => [slugify(name), slugify(name.split(',')[0]!)])));
}

/** The country a chapter is for; throws ImportError when a new country lacks what its entry needs. */
export async function resolveCountry(input: string, countries: readonly Country[], flags: CountryFlags = {}): Promise<CountryChoice> {
  const given = input.trim();
  const slug = slugify(given);
  const known =
    countries.find((c) => c.slug === given) ??
    countries.find((c) => c.slug === slug || slugify(c.name) === slug) ??
    (/^[A-Za-z]{2}$/.test(given) ? countries.find((c) => c.iso === given.toUpperCase()) : undefined);
  if (known) return { slug: known.slug, name: known.name };
  if (!slug) throw new ImportError(`--country "${input}" is neither a country's name nor a slug.`);

  // A new country. Its name: as typed if it looks like a name, else the chapter's title, else the slug's words.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range \x00-\x7F is ASCII, meant; not a stray control character.
  const typedName = /[\p{Lu}\s]|[^\x00-\x7F]/u.test(given) ? given.replace(/\s+/g, ' ') : undefined;
  const title = flags.title && slugify(flags.title) === slug ? flags.title.trim() : undefined;
  const name = typedName ?? title ?? nameFromSlug(slug);

  const isoCountries = await isoPackage();
  let iso: string | undefined;
  if (flags.iso !== undefined) {
    iso = flags.iso.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(iso) || !isoCountries.isValid(iso)) {
      throw new ImportError(`--iso "${flags.iso}" is not an ISO 3166-1 alpha-2 code (two letters, like KZ).`);
    }
  } else {
    iso = await isoCodeOf(name);
    if (!iso) {
      const [near] = closest(
        slug,
        countries.map((c) => c.slug),
        1,
      );
      throw new ImportError(
        `"${name}" is not in content/countries.yaml and no ISO 3166-1 code is known for that name.` +
          (near ? ` Did you mean --country ${near}?` : '') +
          ' To add it as a new country, pass its code with --iso (two letters, like --iso KZ).',
      );
    }
  }
  const twin = countries.find((c) => c.iso === iso);
  if (twin) {
    throw new ImportError(
      `"${name}" is not in content/countries.yaml, but its ISO code ${iso} belongs to ${twin.name} there. ` +
        `Did you mean --country ${twin.slug}?`,
    );
  }
  const region = flags.region?.trim();
  if (!region) {
    const regions = [...new Set(countries.map((c) => c.region))].sort();
    throw new ImportError(
      `"${name}" (${iso}) is not in content/countries.yaml yet. To add it, pass its region with --region` +
        (regions.length ? ` (regions in use: ${regions.join(', ')}).` : '.'),
    );
  }
  return { slug, name, create: { name, iso, region } };
}

/** content/countries.yaml with the new country appended; comments and existing entries untouched. */
export function addCountry(source: string, slug: string, entry: { name: string; iso: string; region: string }): string {
  const separator = source === '' || source.endsWith('\n') ? '' : '\n';
  return `${source}${separator}${stringify({ [slug]: entry })}`;
}
