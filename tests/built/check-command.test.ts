import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const fixture = 'tests/fixtures/many-problems';

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('npm run check', () => {
  it('prints every content problem, not only the first, and exits non-zero', () => {
    const { status, output } = run(process.execPath, ['scripts/check.ts', '--content', fixture, '--content-only']);
    expect(status).toBe(1);
    expect(output).toContain('3 content problems');
    expect(output).toContain(`${fixture}/sections/one.mdx:4  theme: unknown theme \`freedom-of-assocation\``);
    expect(output).toContain(`${fixture}/sections/two.mdx:3  country: unknown country \`kazakstan\``);
    expect(output).toContain(`${fixture}/sections/two.mdx:7  the link "dead link" has an empty target`);
  });

  it('passes on the real content', () => {
    const { status, output } = run(process.execPath, ['scripts/check.ts', '--content-only']);
    expect(output).toContain('all valid');
    expect(status).toBe(0);
  });
});

describe('the build', () => {
  it('fails on invalid content with the same list of problems, writing no site', () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'report-build-'));
    rmSync(outDir, { recursive: true });
    try {
      const { status, output } = run(path.resolve('node_modules/.bin/astro'), ['build'], {
        CONTENT_DIR: fixture,
        OUT_DIR: outDir,
      });
      expect(status).not.toBe(0);
      expect(output).toContain('3 content problems');
      expect(output).toContain('Did you mean `freedom-of-association`?');
      expect(existsSync(path.join(outDir, 'index.html'))).toBe(false);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });
});
