import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIVE_ANNOUNCER_ID } from '../../src/lib/constants.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { RESERVED_ID_PREFIXES, RESERVED_IDS, reservedThemeSlug } from '../../src/validation/reserved-ids.ts';
import { validateContent } from '../../src/validation/validate.ts';

const fixture = 'tests/fixtures/invalid/reserved-theme';

describe('theme slugs (issue 17, item 5)', () => {
  it('may not take an id of the page frame or of another theme’s paragraph, each named with its line', async () => {
    const report = await validateContent({
      ...contentPaths('content'),
      root: fixture,
      themes: `${fixture}/themes.yaml`,
      sections: `${fixture}/sections`,
    });
    expect(report.problems.map(formatProblem)).toEqual([
      expect.stringContaining(
        `${fixture}/themes.yaml:3  main: \`main\` is an id the site's pages use for themselves (the skip link goes to it)`,
      ),
      expect.stringContaining(`${fixture}/themes.yaml:5  live-announcer: \`live-announcer\` is an id`),
      expect.stringContaining(`${fixture}/themes.yaml:7  toc-heading: \`toc-heading\` is an id`),
      expect.stringContaining(`${fixture}/themes.yaml:9  education-1: \`education-1\` ends in -1, the form of a paragraph's id`),
      expect.stringContaining(`${fixture}/themes.yaml:11  region-europe: \`region-europe\` starts with \`region-\``),
    ]);
  });

  it('the real vocabulary is allowed', () => {
    const themes = readFileSync('content/themes.yaml', 'utf8').match(/^[a-z0-9-]+(?=:)/gm) ?? [];
    expect(themes.length).toBe(27);
    for (const slug of themes) expect(reservedThemeSlug(slug)).toBeUndefined();
  });

  it('reserve every id the pages write, so a new one cannot be forgotten', () => {
    const sources = ['src/components', 'src/layouts', 'src/pages'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.astro'))
        .map((name) => readFileSync(path.join(dir, name), 'utf8')),
    );
    const literal = sources.flatMap((text) => [...text.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
    const templated = sources.flatMap((text) => [...text.matchAll(/\bid=\{`([a-z-]+)\$\{/g)].map((m) => m[1]!));
    expect(literal.length).toBeGreaterThan(5);
    const reserved = (id: string) => (RESERVED_IDS as readonly string[]).includes(id) || RESERVED_ID_PREFIXES.some((p) => id.startsWith(p));
    for (const id of [...literal, LIVE_ANNOUNCER_ID]) expect(reserved(id), `${id} is not in src/validation/reserved-ids.ts`).toBe(true);
    for (const prefix of templated) expect(RESERVED_ID_PREFIXES, prefix).toContain(prefix);
  });
});
