/**
 * The importer checks the chapter it stages with src/validation/ (validateSections), so the link
 * rules of src/validation/links.ts cover imports too: run as an editor would, `npm run import`
 * must not write a section whose link would leave the site by a scheme trick.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'hardening-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function contentFolder(): string {
  const content = path.join(root, 'content');
  mkdirSync(path.join(content, 'sections'), { recursive: true });
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) copyFileSync(path.join('content', file), path.join(content, file));
  return content;
}

/** Every published link target of the sections under `dir`. */
function linkTargets(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .flatMap((name) => [...readFileSync(path.join(dir, name), 'utf8').matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1]!));
}

describe('npm run import of a chapter with scheme-trick links', () => {
  it('refuses them (naming the lines) or publishes them as plain words, never as links off the site', () => {
    const content = contentFolder();
    const result = spawnSync(
      process.execPath,
      [
        'scripts/import.ts',
        'tests/fixtures/hostile/chapter-links.txt',
        '--country',
        'kazakhstan',
        '--edition',
        '2026',
        '--content',
        content,
      ],
      { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
    );
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    const targets = linkTargets(path.join(content, 'sections'));
    if (result.status === 0) {
      // Neutralised: whatever was written holds no link to either address.
      expect(targets.filter((t) => /evil/.test(t))).toEqual([]);
    } else {
      expect(output).toContain('http:evil.example');
      expect(output).toMatch(/https:\\+evil\.example/);
      expect(targets).toEqual([]);
    }
  });
});
