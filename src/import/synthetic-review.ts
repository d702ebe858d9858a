/**
 * A synthetic review as one PDF, for `npm run bench:import`: the 54 countries of
 * src/quality/synthetic.ts (sentences of the Kazakhstan chapter, shuffled, every section saying it
 * is generated), eleven themes each, laid out like the published review (running header and
 * page numbers in the margins, a country heading per chapter, theme headings, justified text) and
 * printed once by Chromium: about 250 pages. Its content folder (data files, no sections) is
 * written next to it, to import into.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../quality/chromium.ts';
import { generateSyntheticContent } from '../quality/synthetic.ts';
import { ImportError } from './errors.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** An MDX section's body as the words a reader sees: escapes undone, links as their words. */
export function bodyText(mdx: string): string[] {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '').trim();
  return body.split(/\n\n+/).map((p) =>
    p
      .replace(/\[((?:\\.|[^\]\\])*)\]\([^)]*\)/g, '$1')
      .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      .replace(/\\([!-/:-@[-`{-~])/g, '$1'),
  );
}

/** How many words paragraphs hold, to compare what was printed with what was imported. */
export const wordCount = (paragraphs: readonly string[]) => paragraphs.reduce((n, p) => n + (p.match(/\S+/g)?.length ?? 0), 0);

/**
 * Writes review.html, review.pdf and content/ (data files only) into `dir`; returns the PDF's
 * path and how many words its paragraphs hold.
 */
export async function writeSyntheticReview(
  dir: string,
  options: { countries?: number; themesPerChapter?: number } = {},
): Promise<{ pdf: string; words: number }> {
  const countries = options.countries ?? 54;
  const perChapter = options.themesPerChapter ?? 11;
  const files = generateSyntheticContent({
    countries,
    sourceText: await readFile('content/sources/2026/kazakhstan.txt', 'utf8'),
    themesYaml: await readFile('content/themes.yaml', 'utf8'),
  });
  const names = parse(files.get('countries.yaml')!) as Record<string, { name: string }>;
  const labels = parse(files.get('themes.yaml')!) as Record<string, { label: string }>;
  const themes = Object.keys(labels);
  const chapters: string[] = [];
  let words = 0;
  Object.entries(names).forEach(([slug, { name }], c) => {
    const parts = [`<h1>${escapeHtml(name)}</h1>`];
    for (let t = 0; t < perChapter; t++) {
      const theme = themes[(c * 3 + t) % themes.length]!;
      const mdx = files.get(`sections/2026/${slug}/${theme}.mdx`);
      if (!mdx) continue;
      const paragraphs = bodyText(mdx);
      words += wordCount(paragraphs);
      parts.push(`<h2>${escapeHtml(labels[theme]!.label)}</h2>`, ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`));
    }
    chapters.push(`<section>${parts.join('\n')}</section>`);
  });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic review</title><style>
  @page { size: A4; margin: 20mm 18mm;
    @top-center { content: "SYNTHETIC BENCHMARK Annual Review 2026"; font: 8pt serif; }
    @bottom-center { content: "Page " counter(page); font: 8pt serif; } }
  body { font: 10.5pt/1.4 serif; margin: 0; text-align: justify; }
  section { break-before: page; }
  h1 { font-size: 22pt; } h2 { font-size: 13pt; margin: 12pt 0 4pt; } p { margin: 0 0 6pt; }
</style></head><body>${chapters.join('\n')}</body></html>`;
  await mkdir(path.join(dir, 'content', 'sections'), { recursive: true });
  for (const name of ['countries.yaml', 'themes.yaml', 'editions.yaml']) await writeFile(path.join(dir, 'content', name), files.get(name)!);
  const htmlFile = path.join(dir, 'review.html');
  const pdf = path.join(dir, 'review.pdf');
  await writeFile(htmlFile, html);
  const result = spawnSync(
    CHROMIUM_PATH,
    [
      ...CHROMIUM_FLAGS,
      '--no-pdf-header-footer',
      `--user-data-dir=${path.join(dir, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      `file://${path.resolve(htmlFile)}`,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  );
  if (result.status !== 0) throw new ImportError(`Chromium could not print the synthetic review: ${result.stderr.slice(-300)}`);
  return { pdf, words };
}
