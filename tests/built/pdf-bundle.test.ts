/**
 * `npm run pdf -- --bundle … --out file.pdf` on the built site (npm test builds first), read back
 * with poppler: an index with the page each section starts on, a bookmark per section, and every
 * paragraph of each chosen section, in the chosen order, word for word, with its number.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentences } from '../../src/import/source-text.ts';
import { firstMissing, joinLines, pdfInfo, pdfOutline, pdfText } from '../../src/pdf/read-back.ts';
import { seedParagraphs } from '../support/seed.ts';

const SITE = process.env['OUT_DIR'] ?? 'dist';
const CHOSEN = ['2026/kazakhstan/human-rights-defenders', '2026/kazakhstan/bias-motivated-speech'];
let folder: string;
let file: string;
let output: string;
let text: string;

beforeAll(async () => {
  if (!existsSync(path.join(SITE, 'bundle/index.html'))) throw new Error(`${SITE}/bundle/ is missing: run \`npm run build\` first.`);
  folder = await mkdtemp(path.join(tmpdir(), 'bundle-pdf-'));
  file = path.join(folder, 'bundle.pdf');
  ({ stdout: output } = await promisify(execFile)(process.execPath, [
    'scripts/pdf.ts',
    '--site',
    SITE,
    '--bundle',
    CHOSEN.join(','),
    '--out',
    file,
  ]));
  text = await pdfText(file);
}, 180_000);
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('a bundle printed from the command line', () => {
  it('has an index giving the page each section starts on, and a bookmark there for each', async () => {
    const outline = (await pdfOutline(file)).flatMap(function flat(item): { title: string; page: number }[] {
      return [{ title: item.title, page: item.page }, ...item.children.flatMap(flat)];
    });
    for (const title of ['Kazakhstan: Human rights defenders', 'Kazakhstan: Bias-motivated speech']) {
      const bookmark = outline.find((o) => o.title === title);
      expect(bookmark, title).toBeDefined();
      expect(joinLines(text.split('\n'))).toContain(`${title} (2026) · page ${bookmark!.page}`);
    }
    expect(output).toMatch(/Bundle: .*\(\d+ pages, \d+ KB\)/);
    expect((await pdfInfo(file))['Tagged']).toBe('yes');
  });

  it('holds every paragraph of the chosen sections, in the chosen order, word for word, each after its number', async () => {
    const seed = await seedParagraphs();
    const defenders = seed.get('human-rights-defenders')!;
    const speech = seed.get('bias-motivated-speech')!;
    const body = joinLines(text.split('\n'));
    // In order: all of the first section's sentences, then all of the second's.
    const said = [...defenders, ...speech].flatMap(sentences);
    expect(firstMissing(body, said, { hyphenation: false })).toBeUndefined();
    const lines = text.split('\n').map((l) => l.trim());
    for (const [i, paragraph] of speech.entries()) {
      const at = lines.findIndex((l) => l.startsWith(paragraph.slice(0, 30)));
      expect(lines.slice(Math.max(0, at - 3), at), `number of paragraph ${i + 1}`).toContain(String(i + 1));
    }
  });
});
