// /<edition>/<country>/citation.{bib,ris,json}: the chapter's citation files (src/citation/files.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { CITATION_FORMATS, type CitationFormat, citationFile } from '../../../citation/files.ts';
import { citedWork, cslItem } from '../../../citation/page.ts';
import { type Chapter, getChapters } from '../../../data/report.ts';

export const getStaticPaths = (async () =>
  (await getChapters()).flatMap((chapter) =>
    (Object.keys(CITATION_FORMATS) as CitationFormat[]).map((format) => ({
      params: { edition: chapter.edition.id, country: chapter.country.slug, format: CITATION_FORMATS[format].extension },
      props: { chapter, format },
    })),
  )) satisfies GetStaticPaths;

interface Props {
  chapter: Chapter;
  format: CitationFormat;
}

export const GET: APIRoute<Props> = ({ props, site }) => {
  const { chapter, format } = props;
  const corrections = chapter.sections.flatMap((s) => s.entry.data.corrections);
  const work = citedWork({ edition: chapter.edition, country: chapter.country, corrections, site: site!, base: import.meta.env.BASE_URL });
  return new Response(citationFile(cslItem(work), format), { headers: { 'Content-Type': CITATION_FORMATS[format].mediaType } });
};
