// /data/datapackage.json: the Frictionless Data Package descriptor of every download.
import type { APIRoute } from 'astro';
import { getDownloads } from '../../downloads/catalogue.ts';
import { dataPackage } from '../../downloads/datapackage.ts';
import { joinPath } from '../../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = import.meta.env.BASE_URL;
  const downloads = await getDownloads(site!, base);
  const descriptor = dataPackage(downloads, new URL(joinPath(base, 'data'), site).href);
  return new Response(`${JSON.stringify(descriptor, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
