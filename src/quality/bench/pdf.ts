/**
 * The benchmark's PDF figure: `npm run pdf` timed on a synthetic build, pointed at that build alone
 * (its --site and --out, src/pdf/command-line.ts), so that it writes nothing into dist/ or public/
 * while others build there.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chapterSeconds, pdfArguments } from '../../pdf/command-line.ts';
import { median } from '../build-log.ts';
import { CHROMIUM_PATH } from '../chromium.ts';
import { folderBytes } from '../page-weight.ts';

export interface PdfResult {
  seconds?: number;
  files?: number;
  /** Median seconds per chapter, from the job's own progress lines, and the first and last chapter's. */
  perChapter?: { median: number; first: number; last: number } | undefined;
  skipped?: string;
}

/** Why `npm run pdf` cannot be measured on this machine, or undefined when it can. */
export function pdfSkipReason(): string | undefined {
  return existsSync(CHROMIUM_PATH) ? undefined : `no Chromium at ${CHROMIUM_PATH}`;
}

/** Times `npm run pdf` printing every chapter of the build `dist` (made from `contentDir`) into <dist>/pdf. */
export async function measurePdf(dist: string, contentDir: string, skip: string | undefined): Promise<PdfResult> {
  if (skip) return { skipped: skip };
  const started = performance.now();
  let output = '';
  const code: number = await new Promise((resolve) => {
    const child = spawn('npm', ['run', 'pdf', '--', ...pdfArguments(dist, path.join(dist, 'pdf'))], {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: dist, CONTENT_DIR: contentDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (c) => resolve(c ?? 1));
  });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) return { skipped: `npm run pdf failed (exit ${code})` };
  const pdfs = await folderBytes(path.join(dist, 'pdf'), (f) => f.endsWith('.pdf'));
  const times = chapterSeconds(output);
  const perChapter = times.length ? { median: median(times)!, first: times[0]!, last: times.at(-1)! } : undefined;
  return { seconds, files: pdfs.files, perChapter };
}
