/**
 * Whether a chapter's PDF has been generated (npm run pdf writes public/pdf/, which every build
 * copies into the site), and how big it is: the chapter page links to it only if it exists.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export function pdfFileName(edition: string, country: string): string {
  return `${edition}-${country}.pdf`;
}

/** Size in bytes of the generated PDF, or undefined when there is none. */
export function generatedPdfSize(edition: string, country: string, publicDir = 'public'): number | undefined {
  try {
    const stats = statSync(path.join(publicDir, 'pdf', pdfFileName(edition, country)));
    return stats.isFile() && stats.size > 0 ? stats.size : undefined;
  } catch {
    return undefined;
  }
}

/** "412 KB", "1.3 MB": sizes as readers on metered connections think of them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
