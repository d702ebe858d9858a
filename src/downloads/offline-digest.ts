/**
 * Whether an offline copy was made from the content as it is now. A copy records the digest of
 * what its pages were built from (each chapter page's `data-content-digest`, src/pdf/link.ts); the
 * build publishes it only while that equals the digest of CONTENT_DIR's chapters of the edition,
 * like the PDFs. The copies are kept out of public/ (which the build copies blindly) in
 * DOWNLOADS_DIR, default `downloads/`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { chapterDigest } from '../pdf/link.ts';
import { offlineFileName } from './files.ts';

export const DOWNLOADS_DIR = process.env['DOWNLOADS_DIR'] ?? 'downloads';

/** The record written beside a copy: `<edition>-offline.zip.json`. */
export interface OfflineSidecar {
  edition: string;
  /** editionDigest of the pages the copy was made from. */
  digest: string;
  /** The day the copy was made (YYYY-MM-DD). */
  made: string;
}

/** One digest for an edition, from each chapter's digest (country slug → sha256 hex). */
export function editionDigest(chapters: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const slug of [...chapters.keys()].sort()) hash.update(`${slug}:${chapters.get(slug)}\n`);
  return hash.digest('hex');
}

/** The edition's digest from the content: every chapter folder under sections/<edition>/. */
export function contentEditionDigest(contentDir: string, edition: string): string | undefined {
  const folder = path.join(contentDir, 'sections', edition);
  try {
    const slugs = readdirSync(folder).filter((name) => statSync(path.join(folder, name)).isDirectory());
    return editionDigest(new Map(slugs.map((slug) => [slug, chapterDigest(contentDir, edition, slug)])));
  } catch {
    return undefined;
  }
}

export function readOfflineSidecar(file: string): OfflineSidecar | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof OfflineSidecar, unknown>> | null;
    if (typeof value?.edition !== 'string' || typeof value.digest !== 'string' || typeof value.made !== 'string') return undefined;
    return { edition: value.edition, digest: value.digest, made: value.made };
  } catch {
    return undefined;
  }
}

/**
 * The edition's offline copy when it exists and was made from the content as it is now; else
 * undefined (none is made, or it is stale, and then it is not published).
 */
export function currentOfflineCopy(
  edition: string,
  contentDir: string,
  dir: string = DOWNLOADS_DIR,
): { file: string; bytes: Uint8Array; sidecar: OfflineSidecar } | undefined {
  const file = path.join(dir, offlineFileName(edition));
  const sidecar = readOfflineSidecar(`${file}.json`);
  if (!sidecar || sidecar.edition !== edition) return undefined;
  if (sidecar.digest !== contentEditionDigest(contentDir, edition)) return undefined;
  try {
    return { file, bytes: readFileSync(file), sidecar };
  } catch {
    return undefined;
  }
}
