/**
 * `npm run import` end to end, on a temporary content folder: what it writes, what it refuses,
 * --force, --dry-run, new countries, and that a failure halfway leaves every file as it was.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type FileOperations, UndoFailedError } from '../../src/import/commit.ts';
import { ImportError } from '../../src/import/errors.ts';
import { type ImportRequest, runImport } from '../../src/import/run.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

const SEED = 'content/sources/2026/kazakhstan.txt';
const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A content folder with the real data files and no sections; returns its path. */
function contentFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'import-command-'));
  folders.push(root);
  const content = path.join(root, 'content');
  mkdirSync(path.join(content, 'sections'), { recursive: true });
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) copyFileSync(path.join('content', file), path.join(content, file));
  return content;
}

function chapterFile(content: string, text: string, name = 'chapter.txt'): string {
  const file = path.join(path.dirname(content), name);
  writeFileSync(file, text);
  return file;
}

/** Every file under a folder with its text, to show that nothing changed. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .sort()
      .flatMap((name) => {
        const file = path.join(dir, name);
        try {
          return [[name, readFileSync(file, 'utf8')]];
        } catch {
          return []; // a folder
        }
      }),
  );
}

const importInto = (content: string, file: string, more: Partial<ImportRequest> = {}, fileOperations?: FileOperations) =>
  runImport({ file, country: 'kazakhstan', edition: '2026', contentDir: content, ...more }, fileOperations);

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('importing into the content folder', () => {
  it('makes, on disk, exactly the committed Kazakhstan chapter from the seed, and keeps the source', async () => {
    const content = contentFolder();
    const outcome = await importInto(content, SEED);
    expect(outcome.written).toBe(true);
    const dir = 'content/sections/2026/kazakhstan';
    const written = path.join(content, 'sections/2026/kazakhstan');
    expect(readdirSync(written).sort()).toEqual(readdirSync(dir).sort());
    for (const name of readdirSync(dir)) {
      expect(readFileSync(path.join(written, name), 'utf8'), name).toBe(readFileSync(path.join(dir, name), 'utf8'));
    }
    expect(readFileSync(path.join(content, 'sources/2026/kazakhstan.txt'))).toEqual(readFileSync(SEED));
    expect((await validateContent(contentPaths(content))).problems).toEqual([]);
  });

  it('writes nothing when a heading names no theme', async () => {
    const content = contentFolder();
    const before = files(content);
    const file = chapterFile(content, 'Kazakhstan\n\nEDUCATION\n\nText.\n\nLGBTI RIGHTS\n\nMore.\n');
    const error = await refusal(importInto(content, file));
    expect(error.line).toBe(7);
    expect(files(content)).toEqual(before);
  });

  it('refuses to replace a chapter without --force, and replaces all of it with --force', async () => {
    const content = contentFolder();
    await importInto(content, chapterFile(content, 'EDUCATION\n\nFirst version.\n\nHEALTH\n\nKept.\n'));
    const before = files(content);

    // The same import again changes nothing and needs no --force.
    const again = await importInto(content, chapterFile(content, 'EDUCATION\n\nFirst version.\n\nHEALTH\n\nKept.\n'));
    expect(again.written).toBe(false);
    expect(again.changes.every((c) => c.kind === 'same')).toBe(true);

    const second = chapterFile(content, 'EDUCATION\n\nSecond version.\n\nDATA COLLECTION\n\nNew.\n', 'second.txt');
    const error = await refusal(importInto(content, second));
    expect(error.message).toMatch(/would replace or remove existing content .*education\.mdx.*health\.mdx.*Pass --force/);
    expect(files(content)).toEqual(before);

    const outcome = await importInto(content, second, { force: true });
    expect(outcome.written).toBe(true);
    const dir = path.join(content, 'sections/2026/kazakhstan');
    expect(readdirSync(dir).sort()).toEqual(['data-collection.mdx', 'education.mdx']);
    expect(readFileSync(path.join(dir, 'education.mdx'), 'utf8')).toContain('Second version.');
    expect(Object.fromEntries(outcome.changes.map((c) => [path.basename(c.path), c.kind]))).toMatchObject({
      'education.mdx': 'update',
      'data-collection.mdx': 'create',
      'health.mdx': 'delete',
    });
  });

  it('--dry-run shows the changes as a diff and writes nothing', async () => {
    const content = contentFolder();
    await importInto(content, chapterFile(content, 'EDUCATION\n\nFirst version.\n'));
    const before = files(content);
    const outcome = await importInto(content, chapterFile(content, 'EDUCATION\n\nSecond version.\n\nHEALTH\n\nNew.\n'), { dryRun: true });
    expect(outcome.written).toBe(false);
    expect(files(content)).toEqual(before);
    expect(outcome.diff).toContain('education.mdx\n@@ -4,4 +4,4 @@\n theme: education\n ---\n \n-First version.\n+Second version.\n');
    expect(outcome.diff).toMatch(/--- \/dev\/null\n\+\+\+ b\/\S*health\.mdx\n@@ -0,0 \+1,7 @@\n\+---\n/);
    // No staging folder is left behind, in the content or next to it.
    expect(readdirSync(content).filter((name) => name.startsWith('.import-'))).toEqual([]);
  });

  /**
   * Imports a two-section chapter, then a three-section one over it whose third move into place
   * fails (a full disk), with `extra` file operations; returns the content before, the error, and the moves.
   */
  async function failingReimport(extra: FileOperations = {}) {
    const content = contentFolder();
    await importInto(content, chapterFile(content, 'EDUCATION\n\nOld.\n\nHEALTH\n\nOld.\n'));
    const before = files(content);
    let moves = 0;
    const error = await refusal(
      importInto(
        content,
        chapterFile(content, 'EDUCATION\n\nNew.\n\nHEALTH\n\nNew.\n\nDATA COLLECTION\n\nNew.\n'),
        { force: true },
        {
          beforeMove: () => {
            moves += 1;
            if (moves === 3) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
          },
          ...extra,
        },
      ),
    );
    return { content, before, error, moves };
  }

  it('puts every file back when a write fails halfway', async () => {
    const { content, before, error, moves } = await failingReimport();
    expect(moves).toBe(3);
    expect(error.message).toMatch(/could not write .*no space left on device.*put back/);
    expect(files(content)).toEqual(before);
    expect(readdirSync(content).filter((name) => name.startsWith('.import-'))).toEqual([]);
  });

  it('keeps the staging folder and names the files it could not put back when undoing fails', async () => {
    const { content, before, error } = await failingReimport({
      // Putting education.mdx's previous version back fails (as on a disk gone read-only).
      rename: async (from: string, to: string) => {
        if (to.endsWith(`${path.sep}education.mdx`) && from.includes(`${path.sep}backup${path.sep}`)) {
          throw Object.assign(new Error('read-only file system'), { code: 'EROFS' });
        }
        await rename(from, to);
      },
    });
    expect(error).toBeInstanceOf(UndoFailedError);
    const staging = (error as UndoFailedError).staging;
    expect(path.basename(staging)).toMatch(/^\.import-/);
    expect(error.message).toMatch(/could not write .*no space left on device/);
    expect(error.message).toMatch(
      /1 file could not be put back: \S*education\.mdx \(its previous version is \S*backup\S* read-only file system\)/,
    );
    expect(error.message).toContain(`staging folder ${staging}${path.sep} was kept`);
    expect(error.message).not.toMatch(/content is as it was/);
    // The staging folder is kept with the backup of the file not put back, which is the old text.
    expect(readdirSync(content).filter((name) => name.startsWith('.import-'))).toEqual([path.basename(staging)]);
    const backups = readdirSync(path.join(staging, 'backup'));
    expect(backups.map((name) => readFileSync(path.join(staging, 'backup', name), 'utf8'))).toEqual([
      before[path.join('sections', '2026', 'kazakhstan', 'education.mdx')],
    ]);
    // Every other file was put back.
    const after = files(content);
    for (const [file, text] of Object.entries(before)) {
      if (!file.endsWith('education.mdx')) expect(after[file], file).toBe(text);
    }
  });

  it('refuses a file that is not UTF-8, a missing file and an unknown edition', async () => {
    const content = contentFolder();
    const latin1 = chapterFile(content, '', 'latin1.txt');
    writeFileSync(latin1, Buffer.from('EDUCATION\n\nCaf\xe9.\n', 'latin1'));
    expect((await refusal(importInto(content, latin1))).message).toMatch(/is not UTF-8 text/);
    expect((await refusal(importInto(content, path.join(content, 'nope.txt')))).message).toMatch(/does not exist/);
    const file = chapterFile(content, 'EDUCATION\n\nText.\n');
    expect((await refusal(importInto(content, file, { edition: '2031' }))).message).toMatch(/no edition 2031 .*editions: 2026/);
  });
});

