// /robots.txt: everything may be indexed; points crawlers at the sitemap.
import type { APIRoute } from 'astro';
import { filePath } from '../lib/urls.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(filePath(import.meta.env.BASE_URL, 'sitemap.xml'), site);
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap.href}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
};
