// /data/<edition>/<file>: every download of an edition (JSON, CSV, EPUB), made at build from the
// published sections (src/downloads/catalogue.ts), so none can be older than the pages.
import type { APIRoute, GetStaticPaths } from 'astro';
import { type Download, getDownloads, readDownload } from '../../../downloads/catalogue.ts';

export const getStaticPaths = (async () => {
  const downloads = await getDownloads(new URL(import.meta.env.SITE), import.meta.env.BASE_URL);
  return downloads.map((download) => ({ params: { edition: download.edition.id, file: download.file }, props: { download } }));
}) satisfies GetStaticPaths;

interface Props {
  download: Download;
}

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response((await readDownload(props.download)) as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': props.download.mediatype } });
