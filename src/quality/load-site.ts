import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { extractPage, extractStylesheet, type PageFacts, type Reference, type SiteFacts } from './links.ts';
import { listFiles } from './site.ts';

/** Reads a built site's folder into what the link check needs: its files, pages and stylesheets. */
export async function loadSiteFacts(root: string): Promise<SiteFacts> {
  const files = await listFiles(root);
  const pages = new Map<string, PageFacts>();
  const stylesheets = new Map<string, Reference[]>();
  for (const file of files) {
    if (file.endsWith('.html')) pages.set(file, extractPage(await readFile(path.join(root, file), 'utf8')));
    else if (file.endsWith('.css')) stylesheets.set(file, extractStylesheet(await readFile(path.join(root, file), 'utf8')));
  }
  return { files: new Set(files), pages, stylesheets };
}
