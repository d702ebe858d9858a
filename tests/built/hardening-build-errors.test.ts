/**
 * `astro build` on hostile or mistaken content ends as `npm run check` does: the list of problems
 * with file and line, exit 1, no stack trace and no "unhandled error" wrapper (issue 17, items 2,
 * 3, 4 and 6), and writes no site.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = mkdtempSync(path.join(tmpdir(), 'hardening-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A content folder with the real data files and the fixture's sections (and its data files, where it has them). */
function contentWith(fixture: string): string {
  const content = path.join(root, path.basename(fixture));
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) cpSync(path.join('content', file), path.join(content, file));
  cpSync(fixture, content, { recursive: true });
  return content;
}

function build(content: string) {
  const outDir = path.join(root, `out-${path.basename(content)}`);
  const result = spawnSync(path.resolve('node_modules/.bin/astro'), ['build'], {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CONTENT_DIR: content, OUT_DIR: outDir, CACHE_DIR: path.join(root, 'cache') },
    timeout: 90_000,
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, outDir };
}

describe('a build of invalid content', () => {
  it.each([
    ['tests/fixtures/many-problems', /3 content problems:\n.*one\.mdx:4 {2}theme: unknown theme/],
    ['tests/fixtures/invalid/deep-nesting', /deep-nesting\/sections\/b\.mdx:7 {2}opens more than 8 lists or quotes/],
    ['tests/fixtures/invalid/yaml-alias-bomb', /yaml-alias-bomb\/themes\.yaml:4 {2}cannot be read: .*alias/],
    ['tests/fixtures/invalid/not-utf8', /not-utf8\/sections\/a\.mdx:9 {2}is not UTF-8 text/],
  ])('%s: lists its problems with file and line, exits 1, no stack trace, no site', (fixture, expected) => {
    const { status, output, outDir } = build(contentWith(fixture));
    expect(output).toMatch(expected);
    expect(status).toBe(1);
    expect(output).not.toMatch(/unhandled error|Stack trace|\n\s+at |Maximum call stack|UNLOADABLE_DEPENDENCY/);
    expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
  });
});
