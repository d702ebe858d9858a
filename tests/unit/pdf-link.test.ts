import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeStalePdfs } from '../../src/integrations/stale-pdfs.ts';
import { chapterDigest, currentPdfSize, formatBytes, pdfFileName, pdfSidecar, pdfSidecarName } from '../../src/pdf/link.ts';

const root = mkdtempSync(path.join(tmpdir(), 'pdf-link-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A content folder with one chapter of two sections, and the editions and themes. */
function makeContent(name: string): string {
  const contentDir = path.join(root, name);
  const chapter = path.join(contentDir, 'sections', '2026', 'kazakhstan');
  mkdirSync(chapter, { recursive: true });
  writeFileSync(path.join(contentDir, 'editions.yaml'), '"2026":\n  publisher: ILGA-Europe\n');
  writeFileSync(path.join(contentDir, 'themes.yaml'), 'asylum:\n  label: Asylum\n');
  writeFileSync(path.join(chapter, 'asylum.mdx'), '---\ntheme: asylum\n---\nFirst sentence.\n');
  writeFileSync(path.join(chapter, 'education.mdx'), '---\ntheme: education\n---\nSecond sentence.\n');
  return contentDir;
}

/** What npm run pdf leaves: the PDF and its sidecar, printed from `contentDir` as it is now. */
function printPdf(publicDir: string, contentDir: string, country = 'kazakhstan', bytes = 96_190): string {
  mkdirSync(path.join(publicDir, 'pdf'), { recursive: true });
  const file = path.join(publicDir, 'pdf', pdfFileName('2026', country));
  writeFileSync(file, Buffer.alloc(bytes, 1));
  writeFileSync(path.join(publicDir, 'pdf', pdfSidecarName('2026', country)), JSON.stringify(pdfSidecar(contentDir, '2026', country)));
  return file;
}

describe('the digest of what a chapter is printed from', () => {
  it('is the same for the same files, wherever the content folder is', () => {
    const a = makeContent('digest-a');
    const b = makeContent('digest-b');
    expect(chapterDigest(a, '2026', 'kazakhstan')).toMatch(/^[0-9a-f]{64}$/);
    expect(chapterDigest(a, '2026', 'kazakhstan')).toBe(chapterDigest(b, '2026', 'kazakhstan'));
  });

  it('changes with a section’s text, a section added, removed or renamed, and editions.yaml or themes.yaml', () => {
    const contentDir = makeContent('digest-changes');
    const chapter = path.join(contentDir, 'sections', '2026', 'kazakhstan');
    const seen = new Set([chapterDigest(contentDir, '2026', 'kazakhstan')]);
    const change = (edit: () => void) => {
      edit();
      const digest = chapterDigest(contentDir, '2026', 'kazakhstan');
      expect(seen.has(digest)).toBe(false);
      seen.add(digest);
    };
    change(() => writeFileSync(path.join(chapter, 'asylum.mdx'), '---\ntheme: asylum\n---\nFirst sentence, amended.\n'));
    change(() => writeFileSync(path.join(chapter, 'health.mdx'), '---\ntheme: health\n---\nThird.\n'));
    change(() => renameSync(path.join(chapter, 'health.mdx'), path.join(chapter, 'housing.mdx')));
    change(() => rmSync(path.join(chapter, 'education.mdx')));
    change(() => writeFileSync(path.join(contentDir, 'editions.yaml'), '"2026":\n  publisher: Someone else\n'));
    change(() => writeFileSync(path.join(contentDir, 'themes.yaml'), 'asylum:\n  label: Asylum and refuge\n'));
    // Files other than sections (e.g. an editor's backup) do not count.
    const before = chapterDigest(contentDir, '2026', 'kazakhstan');
    writeFileSync(path.join(chapter, 'asylum.mdx~'), 'backup');
    expect(chapterDigest(contentDir, '2026', 'kazakhstan')).toBe(before);
  });

  it('does not depend on the order the folder lists its files in', () => {
    const a = makeContent('order-a');
    const b = path.join(root, 'order-b');
    // Copy the files in the reverse order: readdir order can follow creation order.
    const chapterB = path.join(b, 'sections', '2026', 'kazakhstan');
    mkdirSync(chapterB, { recursive: true });
    for (const name of ['education.mdx', 'asylum.mdx'])
      cpSync(path.join(a, 'sections', '2026', 'kazakhstan', name), path.join(chapterB, name));
    for (const name of ['themes.yaml', 'editions.yaml']) cpSync(path.join(a, name), path.join(b, name));
    expect(chapterDigest(b, '2026', 'kazakhstan')).toBe(chapterDigest(a, '2026', 'kazakhstan'));
  });
});

describe('the chapter page’s link to its PDF', () => {
  it('is offered only when the PDF has been generated from the current text, with its size', () => {
    const contentDir = makeContent('link-current');
    const publicDir = path.join(root, 'public-current');
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBeUndefined();
    printPdf(publicDir, contentDir);
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBe(96_190);
    expect(formatBytes(96_190)).toBe('94 KB');
  });

  it('is not offered once the chapter’s text has changed (an edit or import --force)', () => {
    const contentDir = makeContent('link-edited');
    const publicDir = path.join(root, 'public-edited');
    printPdf(publicDir, contentDir);
    writeFileSync(
      path.join(contentDir, 'sections', '2026', 'kazakhstan', 'asylum.mdx'),
      '---\ntheme: asylum\n---\nReplaced by a new import.\n',
    );
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBeUndefined();
    // Printing again makes it current.
    printPdf(publicDir, contentDir);
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBe(96_190);
  });

  it('is not offered for a PDF without its sidecar, with an unreadable sidecar, or with another chapter’s', () => {
    const contentDir = makeContent('link-sidecar');
    const publicDir = path.join(root, 'public-sidecar');
    const file = printPdf(publicDir, contentDir);
    rmSync(`${file}.json`);
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBeUndefined();
    writeFileSync(`${file}.json`, 'not json');
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBeUndefined();
    writeFileSync(`${file}.json`, JSON.stringify({ ...pdfSidecar(contentDir, '2026', 'kazakhstan'), country: 'armenia' }));
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBeUndefined();
  });

  it('is not offered for an empty file left by a failed run, nor for a chapter that no longer has sections', () => {
    const contentDir = makeContent('link-empty');
    const publicDir = path.join(root, 'public-empty');
    const file = printPdf(publicDir, contentDir);
    writeFileSync(file, '');
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBeUndefined();
    printPdf(publicDir, contentDir);
    rmSync(path.join(contentDir, 'sections', '2026', 'kazakhstan'), { recursive: true });
    expect(currentPdfSize('2026', 'kazakhstan', contentDir, publicDir)).toBeUndefined();
  });
});

describe('stale PDFs in the built site', () => {
  it('are removed with their sidecars; current ones stay', async () => {
    const contentDir = makeContent('dist-content');
    mkdirSync(path.join(contentDir, 'sections', '2026', 'armenia'), { recursive: true });
    writeFileSync(path.join(contentDir, 'sections', '2026', 'armenia', 'asylum.mdx'), '---\ntheme: asylum\n---\nArmenia.\n');
    const site = path.join(root, 'dist');
    const current = printPdf(site, contentDir, 'kazakhstan');
    const edited = printPdf(site, contentDir, 'armenia');
    writeFileSync(path.join(contentDir, 'sections', '2026', 'armenia', 'asylum.mdx'), '---\ntheme: asylum\n---\nArmenia, edited.\n');
    const orphan = path.join(site, 'pdf', pdfFileName('2026', 'albania'));
    writeFileSync(orphan, Buffer.alloc(10));
    // A sidecar copied from another chapter does not make a PDF current.
    const misnamed = path.join(site, 'pdf', pdfFileName('2026', 'georgia'));
    writeFileSync(misnamed, Buffer.alloc(10));
    cpSync(`${current}.json`, `${misnamed}.json`);

    const removed = await removeStalePdfs(path.join(site, 'pdf'), contentDir);
    expect(removed).toEqual(['2026-albania.pdf', '2026-armenia.pdf', '2026-georgia.pdf']);
    expect(existsSync(current)).toBe(true);
    expect(existsSync(`${current}.json`)).toBe(true);
    for (const file of [edited, orphan, misnamed]) {
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}.json`)).toBe(false);
    }
  });

  it('leave a site without a pdf folder alone', async () => {
    expect(await removeStalePdfs(path.join(root, 'no-such-site', 'pdf'), makeContent('dist-none'))).toEqual([]);
  });
});
