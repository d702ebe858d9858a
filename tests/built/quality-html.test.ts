import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, type VnuMessage, WARNINGS_ALLOWED } from '../../src/quality/html-validity.ts';
import { runVnu } from '../../src/quality/vnu.ts';

const fixture = (name: string) => path.resolve('tests/fixtures/quality', name);

describe('the HTML check (Nu Html Checker)', () => {
  it('fails a page with markup errors, naming each one', async () => {
    const { failures } = judge(await runVnu([fixture('html/invalid.html')]));
    expect(failures.map((m) => [m.lastLine, m.message])).toEqual([
      [5, 'No “p” element in scope but a “p” end tag seen.'],
      [6, expect.stringContaining('An “img” element must have an “alt” attribute')],
    ]);
  });

  it('passes valid pages, stylesheets and SVG', async () => {
    const files = ['site-good/index.html', 'site-good/page/index.html', 'site-good/style.css', 'site-good/dot.svg'].map(fixture);
    expect(judge(await runVnu(files)).failures).toEqual([]);
  });
});

describe('allowed warnings', () => {
  const csp = (resource: string): VnuMessage => ({
    type: 'info',
    subType: 'warning',
    message: `Resource violates Content Security Policy (meta tag): external stylesheet “${resource}” blocked by “style-src” directive.`,
  });

  it("let our own stylesheets through the file: URL's opaque origin, but not another origin's", () => {
    const verdict = judge([csp('/_astro/BaseLayout.css'), csp('https://cdn.example.com/x.css'), csp('//cdn.example.com/x.css')]);
    expect(verdict.allowed).toHaveLength(1);
    expect(verdict.failures.map((m) => m.message)).toEqual([
      expect.stringContaining('https://cdn.example.com/x.css'),
      expect.stringContaining('//cdn.example.com/x.css'),
    ]);
  });

  it('fail any other warning, and every allowance says why', () => {
    const warning: VnuMessage = {
      type: 'info',
      subType: 'warning',
      message: 'The “type” attribute is unnecessary for JavaScript resources.',
    };
    expect(judge([warning]).failures).toEqual([warning]);
    for (const allowance of WARNINGS_ALLOWED) expect(allowance.reason.length).toBeGreaterThan(20);
  });
});
