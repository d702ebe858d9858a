/**
 * Issue 12's problems with real-world text exports, one synthetic fixture each
 * (tests/fixtures/import/exports.ts), through the real import into a temporary content folder:
 * the sections an editor expects, what the report lists, and refusals that change nothing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.ts';
import { type ImportRequest, runImport } from '../../src/import/run.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';
import { EXPORTS } from '../fixtures/import/exports.ts';
import { renderSection } from '../fixtures/import/render.ts';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function contentFolder(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'import-exports-'));
  folders.push(root);
  const content = path.join(root, 'content');
  mkdirSync(path.join(content, 'sections'), { recursive: true });
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) copyFileSync(path.join('content', file), path.join(content, file));
  return content;
}

async function importText(text: string, more: Partial<ImportRequest> = {}) {
  const content = contentFolder();
  const file = path.join(path.dirname(content), 'chapter.txt');
  writeFileSync(file, text);
  const outcome = await runImport({ file, country: 'kazakhstan', edition: '2026', contentDir: content, ...more });
  return { content, outcome };
}

/** The written chapter as a reader sees it: paragraphs per theme. */
function published(content: string, edition = '2026'): Record<string, string[]> {
  const dir = path.join(content, 'sections', edition, 'kazakhstan');
  return Object.fromEntries(
    readdirSync(dir).map((name) => [name.replace(/\.mdx$/, ''), renderSection(readFileSync(path.join(dir, name), 'utf8')).paragraphs]),
  );
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
      try {
        return [[name, readFileSync(path.join(dir, name), 'latin1')]];
      } catch {
        return [];
      }
    }),
  );
}

async function refusedUntouched(text: string, more: Partial<ImportRequest> = {}): Promise<ImportError> {
  const content = contentFolder();
  const file = path.join(path.dirname(content), 'chapter.txt');
  writeFileSync(file, text);
  const before = snapshot(content);
  const error = await runImport({ file, country: 'kazakhstan', edition: '2026', contentDir: content, ...more }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  expect(snapshot(content)).toEqual(before);
  return error as ImportError;
}

describe('text exported from the PDF the ways editors export it', () => {
  for (const fixture of EXPORTS) {
    it(`gives the expected sections: ${fixture.name}`, async () => {
      const { content, outcome } = await importText(fixture.text);
      expect(outcome.written).toBe(true);
      expect(published(content)).toEqual(fixture.sections);
      expect((await validateContent(contentPaths(content))).problems).toEqual([]);
    });
  }

  it('lists what it left out and mended, with page and line as the file has them', async () => {
    const running = EXPORTS.find((f) => f.name.startsWith('running headers'))!;
    const { outcome } = await importText(running.text);
    const listed = outcome.report.changes.map((c) => `${c.kind} p${c.page} l${c.line}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        'running header or footer p1 l7',
        'page number p1 l9',
        'running header or footer p2 l10',
        'running header or footer p2 l11',
        'page number p2 l19',
        'paragraphs joined p2 l13',
      ]),
    );
    const hyphens = await importText(EXPORTS[0]!.text);
    expect(hyphens.outcome.report.changes.filter((c) => c.kind.startsWith('hyphen')).map((c) => [c.kind, c.line, c.text])).toEqual([
      ['hyphen mended', 5, 'described'],
      ['hyphen kept', 6, 'so-called'],
      ['hyphen mended', 12, 'Participation'],
    ]);
    const footnote = await importText(EXPORTS.find((f) => f.name.startsWith('a footnote'))!.text);
    expect(
      footnote.outcome.report.changes.filter((c) => c.kind.startsWith('footnote')).map((c) => [c.kind, c.page, c.line, c.text]),
    ).toEqual([
      ['footnote marker', 1, 5, '1'],
      ['footnote', 1, 7, '1 https://example.org/law-2025'],
    ]);
  });

  it('keeps a hyphen it cannot decide on, and warns with its line', async () => {
    const { content, outcome } = await importText('Kazakhstan\n\nEDUCATION\n\nThe Zhetysu-\nkorgan group met.');
    expect(published(content)).toEqual({ education: ['The Zhetysu-korgan group met.'] });
    expect(outcome.report.warnings).toEqual([expect.stringMatching(/^line 5: "Zhetysu-korgan".*hyphen was kept/)]);
  });

  it('names the right line after form feeds (they start a page, not a line)', async () => {
    const error = await refusedUntouched('Kazakhstan\n\nEDUCATION\n\nOne.\n\n\f\fTwo.\n\n\fLGBTI RIGHTS\n\nThree.');
    expect(error.line).toBe(9); // read as line breaks, the form feeds made it 12
  });

  it('reads a chapter title in capitals as the title, not as a heading', async () => {
    const { content, outcome } = await importText('KAZAKHSTAN\n\nEDUCATION\n\nOne.');
    expect(outcome.report.title).toBe('KAZAKHSTAN');
    expect(published(content)).toEqual({ education: ['One.'] });
  });

  it('refuses a chapter whose title names another country, unless --force', async () => {
    const text = 'KYRGYZSTAN\n\nEDUCATION\n\nOne.';
    const error = await refusedUntouched(text);
    expect(error.message).toMatch(/title "KYRGYZSTAN" names another country than --country kazakhstan.*--force/);
    expect(error.line).toBe(1);
    const { outcome } = await importText(text, { force: true });
    expect(outcome.written).toBe(true);
    expect(outcome.report.warnings[0]).toMatch(/^line 1: .*KYRGYZSTAN.*--force/);
  });
});

describe('an edition not yet in editions.yaml', () => {
  it('is refused with the flag that adds it, and nothing changes', async () => {
    const error = await refusedUntouched('Kazakhstan\n\nEDUCATION\n\nOne.', { edition: '2027' });
    expect(error.message).toMatch(/no edition 2027 .*--new-edition "/);
  });

  it('is added by --new-edition, checked, with the chapter', async () => {
    const title = 'Annual Review of the Human Rights Situation of LGBTI People 2027';
    const { content, outcome } = await importText('Kazakhstan\n\nEDUCATION\n\nOne.', { edition: '2027', newEdition: title });
    expect(outcome.editionCreated).toBe(true);
    const editions = readFileSync(path.join(content, 'editions.yaml'), 'utf8');
    expect(editions.startsWith(readFileSync('content/editions.yaml', 'utf8'))).toBe(true);
    const report = await validateContent(contentPaths(content));
    expect(report.problems).toEqual([]);
    expect(report.vocabulary.editions).toContain('2027');
    expect(editions).toContain(title);
    expect(published(content, '2027')).toEqual({ education: ['One.'] });
  });

  it('refuses an empty title, and --new-edition for an edition that exists', async () => {
    expect((await refusedUntouched('EDUCATION\n\nOne.', { edition: '2027', newEdition: ' ' })).message).toMatch(/full title/);
    expect((await refusedUntouched('EDUCATION\n\nOne.', { newEdition: 'Another title' })).message).toMatch(/already in/);
  });
});
