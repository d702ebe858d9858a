import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { linkTargetProblem, lintContent } from '../../src/validation/lint.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

const fixture = 'tests/fixtures/quality/content';
const section = `${fixture}/sections/2026/kazakhstan/education.mdx`;

async function lint(paths: ReturnType<typeof contentPaths>) {
  const report = await validateContent(paths);
  return { report, problems: (await lintContent(report, paths)).map(formatProblem) };
}

describe('content lint', () => {
  it('adds what npm run check lets through, each with file and line', async () => {
    // Link targets are refused by npm run check itself now (src/validation/links.ts); the rest
    // below is one only the lint sees.
    const { report, problems } = await lint({ ...contentPaths(fixture), editions: 'content/editions.yaml' });
    expect(report.problems.map(formatProblem)).toEqual([
      expect.stringContaining(`${section}:10  the link "its review" to \`www.gov.kz/review\` has no scheme`),
      expect.stringContaining(`${section}:12  the link "survey" to \`strategy-survey.pdf\` is a path on this site`),
      expect.stringContaining(`${section}:14  the link "second link" to \`javascript:alert(1)\` uses the javascript: scheme`),
    ]);
    expect(problems).toEqual([
      `${fixture}/countries.yaml:7  kyrgyzstan.iso: KZ is already the code of \`kazakhstan\`; each country needs its own ISO 3166-1 code.`,
      expect.stringMatching(
        new RegExp(`^${fixture}/themes.yaml:10  schools: a heading "schools-and-education" would match both \`health\` and \`schools\``),
      ),
      expect.stringContaining(`${section}:12  the link to \`https://example.org/report\` has no words`),
      expect.stringContaining(`${section}  missingSources.0.text: "a petition" does not occur in the section`),
    ]);
  });

  it('passes the real content', async () => {
    expect((await lint(contentPaths('content'))).problems).toEqual([]);
  });

  it('accepts the targets a section may use', () => {
    for (const url of ['https://example.org/a?b=c#d', 'http://example.org', 'mailto:editor@example.org', '#education']) {
      expect(linkTargetProblem(url)).toBeUndefined();
    }
    expect(linkTargetProblem('https://exa mple.org')).toContain('holds a backslash, a space');
  });
});
