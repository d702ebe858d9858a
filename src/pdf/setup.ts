/**
 * What the PDF job needs before it prints a chapter: the chapters (from the built site's sitemap),
 * each edition's publisher, a Chromium and the site served on 127.0.0.1. Each step that cannot be
 * done throws a PdfSetupError whose message is one sentence saying the fix.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ReportError } from '../lib/problems.ts';
import { normaliseBase } from '../quality/site.ts';
import { type StaticServer, serveStatic } from '../quality/static-server.ts';
import { type ChapterPage, chaptersOf, selectChapters, sitemapBase, sitemapPaths } from './chapters.ts';

/** Ports the PDF job may serve the site on; the first free one is used. */
export const PORTS: readonly [number, number] = [4600, 4699];

/** A problem that stops the whole job before any chapter is rendered (the fix is the message). */
export class PdfSetupError extends ReportError {}

/** An error's code and first line, for a one-sentence message: "EISDIR: illegal operation on a directory, read". */
export function errorCode(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const first = String(message ?? error).split('\n')[0]!;
  return code && !first.startsWith(code) ? `${code}: ${first}` : first;
}

/**
 * Finds the chapters of the built `site` to print (all, or those `only` names), or says what is
 * missing. `expectedBase` is BASE_PATH when set: it must be the one the site was built with.
 */
export async function chaptersToPrint(
  site: string,
  only: readonly string[],
  expectedBase: string | undefined,
): Promise<{ chapters: ChapterPage[]; base: string }> {
  const sitemap = path.join(site, 'sitemap.xml');
  if (!existsSync(sitemap)) {
    throw new PdfSetupError(
      `No built site in ${site}/ (${sitemap} is missing): run \`npm run build\` first, or point --site (or OUT_DIR) at a built site.`,
    );
  }
  let xml: string;
  try {
    xml = await readFile(sitemap, 'utf8');
  } catch (error) {
    throw new PdfSetupError(
      `Cannot read ${sitemap} (${errorCode(error)}): check that it is a readable file of a finished build, or run \`npm run build\` again.`,
      { cause: error },
    );
  }
  const paths = sitemapPaths(xml);
  const base = sitemapBase(paths);
  if (expectedBase !== undefined && normaliseBase(expectedBase) !== base) {
    throw new PdfSetupError(
      `${site}/ was built for the base path ${base}, but BASE_PATH is ${normaliseBase(expectedBase)}: build again with this BASE_PATH, or unset it.`,
    );
  }
  const all = chaptersOf(paths, base);
  if (all.length === 0) throw new PdfSetupError(`${sitemap} lists no chapter page (/<edition>/<country>/).`);
  try {
    return { chapters: selectChapters(all, only), base };
  } catch (error) {
    throw new PdfSetupError((error as Error).message, { cause: error });
  }
}

/** Each edition's publisher, from editions.yaml: the PDF's Author. */
export async function publishers(contentDir: string, editions: ReadonlySet<string>): Promise<Map<string, string>> {
  const file = path.join(contentDir, 'editions.yaml');
  let parsed: unknown;
  try {
    parsed = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    throw new PdfSetupError(`Cannot read the editions from ${file} (set CONTENT_DIR to the content the site was built from).`, {
      cause: error,
    });
  }
  const byEdition = new Map<string, string>();
  for (const edition of editions) {
    const publisher = (parsed as Record<string, { publisher?: unknown } | undefined> | null)?.[edition]?.publisher;
    if (typeof publisher !== 'string' || publisher === '') {
      throw new PdfSetupError(`Edition ${edition} has no publisher in ${file}: set CONTENT_DIR to the content the site was built from.`);
    }
    byEdition.set(edition, publisher);
  }
  return byEdition;
}

export function checkChromium(executable: string): void {
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    throw new PdfSetupError(
      `No Chromium at ${executable}. Install Debian's Chromium (\`sudo apt-get install chromium\`), or set CHROMIUM_PATH to a Chromium executable.`,
    );
  }
}

/** Serves the built site under its base path on the first free port of PORTS. */
export async function serveOnFreePort(site: string, base: string): Promise<StaticServer> {
  for (let port = PORTS[0]; port <= PORTS[1]; port++) {
    try {
      return await serveStatic(site, { port, base, compression: false });
    } catch (error) {
      const code = ((error as Error).cause as NodeJS.ErrnoException | undefined)?.code;
      if (code !== 'EADDRINUSE') {
        throw new PdfSetupError(
          `Could not serve ${site}/ on 127.0.0.1:${port} to print it (${errorCode(error)}): check that this machine allows listening on ports ${PORTS[0]}–${PORTS[1]} of 127.0.0.1.`,
          { cause: error },
        );
      }
    }
  }
  throw new PdfSetupError(`No free port from ${PORTS[0]} to ${PORTS[1]} to serve the site on while printing.`);
}
