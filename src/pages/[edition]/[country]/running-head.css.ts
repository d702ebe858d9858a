// /<edition>/<country>/running-head.css: the chapter's running header for print (see src/pdf/running-head.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { getChapters } from '../../../data/report.ts';
import { runningHeadCss } from '../../../pdf/running-head.ts';

export const getStaticPaths = (async () =>
  (await getChapters()).map((chapter) => ({
    params: { edition: chapter.edition.id, country: chapter.country.slug },
    props: { country: chapter.country.name, edition: chapter.edition.shortTitle },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) =>
  new Response(runningHeadCss(String(props['country']), String(props['edition'])), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
