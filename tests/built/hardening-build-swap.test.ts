/**
 * `npm run build` keeps the last good site when a build fails halfway (issue 17, item 15): Astro
 * empties its output folder before writing pages, so the build goes to a folder beside OUT_DIR
 * and is swapped in only on success.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'hardening-swap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function npmBuild(content: string, outDir: string) {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, CACHE_DIR: path.join(root, 'cache') },
    timeout: 110_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run build', () => {
  const outDir = path.join(root, 'site');
  mkdirSync(path.join(outDir, '.git'), { recursive: true });
  writeFileSync(path.join(outDir, 'index.html'), 'the last good site');
  writeFileSync(path.join(outDir, '.git', 'HEAD'), 'ref: refs/heads/pages');

  it('that fails halfway (Pagefind finds nothing to index) leaves the last site as it was, and no folder behind', () => {
    // Valid content with no sections: the pages build, then Pagefind refuses to write an empty index.
    const empty = path.join(root, 'empty');
    mkdirSync(path.join(empty, 'sections'), { recursive: true });
    for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml', 'about.md'])
      cpSync(path.join('content', file), path.join(empty, file));
    const { status, output } = npmBuild(empty, outDir);
    expect(status).not.toBe(0);
    expect(output).toContain(`the build failed (exit 1); ${outDir} still holds the last site built.`);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toBe('the last good site');
    expect(readdirSync(root).filter((name) => name.includes('.building-') || name.includes('.previous-'))).toEqual([]);
  });

  it('that succeeds replaces the site whole, keeping a deployment checkout’s .git', () => {
    const { status, output } = npmBuild('content', outDir);
    expect(status, output.slice(-2000)).toBe(0);
    expect(readFileSync(path.join(outDir, 'index.html'), 'utf8')).toContain('<!DOCTYPE html>');
    expect(existsSync(path.join(outDir, '2026', 'kazakhstan', 'index.html'))).toBe(true);
    expect(readFileSync(path.join(outDir, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/pages');
    expect(readdirSync(root).filter((name) => name.includes('.building-') || name.includes('.previous-'))).toEqual([]);
  });
});
