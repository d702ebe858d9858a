/**
 * The ids of the Kazakhstan chapter are pinned: citations in filings and articles point at them,
 * so no change of layout may move or rename one. Reads the built page (npm test builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { paragraphId, sectionId } from '../../src/lib/anchors.ts';

const PAGE = 'dist/2026/kazakhstan/index.html';

/** Paragraphs per section in the seed, after joining page breaks and merging repeated headings. */
const PINNED: Record<string, number> = {
  'bias-motivated-speech': 4,
  'data-collection': 1,
  education: 1,
  'equality-and-non-discrimination': 3,
  'freedom-of-association': 2,
  'freedom-of-expression': 2,
  'human-rights-defenders': 2,
  'institutional-support': 3,
  'legal-gender-recognition': 1,
  'participation-in-public-cultural-and-political-life': 1,
};

describe('citable ids of the Kazakhstan chapter', () => {
  it('are exactly the pinned section and paragraph ids, in reading order', () => {
    if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run \`npm run build\` first.`);
    const tree = fromHtml(readFileSync(PAGE, 'utf8'));
    const ids = selectAll('[data-section-body] [id], section[data-theme] h2[id]', tree).map((el) => String(el.properties['id']));
    const expected = Object.entries(PINNED).flatMap(([theme, paragraphs]) => [
      sectionId(theme),
      ...Array.from({ length: paragraphs }, (_, i) => paragraphId(theme, i + 1)),
    ]);
    expect(ids).toEqual(expected);
    expect(ids).toContain('freedom-of-association-2');
    expect(ids).toContain('human-rights-defenders');
  });

  it('keep their format: the theme slug, then the paragraph’s place in its section', () => {
    expect(sectionId('freedom-of-association')).toBe('freedom-of-association');
    expect(paragraphId('freedom-of-association', 2)).toBe('freedom-of-association-2');
  });

  it('each have a permalink to the chapter page', () => {
    const html = readFileSync(PAGE, 'utf8');
    for (const [theme, paragraphs] of Object.entries(PINNED)) {
      expect(html).toContain(`href="/2026/kazakhstan/#${theme}"`);
      for (let n = 1; n <= paragraphs; n++) expect(html).toContain(`href="/2026/kazakhstan/#${theme}-${n}"`);
    }
  });
});
