import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBytes, generatedPdfSize, pdfFileName } from '../../src/lib/pdf-link.ts';

const publicDir = mkdtempSync(path.join(tmpdir(), 'pdf-link-'));
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

describe('the chapter page’s link to its PDF', () => {
  it('is offered only when the PDF has been generated, with its size', () => {
    expect(generatedPdfSize('2026', 'kazakhstan', publicDir)).toBeUndefined();
    mkdirSync(path.join(publicDir, 'pdf'));
    writeFileSync(path.join(publicDir, 'pdf', pdfFileName('2026', 'kazakhstan')), Buffer.alloc(96_190));
    expect(generatedPdfSize('2026', 'kazakhstan', publicDir)).toBe(96_190);
    expect(formatBytes(96_190)).toBe('94 KB');
  });

  it('is not offered for an empty file left by a failed run', () => {
    writeFileSync(path.join(publicDir, 'pdf', pdfFileName('2026', 'armenia')), '');
    expect(generatedPdfSize('2026', 'armenia', publicDir)).toBeUndefined();
  });
});
