/** Renaming a country makes its published PDF stale (issue 17, item 14): the PDF prints the name. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { currentPdfSize, pdfFileName, pdfSidecar } from '../../src/pdf/link.ts';

const root = mkdtempSync(path.join(tmpdir(), 'hardening-digest-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a chapter PDF', () => {
  it('is no longer offered once its country is renamed in countries.yaml', () => {
    const content = path.join(root, 'content');
    const publicDir = path.join(root, 'public');
    cpSync('content', content, { recursive: true });
    mkdirSync(path.join(publicDir, 'pdf'), { recursive: true });
    const pdf = path.join(publicDir, 'pdf', pdfFileName('2026', 'kazakhstan'));
    writeFileSync(pdf, '%PDF-1.7 a chapter');
    writeFileSync(`${pdf}.json`, JSON.stringify(pdfSidecar(content, '2026', 'kazakhstan')));
    expect(currentPdfSize('2026', 'kazakhstan', content, publicDir)).toBeGreaterThan(0);

    const countries = path.join(content, 'countries.yaml');
    writeFileSync(countries, readFileSync(countries, 'utf8').replace('name: Kazakhstan', 'name: Qazaqstan'));
    expect(readFileSync(countries, 'utf8')).toContain('Qazaqstan');
    expect(currentPdfSize('2026', 'kazakhstan', content, publicDir)).toBeUndefined();
  });
});
