// /sitemap.xml: every page a search engine should know, with absolute URLs.
import type { APIRoute } from 'astro';
import { getChapters, getEditions, getThemes } from '../data/report.ts';
import { chapterPath, joinPath } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const [editions, chapters, themes] = await Promise.all([getEditions(), getChapters(), getThemes()]);
  const paths = [
    joinPath(base),
    ...editions.flatMap((e) => [
      joinPath(base, e.id),
      joinPath(base, e.id, 'themes'),
      joinPath(base, e.id, 'about'),
      joinPath(base, e.id, 'corrections'),
      ...themes.map((t) => joinPath(base, e.id, 'themes', t.slug)),
    ]),
    ...chapters.flatMap((c) => [
      chapterPath(base, c.edition.id, c.country.slug),
      ...c.sections.map((s) => joinPath(base, c.edition.id, c.country.slug, s.theme.slug)),
    ]),
  ];
  const urls = paths.map((p) => `  <url><loc>${new URL(p, site).href}</loc></url>`).join('\n');
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
};
