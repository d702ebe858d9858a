/**
 * The published chapter says what the source says, word for word: every sentence of the seed is
 * in the built page, in its section and in order, and the page holds no sentence the seed lacks.
 * Reads the site as built by `npm run build` (npm test builds before running this).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { beforeAll, describe, expect, it } from 'vitest';
import { sentences } from '../../src/import/source-text.ts';
import { SEED, seedParagraphs } from '../support/seed.ts';

const PAGE = 'dist/2026/kazakhstan/index.html';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

let seed: Map<string, string[]>;
let page: Map<string, string[]>;

beforeAll(async () => {
  if (!existsSync(PAGE)) throw new Error(`${PAGE} is missing: run \`npm run build\` before this test.`);
  seed = await seedParagraphs();
  const tree = fromHtml(readFileSync(PAGE, 'utf8'));
  page = new Map();
  for (const section of selectAll('section[data-theme]', tree)) {
    const body = select('[data-section-body]', section);
    const paragraphs = body ? selectAll('p', body).map((p: Element) => clean(toText(p))) : [];
    page.set(String(section.properties['dataTheme']), paragraphs);
  }
});

describe('the Kazakhstan chapter is faithful to its source', () => {
  it('has a section for each of the ten themes of the seed, and no other', () => {
    expect(seed.size).toBe(10);
    expect([...page.keys()].sort()).toEqual([...seed.keys()].sort());
  });

  it('has every sentence of the seed, in its section and in order', () => {
    for (const [theme, paragraphs] of seed) {
      const text = (page.get(theme) ?? []).join(' ');
      let from = 0;
      for (const sentence of paragraphs.flatMap(sentences)) {
        const at = text.indexOf(sentence, from);
        expect(at, `"${sentence}" missing or out of order in ${theme}`).toBeGreaterThanOrEqual(0);
        from = at + sentence.length;
      }
    }
  });

  it('holds no sentence that the seed lacks', () => {
    for (const [theme, paragraphs] of page) {
      const known = new Set((seed.get(theme) ?? []).flatMap(sentences));
      for (const sentence of paragraphs.flatMap(sentences)) {
        expect(known.has(sentence), `"${sentence}" in ${theme} is not in the seed`).toBe(true);
      }
    }
  });

  it('has every word of the raw source, read here without the importer’s code', () => {
    // An independent reading, so that a word the shared parser dropped would be missed by
    // both sides of the tests above but not by this one: lines in capitals are headings, and
    // everything else is words, whatever the paragraphs.
    const words = new Map<string, string[]>();
    let theme: string | undefined;
    for (const line of readFileSync(SEED, 'utf8').split(/\r?\n/)) {
      if (/^[A-Z][A-Z ,&-]+[A-Z]$/.test(line.trim())) {
        theme = line
          .trim()
          .toLowerCase()
          .replace(/&/g, 'and')
          .replace(/[^a-z0-9]+/g, '-');
        continue;
      }
      if (!theme) continue; // the chapter's title line
      const text = line.replace(/\\\$/g, '$').replace(/\[([^\]]*)\]\(#?\)/g, '$1');
      words.set(theme, [...(words.get(theme) ?? []), ...text.split(/\s+/).filter(Boolean)]);
    }
    expect([...words.keys()].sort()).toEqual([...page.keys()].sort());
    for (const [slug, expected] of words) {
      expect((page.get(slug) ?? []).join(' ').split(/\s+/).filter(Boolean), slug).toEqual(expected);
    }
  });

  it('joins paragraphs that a page break split, and keeps real paragraphs apart', () => {
    for (const [theme, paragraphs] of seed) expect(page.get(theme), theme).toEqual(paragraphs.map(clean));
    const all = [...page.values()].flat();
    expect(all.some((p) => p.includes('their support for the proposal and signalled'))).toBe(true);
    expect(all.some((p) => p.includes('presence of LGBTI people can have a positive impact'))).toBe(true);
    expect(all.some((p) => p.includes('Organisation for LGBT Protection. Further details'))).toBe(true);
    expect(all.some((p) => p.includes('influence of LGBT on minors.'))).toBe(true);
  });

  it('merges the two Freedom of association blocks in source order', () => {
    const association = page.get('freedom-of-association') ?? [];
    expect(association).toHaveLength(2);
    expect(association[0]).toMatch(/^In February, Magerram Magerramov/);
    expect(association[1]).toMatch(/^Between February and March, members of the NGO Feminita/);
  });

  it('unescapes the PDF export and keeps the characters of the source', () => {
    const association = (page.get('freedom-of-association') ?? []).join(' ');
    expect(association).toContain('about $2 million from the agency');
    expect(association).not.toContain('\\$');
    expect(association).toContain('(approximately €800)');
    expect(association).toContain("'Strengthening Civic Participation in Kazakhstan'");
  });
});

describe('links in the chapter', () => {
  const html = () => readFileSync(PAGE, 'utf8');

  it('turns the cross-references into links to those sections', () => {
    const tree = fromHtml(html());
    const links = selectAll('[data-section-body] a', tree).map((a) => ({
      text: toText(a),
      href: String(a.properties['href']),
    }));
    expect(links).toContainEqual({ text: 'Human Rights Defenders', href: '/2026/kazakhstan/#human-rights-defenders' });
    expect(links).toContainEqual({ text: 'Freedom of Association', href: '/2026/kazakhstan/#freedom-of-association' });
  });

  it('publishes the link that lost its target as plain text', () => {
    const tree = fromHtml(html());
    const hrefs = selectAll('a', tree).map((a) => String(a.properties['href']));
    expect(hrefs).not.toContain('#');
    expect(hrefs).not.toContain('');
    const association = toText(select('section[data-theme="freedom-of-association"]', tree)!);
    expect(association).toContain('faced administrative charges linked to');
  });
});