describe('the country', () => {
  it('is found by slug, name or ISO code', async () => {
    const content = contentFolder();
    const file = chapterFile(content, 'Kazakhstan\n\nEDUCATION\n\nText.\n');
    for (const country of ['kazakhstan', 'Kazakhstan', 'KZ']) {
      const outcome = await importInto(content, file, { country, dryRun: true });
      expect(outcome.country, country).toEqual({ slug: 'kazakhstan', name: 'Kazakhstan', created: false });
    }
  });

  it('is added to countries.yaml when new, its ISO code from i18n-iso-countries', async () => {
    const content = contentFolder();
    const countries = readFileSync(path.join(content, 'countries.yaml'), 'utf8');
    const file = chapterFile(content, 'North Macedonia\n\nEDUCATION\n\nText.\n');
    const outcome = await importInto(content, file, { country: 'North Macedonia', region: 'South-eastern Europe' });
    expect(outcome.country).toEqual({ slug: 'north-macedonia', name: 'North Macedonia', created: true });
    expect(readFileSync(path.join(content, 'countries.yaml'), 'utf8')).toBe(
      `${countries}north-macedonia:\n  name: North Macedonia\n  iso: MK\n  region: South-eastern Europe\n`,
    );
    expect(readFileSync(path.join(content, 'sections/2026/north-macedonia/education.mdx'), 'utf8')).toContain('country: north-macedonia');
    expect((await validateContent(contentPaths(content))).problems).toEqual([]);
  });

  it('takes --iso for a name the package does not know, and explains what a new country needs', async () => {
    const content = contentFolder();
    const file = chapterFile(content, 'EDUCATION\n\nText.\n');
    expect((await refusal(importInto(content, file, { country: 'Atlantis' }))).message).toMatch(/no ISO 3166-1 code is known .*--iso/);
    expect((await refusal(importInto(content, file, { country: 'Kazakstan' }))).message).toMatch(/Did you mean --country kazakhstan\?/);
    expect((await refusal(importInto(content, file, { country: 'Moldova' }))).message).toMatch(
      /"Moldova" \(MD\) is not in content\/countries\.yaml yet\. .*--region \(regions in use: Central Asia\)/,
    );
    expect((await refusal(importInto(content, file, { country: 'Atlantis', iso: 'QQ', region: 'Sea' }))).message).toMatch(
      /--iso "QQ" is not an ISO 3166-1 alpha-2 code/,
    );
    expect(existsSync(path.join(content, 'sections/2026'))).toBe(false);
    const outcome = await importInto(content, file, { country: 'Kosovo', iso: 'xk', region: 'South-eastern Europe' });
    expect(readFileSync(path.join(content, 'countries.yaml'), 'utf8')).toContain('kosovo:\n  name: Kosovo\n  iso: XK\n');
    expect(outcome.written).toBe(true);
  });
});

