import { describe, expect, it } from 'vitest';
import { type BundleSection, parseSelection, selectionParam } from '../../src/bundle/selection.ts';
import { BUNDLE_MAX_ITEMS } from '../../src/lib/constants.ts';

const section = (key: string): BundleSection => {
  const [edition, country, theme] = key.split('/') as [string, string, string];
  return { key, edition, country, countryName: country, theme, themeLabel: theme, page: `/${key}/` };
};
const known = new Map(['2026/kazakhstan/education', '2026/kazakhstan/asylum', '2026/armenia/education'].map((k) => [k, section(k)]));

describe('a bundle’s selection', () => {
  it('keeps the reader’s order and shows a section once', () => {
    const { sections, problems } = parseSelection('2026/armenia/education,2026/kazakhstan/education,2026/armenia/education', known);
    expect(sections.map((s) => s.key)).toEqual(['2026/armenia/education', '2026/kazakhstan/education']);
    expect(problems).toEqual([]);
    expect(selectionParam(sections)).toBe('2026/armenia/education,2026/kazakhstan/education');
  });

  it('names an unknown or malformed item and shows the rest', () => {
    const { sections, problems } = parseSelection('2026/atlantis/education, <script>,2026/kazakhstan/asylum', known);
    expect(sections.map((s) => s.key)).toEqual(['2026/kazakhstan/asylum']);
    expect(problems).toEqual([
      '2026/atlantis/education is not in this report.',
      '“<script>” is not a section address: write <edition>/<country>/<theme>, like 2026/kazakhstan/education.',
    ]);
  });

  it(`refuses more than ${BUNDLE_MAX_ITEMS} items with a message`, () => {
    const many = Array.from({ length: BUNDLE_MAX_ITEMS + 1 }, (_, i) => `2026/country-${i}/education`).join(',');
    const { sections, problems } = parseSelection(many, known);
    expect(sections).toEqual([]);
    expect(problems[0]).toContain(`at most ${BUNDLE_MAX_ITEMS}`);
  });
});
