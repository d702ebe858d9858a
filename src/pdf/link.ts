/**
 * Whether a chapter's PDF has been generated from the current text (npm run pdf writes
 * public/pdf/, which every build copies into the site), and how big it is: the chapter page links
 * to it only if it exists and its sidecar's digest matches the chapter's content as it is now.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function pdfFileName(edition: string, country: string): string {
  return `${edition}-${country}.pdf`;
}

/** The sidecar npm run pdf writes next to each PDF: `<edition>-<country>.pdf.json`. */
export function pdfSidecarName(edition: string, country: string): string {
  return `${pdfFileName(edition, country)}.json`;
}

/** What the sidecar holds: which chapter, and the digest of the content it was printed from. */
export interface PdfSidecar {
  edition: string;
  country: string;
  /** sha256 (hex) of chapterDigest's input. */
  digest: string;
}

/**
 * A digest of what a chapter's PDF is printed from: sha256 over the chapter's section files
 * (`<contentDir>/sections/<edition>/<country>/*.mdx`, sorted by name) and `editions.yaml`,
 * `countries.yaml` and `themes.yaml` (a PDF prints the country's name from countries.yaml: renaming
 * a country must leave its old PDF stale). Each file enters as its name, its length and its bytes, so that renaming,
 * adding or removing a section changes the digest too. Throws if a file cannot be read (e.g. the
 * chapter has no sections folder).
 */
export function chapterDigest(contentDir: string, edition: string, country: string): string {
  const sectionsDir = path.join(contentDir, 'sections', edition, country);
  const sections = readdirSync(sectionsDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => [`sections/${name}`, path.join(sectionsDir, name)] as const);
  const files = [
    ...sections,
    ['editions.yaml', path.join(contentDir, 'editions.yaml')] as const,
    ['countries.yaml', path.join(contentDir, 'countries.yaml')] as const,
    ['themes.yaml', path.join(contentDir, 'themes.yaml')] as const,
  ];
  const hash = createHash('sha256');
  for (const [name, file] of files) {
    // A folder without countries.yaml cannot be built, but partial content folders (tests,
    // downloads' fixtures) digest it as absent rather than failing.
    const bytes = name === 'countries.yaml' && !existsSync(file) ? Buffer.from('(absent)') : readFileSync(file);
    hash.update(`${name}\0${bytes.length}\0`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

/** The sidecar's contents as written next to a PDF. */
export function pdfSidecar(contentDir: string, edition: string, country: string): PdfSidecar {
  return { edition, country, digest: chapterDigest(contentDir, edition, country) };
}

/** Reads a sidecar file; undefined when it is missing or not a sidecar. */
export function readPdfSidecar(file: string): PdfSidecar | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Record<keyof PdfSidecar, unknown>> | null;
    if (typeof parsed?.edition !== 'string' || typeof parsed.country !== 'string' || typeof parsed.digest !== 'string') return undefined;
    return { edition: parsed.edition, country: parsed.country, digest: parsed.digest };
  } catch {
    return undefined;
  }
}

/**
 * Whether the PDF at `pdfFile` was printed from the chapter's current content: its sidecar
 * (`<pdfFile>.json`) names this chapter and holds the digest of the content as it is now.
 */
export function isCurrentPdf(pdfFile: string, edition: string, country: string, contentDir: string): boolean {
  const sidecar = readPdfSidecar(`${pdfFile}.json`);
  if (!sidecar || sidecar.edition !== edition || sidecar.country !== country) return false;
  try {
    return sidecar.digest === chapterDigest(contentDir, edition, country);
  } catch {
    return false;
  }
}

/**
 * Size in bytes of the chapter's generated PDF, or undefined when there is none or when it was
 * printed from other text than the chapter's current content (`contentDir`, i.e. CONTENT_DIR).
 */
export function currentPdfSize(edition: string, country: string, contentDir: string, publicDir = 'public'): number | undefined {
  const file = path.join(publicDir, 'pdf', pdfFileName(edition, country));
  try {
    const stats = statSync(file);
    if (!stats.isFile() || stats.size === 0) return undefined;
    return isCurrentPdf(file, edition, country, contentDir) ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The digest a built chapter page carries on its <article data-content-digest>, or undefined. The PDF job records
 * this one, not the content's digest at print time: the PDF shows the built page's text, and an
 * edit made between the build and `npm run pdf` must leave the PDF marked stale.
 */
export function digestOfBuiltPage(html: string): string | undefined {
  return /\sdata-content-digest="([0-9a-f]{64})"/.exec(html)?.[1];
}

/** "412 KB", "1.3 MB": sizes as readers on metered connections think of them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
