/**
 * The importer against hostile or unlucky input (issue 17, items 9–11): a heading with a
 * look-alike letter, a chapter folder that is a link to elsewhere, and an import interrupted.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importChapter } from '../../src/import/chapter.ts';
import { ImportError } from '../../src/import/errors.ts';
import { runImport } from '../../src/import/run.ts';
import type { Theme } from '../../src/schemas/theme.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

let themes: Theme[];
const work: string[] = [];
beforeAll(async () => {
  ({ themes } = await validateContent(contentPaths('content')));
});
afterEach(() => {
  for (const dir of work.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A content folder with the real data files and no section. */
function content(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-hardening-'));
  work.push(dir);
  const root = path.join(dir, 'content');
  mkdirSync(path.join(root, 'sections'), { recursive: true });
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) cpSync(path.join('content', file), path.join(root, file));
  return root;
}

describe('a heading typed with a letter of another alphabet', () => {
  it('is refused with its line and the letter’s code point, not merged into the section before', () => {
    const text = 'KAZAKHSTAN\n\nFREEDOM OF EXPRESSION\n\nOne paragraph.\n\nEDUC\u0410TION\n\nAnother paragraph.\n';
    let error: unknown;
    try {
      importChapter(text, { edition: '2026', country: 'kazakhstan', themes });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).line).toBe(7);
    expect((error as Error).message).toContain('U+0410 (looks like A)');
  });
});

describe('a chapter folder that is a link to a folder elsewhere', () => {
  it('is refused, and the files it leads to are left as they were', async () => {
    const root = content();
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'import-elsewhere-'));
    work.push(elsewhere);
    writeFileSync(path.join(elsewhere, 'education.mdx'), 'not the report’s\n');
    mkdirSync(path.join(root, 'sections', '2026'), { recursive: true });
    symlinkSync(elsewhere, path.join(root, 'sections', '2026', 'kazakhstan'));
    await expect(
      runImport({ file: 'content/sources/2026/kazakhstan.txt', country: 'kazakhstan', edition: '2026', contentDir: root, force: true }),
    ).rejects.toThrow(/leads outside the content folder/);
    expect(readdirSync(elsewhere)).toEqual(['education.mdx']);
    expect(readFileSync(path.join(elsewhere, 'education.mdx'), 'utf8')).toBe('not the report’s\n');
  });
});

describe('an import interrupted with Ctrl+C', () => {
  it('leaves no staging folder in the content folder, and says nothing was written', async () => {
    const root = content();
    const child = spawn(process.execPath, ['tests/fixtures/import/interrupt.ts', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const staging = await new Promise<string>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        const match = /staging (.+)/.exec(chunk.toString());
        if (match) resolve(match[1]!.trim());
      });
    });
    expect(existsSync(staging)).toBe(true);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(130);
    expect(existsSync(staging)).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith('.import-'))).toEqual([]);
    expect(stderr).toContain('nothing was written');
  });
});
