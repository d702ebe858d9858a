// /bundle/sections.json: every section of every edition, for the bundle page's choice and checks.
// One small file, fetched only by the bundle page, rather than every section's text.
import type { APIRoute } from 'astro';
import type { BundleSection } from '../../bundle/selection.ts';
import { getChapters } from '../../data/report.ts';
import { joinPath } from '../../lib/urls.ts';

export const GET: APIRoute = async () => {
  const base = import.meta.env.BASE_URL;
  const sections: BundleSection[] = (await getChapters()).flatMap(({ edition, country, sections }) =>
    sections.map(({ theme }) => ({
      key: `${edition.id}/${country.slug}/${theme.slug}`,
      edition: edition.id,
      country: country.slug,
      countryName: country.name,
      theme: theme.slug,
      themeLabel: theme.label,
      page: joinPath(base, edition.id, country.slug, theme.slug),
    })),
  );
  return new Response(JSON.stringify(sections), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
