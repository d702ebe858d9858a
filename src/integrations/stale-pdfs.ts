import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { isCurrentPdf, readPdfSidecar } from '../pdf/link.ts';

/**
 * Removes from `<outDir>/pdf/` every chapter PDF that was not printed from the current text: its
 * sidecar (`<file>.pdf.json`, written by npm run pdf) is missing, or its digest differs from the
 * chapter's content now. Returns the names of the PDFs removed.
 */
export async function removeStalePdfs(pdfDir: string, contentDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(pdfDir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names.filter((n) => n.endsWith('.pdf')).sort()) {
    const file = path.join(pdfDir, name);
    const sidecar = readPdfSidecar(`${file}.json`);
    const current =
      sidecar !== undefined &&
      `${sidecar.edition}-${sidecar.country}.pdf` === name &&
      isCurrentPdf(file, sidecar.edition, sidecar.country, contentDir);
    if (current) continue;
    await rm(file, { force: true });
    await rm(`${file}.json`, { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * A PDF of superseded text must not be published: after the build (which copies public/pdf/ into
 * the site), every stale chapter PDF is removed from the site, and named, with what to do.
 */
export function stalePdfs(contentDir: string): AstroIntegration {
  return {
    name: 'report:stale-pdfs',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const pdfDir = path.join(fileURLToPath(dir), 'pdf');
        const removed = await removeStalePdfs(pdfDir, contentDir);
        for (const name of removed) {
          logger.warn(
            `Left ${name} out of the site: it was not printed from the chapter's current text (its .json sidecar is missing or its digest differs). Run \`npm run pdf\`, then \`npm run build\` again.`,
          );
        }
      },
    },
  };
}
