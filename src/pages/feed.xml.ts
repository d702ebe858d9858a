// /feed.xml: an RSS feed of new chapters and corrections, so readers and archives learn of both
// without visiting. Chapters carry their edition's publication day only when editions.yaml records
// it: no date is invented.
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { longDate } from '../citation/reference.ts';
import { getChapters, getCorrections, getNewestEdition } from '../data/report.ts';
import { chapterPath } from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const [chapters, corrections, newest] = await Promise.all([getChapters(), getCorrections(), getNewestEdition()]);
  const chapterItems = chapters.map(({ edition, country, sections }) => ({
    title: `${country.name}: ${edition.shortTitle}`,
    link: chapterPath(base, edition.id, country.slug),
    description: `The ${country.name} chapter of the ${edition.title}: ${sections.map((s) => s.theme.label).join(', ')}.`,
    ...(edition.published ? { pubDate: new Date(`${edition.published}T00:00:00Z`) } : {}),
  }));
  const correctionItems = corrections.map((c) => ({
    title: `Correction: ${c.country.name}, ${c.theme.label} (${c.edition.shortTitle})`,
    link: `${chapterPath(base, c.edition.id, c.country.slug)}#${c.theme.slug}`,
    description: `Corrected on ${longDate(c.date)}: ${c.note}`,
    pubDate: new Date(`${c.date}T00:00:00Z`),
  }));
  return rss({
    title: `${newest.shortTitle}: chapters and corrections`,
    description: `New chapters of the ${newest.title}, and corrections made to published text.`,
    site: new URL(base, site).href,
    items: [...correctionItems, ...chapterItems],
    customData: '<language>en</language>',
  });
};