describe('the command', () => {
  const cli = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['scripts/import.ts', ...args], { encoding: 'utf8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('prints a short report', () => {
    const content = contentFolder();
    const { status, stdout } = cli(SEED, '--country', 'Kazakhstan', '--edition', '2026', '--content', content);
    expect(status).toBe(0);
    expect(stdout).toContain('10 sections: 10 new, 0 changed, 0 unchanged, 0 removed');
    expect(stdout).toContain('6 paragraphs joined across page breaks');
    expect(stdout).toContain('2 cross-reference links made, 0 source links kept, 1 link dropped (listed under missingSources)');
    expect(stdout).toContain('1 warning:\n    line 41: the link "charges" had no usable target; published as plain text.');
    // Each joined paragraph listed with its line, for the editor to check.
    expect(stdout).toContain('left out or changed: 6 × paragraphs joined\n    line 17: paragraphs joined: proposal and');
    expect(stdout.trim().split('\n').length).toBeLessThanOrEqual(15);
  });

  it('explains a refusal with the file and line, without a stack trace, and exits 1', () => {
    const content = contentFolder();
    const file = chapterFile(content, 'EDUCATION\n\nText.\n\nFREEDOM OF ASOCIATION\n\nMore.\n');
    const { status, stdout, stderr } = cli(file, '--country', 'kazakhstan', '--edition', '2026', '--content', content);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^import: ${file}:5: the heading "FREEDOM OF ASOCIATION" names no theme`));
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(content, 'sections/2026'))).toBe(false);
  });

  it('prints the diff for --dry-run, and its usage when arguments are missing or unknown', () => {
    const content = contentFolder();
    const dry = cli(SEED, '--country', 'kazakhstan', '--edition', '2026', '--content', content, '--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toMatch(/^--- \/dev\/null\n\+\+\+ b\/.*bias-motivated-speech\.mdx\n/);
    expect(dry.stdout).toContain('Dry run, nothing written.');
    expect(existsSync(path.join(content, 'sections/2026'))).toBe(false);
    for (const args of [[SEED], [SEED, '--country', 'kazakhstan', '--edition', '2026', '--frobnicate']]) {
      const { status, stderr } = cli(...args);
      expect(status).toBe(1);
      expect(stderr).toContain('usage: npm run import -- <file.txt> --country <name or slug> --edition <year>');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
