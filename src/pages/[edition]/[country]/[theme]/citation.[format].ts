// /<edition>/<country>/<theme>/citation.{bib,ris,json}: one section's citation files (src/citation/files.ts).
import type { APIRoute, GetStaticPaths } from 'astro';
import { CITATION_FORMATS, type CitationFormat, citationFile } from '../../../../citation/files.ts';
import { citedWork, cslItem } from '../../../../citation/page.ts';
import { type ChapterSection, getChapters } from '../../../../data/report.ts';
import type { Country } from '../../../../schemas/country.ts';
import type { Edition } from '../../../../schemas/edition.ts';

export const getStaticPaths = (async () =>
  (await getChapters()).flatMap((chapter) =>
    chapter.sections.flatMap((section) =>
      (Object.keys(CITATION_FORMATS) as CitationFormat[]).map((format) => ({
        params: {
          edition: chapter.edition.id,
          country: chapter.country.slug,
          theme: section.theme.slug,
          format: CITATION_FORMATS[format].extension,
        },
        props: { edition: chapter.edition, country: chapter.country, section, format },
      })),
    ),
  )) satisfies GetStaticPaths;

interface Props {
  edition: Edition;
  country: Country;
  section: ChapterSection;
  format: CitationFormat;
}

export const GET: APIRoute<Props> = ({ props, site }) => {
  const { edition, country, section, format } = props;
  const work = citedWork({
    edition,
    country,
    theme: section.theme,
    corrections: section.entry.data.corrections,
    site: site!,
    base: import.meta.env.BASE_URL,
  });
  return new Response(citationFile(cslItem(work), format), { headers: { 'Content-Type': CITATION_FORMATS[format].mediaType } });
};
