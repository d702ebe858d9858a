/**
 * `npm run pdf` on a chapter that Chromium never finishes (issue 17, item 16): the chapter fails
 * after the job's limit with a sentence that says why, the next chapter is printed in a new
 * Chromium, and a run that makes nothing does not claim "0 PDFs (1 KB)". Needs Chromium.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { summary } from '../../src/pdf/command-line.ts';

const root = mkdtempSync(path.join(tmpdir(), 'hardening-pdf-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function page(file: string, body: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title></head><body><article data-content-digest="${'0'.repeat(64)}">${body}</article></body></html>`,
  );
}

function pdfRun(site: string, content: string, out: string) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['scripts/pdf.ts', '--site', site, '--out', out], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, PDF_CHAPTER_TIMEOUT: '5' },
    timeout: 100_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, seconds: (performance.now() - started) / 1000 };
}

describe('npm run pdf', () => {
  it('fails a hung chapter after its limit with a clear sentence and prints the next one in a new Chromium', () => {
    const site = path.join(root, 'site');
    const content = path.join(root, 'content');
    mkdirSync(content, { recursive: true });
    writeFileSync(path.join(content, 'editions.yaml'), '"2026":\n  publisher: Test publisher\n');
    page(path.join(site, 'index.html'), 'home');
    // A script that never returns: the page never loads, as when Chromium hangs.
    page(path.join(site, '2026', 'hung', 'index.html'), '<p>Hung</p><script>for(;;){}</script>');
    page(path.join(site, '2026', 'fine', 'index.html'), '<p>A fine chapter.</p>');
    writeFileSync(
      path.join(site, 'sitemap.xml'),
      '<urlset><url><loc>http://x/</loc></url><url><loc>http://x/2026/hung/</loc></url><url><loc>http://x/2026/fine/</loc></url></urlset>',
    );
    const out = path.join(root, 'out');
    const { status, output, seconds } = pdfRun(site, content, out);
    expect(output).toMatch(
      /\[1\/2\] 2026-hung\.pdf FAILED \(\/2026\/hung\/\): loading and printing the page in Chromium took longer than 5 s: Chromium may be hung/,
    );
    expect(output).toMatch(/\[2\/2\] 2026-fine\.pdf \d+ KB/);
    expect(output).toContain('1 chapter failed to print: 2026-hung.');
    expect(status).toBe(1);
    expect(seconds).toBeLessThan(60);
    expect(readdirSync(out).filter((name) => name.endsWith('.pdf'))).toEqual(['2026-fine.pdf']);
  });

  it('says that no PDF was written when none was, with no size', () => {
    const chapter = { edition: '2026', country: 'x', path: '/2026/x/', file: '2026-x.pdf' };
    const { made } = summary({ results: [{ chapter, ok: false, error: new Error('x'), seconds: 1 }], seconds: 2, served: '' }, [
      '/tmp/pdfs',
    ]);
    expect(made).toBe('No PDF was written (/tmp/pdfs/ unchanged) in 2.0 s.');
  });
});
