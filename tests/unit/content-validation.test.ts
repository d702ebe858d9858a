import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, type Problem } from '../../src/lib/problems.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';

const real = contentPaths('content');

/** Validates a fixture: its own sections, and its own data files where it has them. */
async function problemsOf(fixture: string): Promise<Problem[]> {
  const own = contentPaths(path.join('tests/fixtures/invalid', fixture));
  const pick = (key: keyof typeof own) => (existsSync(own[key] ?? '') ? own[key]! : real[key]!);
  const report = await validateContent({
    root: own.root,
    editions: pick('editions'),
    countries: pick('countries'),
    themes: pick('themes'),
    sections: own.sections,
    transliterations: pick('transliterations'),
  });
  return report.problems;
}

describe('the real content', () => {
  it('is valid: ten Kazakhstan sections, the full theme vocabulary', async () => {
    const report = await validateContent(real);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.sections.filter((s) => s.data.country === 'kazakhstan')).toHaveLength(10);
    expect(report.themes.map((t) => t.label)).toContain('Freedom from torture, cruel, inhuman or degrading treatment');
    expect(report.themes).toHaveLength(27);
  });

  it('records the source link that lost its target', async () => {
    const report = await validateContent(real);
    const association = report.sections.find((s) => s.data.theme === 'freedom-of-association');
    expect(association?.data.missingSources).toEqual([expect.objectContaining({ text: 'charges' })]);
  });
});

describe('invalid content is reported with file, line, field and what is allowed', () => {
  it('an unknown theme, with a near-miss suggestion', async () => {
    const [problem, ...rest] = await problemsOf('unknown-theme');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({
      file: 'tests/fixtures/invalid/unknown-theme/sections/a.mdx',
      line: 4,
      field: 'theme',
    });
    expect(problem?.message).toContain('unknown theme `freedom-of-assocation`');
    expect(problem?.message).toContain('Did you mean `freedom-of-association`?');
    expect(problem?.message).toContain('content/themes.yaml');
  });

  it('a correction without its note, or without its date', async () => {
    const problems = await problemsOf('correction-missing-note');
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [6, 'corrections.0.note'],
      [7, 'corrections.1.date'],
    ]);
    expect(problems[0]?.message).toBe('is missing; this field is required.');
  });

  it('a correction dated before the edition, in the future, or not as a date', async () => {
    const problems = (await problemsOf('correction-dates')).sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    expect(problems.map((p) => [p.line, p.field])).toEqual([
      [6, 'corrections.0.date'],
      [8, 'corrections.1.date'],
      [10, 'corrections.2.date'],
    ]);
    expect(problems[0]?.message).toContain('2025-12-31 is before edition 2026 was published (2026-01-01)');
    expect(problems[1]?.message).toContain('2999-01-01 is in the future');
    expect(problems[2]?.message).toContain('must be a date written YYYY-MM-DD');
  });

  it('an unknown country', async () => {
    const [problem] = await problemsOf('unknown-country');
    expect(problem).toMatchObject({ line: 3, field: 'country' });
    expect(problem?.message).toContain('unknown country `kazakstan`. Did you mean `kazakhstan`?');
  });

  it('an unknown edition, listing the editions that exist', async () => {
    const [problem] = await problemsOf('unknown-edition');
    expect(problem).toMatchObject({ line: 2, field: 'edition' });
    expect(problem?.message).toMatch(/unknown edition `2062`.*Allowed: 2026/);
  });

  it('two sections with the same theme in one chapter, naming both files', async () => {
    const problems = await problemsOf('duplicate-theme');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toContain('second.mdx');
    expect(problems[0]?.message).toContain('`education` already has a section in the kazakhstan chapter of 2026');
    expect(problems[0]?.message).toContain('first.mdx');
  });

  it('a section with no text', async () => {
    const [problem] = await problemsOf('empty-body');
    expect(problem?.message).toContain('has no text');
  });

  it('links whose target is `#` or empty, each with its own line', async () => {
    const problems = await problemsOf('empty-link');
    expect(problems.map((p) => p.line)).toEqual([7, 9]);
    expect(problems[0]?.message).toContain('the link "charges" has an empty target (`#`)');
    expect(problems[1]?.message).toContain('the link "link" has an empty target');
    expect(problems[0]?.message).toContain('missingSources');
  });

  it('a link to a section the chapter does not have', async () => {
    const [problem] = await problemsOf('broken-fragment');
    expect(problem?.line).toBe(7);
    expect(problem?.message).toContain('`#human-rights-defender` points at no section of this chapter');
  });

  it('a missing required field', async () => {
    const [problem] = await problemsOf('missing-field');
    expect(problem).toMatchObject({ field: 'theme', message: 'is missing; this field is required.' });
  });

  it('a misspelt field name', async () => {
    const problems = await problemsOf('unknown-field');
    const unknown = problems.find((p) => p.message.startsWith('unknown field'));
    expect(unknown?.message).toContain('unknown field `themes`. Did you mean `theme`?');
    expect(unknown?.message).toContain('Allowed fields: edition, country, theme, missingSources');
  });

  it('text that MDX cannot read, with its line', async () => {
    const [problem] = await problemsOf('bad-mdx');
    expect(problem?.line).toBe(7);
    expect(problem?.message).toContain('cannot be read as MDX');
  });

  it('a heading, footnote, tag or expression in the text, each with its line', async () => {
    const problems = await problemsOf('markup-in-body');
    const at = (line: number) =>
      problems
        .filter((p) => p.line === line)
        .map((p) => p.message)
        .join(' | ');
    expect(at(9)).toContain('has a heading in its text');
    expect(at(11)).toContain('has a footnote reference');
    expect(at(13)).toContain('has a footnote.');
    expect(at(15)).toContain('has markup');
    expect(at(15)).toContain('has a {…} expression');
  });

  it('malformed frontmatter YAML', async () => {
    const [problem] = await problemsOf('bad-yaml');
    expect(problem?.message).toContain('is not valid YAML');
    expect(problem?.line).toBeGreaterThanOrEqual(4);
  });

  it('a bad group of variant spellings, located by line', async () => {
    const problems = await problemsOf('bad-transliterations');
    const file = 'tests/fixtures/invalid/bad-transliterations/transliterations.yaml';
    expect(problems).toContainEqual(expect.objectContaining({ file, line: 2, message: expect.stringContaining('at least two ways') }));
    expect(problems).toContainEqual(
      expect.objectContaining({ file, message: expect.stringContaining('"Mazhilis" is already a spelling in group 1') }),
    );
  });

  it('a bad field in a data file, located by key and line', async () => {
    const problems = await problemsOf('bad-country-data');
    const iso = problems.find((p) => p.field === 'kazakhstan.iso');
    expect(iso).toMatchObject({ file: 'tests/fixtures/invalid/bad-country-data/countries.yaml', line: 3 });
    expect(iso?.message).toContain('two capital letters of ISO 3166-1 alpha-2');
  });

  it('a country slug that names a page of every edition (about, corrections, themes)', async () => {
    const problems = await problemsOf('reserved-country');
    expect(problems).toEqual([expect.objectContaining({ file: 'tests/fixtures/invalid/reserved-country/countries.yaml', field: 'about' })]);
    expect(problems[0]?.message).toContain('/<edition>/about/ is a page of every edition');
  });
});
