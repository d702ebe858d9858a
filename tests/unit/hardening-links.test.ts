import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

const fixture = 'tests/fixtures/invalid/dangerous-links';
const file = `${fixture}/sections/a.mdx`;

async function problems(): Promise<string[]> {
  const real = contentPaths('content');
  const report = await validateContent({ ...real, root: fixture, sections: path.join(fixture, 'sections') });
  return report.problems.map(formatProblem);
}

describe('links a section may not publish (npm run check, the build and the importer)', () => {
  it('refuses script, data and file links, scheme tricks, hidden hosts and images, each with its line', async () => {
    const found = await problems();
    const expected: [number, string][] = [
      [7, 'the link "script" to `javascript:alert(document.domain)` uses the javascript: scheme'],
      [7, 'the link "VB script" to `VBScript:msgbox` uses the vbscript: scheme'],
      [9, 'the link "data link" to `data:text/html;base64,'],
      [9, 'the link "local file" to `file:///etc/passwd` uses the file: scheme'],
      [11, 'the link "protocol-relative" to `//evil.example/x` has no scheme'],
      [11, 'the link "slashless" to `http:evil.example` does not start with http:// and a host'],
      [11, 'the link "backslashed" to `https:\\evil.example/x` holds a backslash'],
      [13, 'the link "hidden host" to `https://trusted.example@evil.example/` carries a user name'],
      [15, 'has an image "p" (`https://tracker.example/p.gif`). Sections hold text only'],
      [19, 'the link definition [bad] to `javascript:alert(2)` uses the javascript: scheme'],
    ];
    for (const [line, words] of expected) {
      expect(found).toContainEqual(expect.stringContaining(`${file}:${line}  ${words}`));
    }
    // The allowed targets on line 17 pass.
    expect(found.filter((p) => p.startsWith(`${file}:17`))).toEqual([]);
    expect(found).toHaveLength(expected.length);
  });
});
