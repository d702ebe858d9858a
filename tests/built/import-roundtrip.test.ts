/**
 * The round trip: every chapter the site prints (`npm run pdf` on the built site, OUT_DIR or dist,
 * into a temporary folder), imported back from its PDF, gives the committed sections byte for
 * byte, links and missingSources included. The import runs as a dry run against a copy of the
 * content, so nothing in content/ is touched.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPdfImport } from '../../src/import/review.ts';

const SITE = process.env['OUT_DIR'] ?? 'dist';
let work: string;
let pdfs: string[];

beforeAll(() => {
  if (!existsSync(path.join(SITE, 'sitemap.xml')) && !existsSync(path.join(SITE, 'index.html'))) {
    throw new Error(`${SITE} holds no built site: run \`npm run build\` before this test.`);
  }
  work = mkdtempSync(path.join(tmpdir(), 'import-roundtrip-'));
  execFileSync(process.execPath, ['scripts/pdf.ts', '--site', SITE, '--out', path.join(work, 'pdf')], { stdio: 'pipe' });
  pdfs = readdirSync(path.join(work, 'pdf')).filter((name) => name.endsWith('.pdf'));
  cpSync('content', path.join(work, 'content'), { recursive: true });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('every chapter the site prints, imported back from its PDF', () => {
  it('prints at least the Kazakhstan chapter', () => {
    expect(pdfs).toContain('2026-kazakhstan.pdf');
  });

  it('gives the committed sections byte for byte', async () => {
    for (const name of pdfs) {
      const [, edition, country] = /^(\d{4})-(.+)\.pdf$/.exec(name)!;
      const outcome = await runPdfImport({
        file: path.join(work, 'pdf', name),
        edition: edition!,
        contentDir: path.join(work, 'content'),
        dryRun: true,
        force: true,
      });
      expect(
        outcome.chapters.map((c) => c.country.slug),
        name,
      ).toEqual([country]);
      const sections = outcome.chapters[0]!.changes.filter((c) => c.path.endsWith('.mdx'));
      const committed = readdirSync(path.join('content/sections', edition!, country!)).filter((n) => n.endsWith('.mdx'));
      expect(sections.map((c) => path.basename(c.path)).sort(), name).toEqual(committed.sort());
      for (const section of sections) {
        const file = path.join('content/sections', edition!, country!, path.basename(section.path));
        expect(section.after, `${name}: ${file}`).toBe(readFileSync(file, 'utf8'));
        expect(section.kind).toBe('same');
      }
    }
  });
});
