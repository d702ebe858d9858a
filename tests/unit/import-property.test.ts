/**
 * Random chapters, full of what breaks MDX (braces, angle brackets, backticks, HTML comments,
 * JSX-like tags, import/export, autolinks, very long lines, CRLF, BOM, Cyrillic and Kazakh
 * letters, empty input), go through the real import into a temporary content folder. Either the
 * import writes a chapter that the project's validator accepts and that reads exactly the input
 * words, or it refuses with an ImportError and leaves every file as it was. Nothing else.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError } from '../../src/import/errors.ts';
import { runImport } from '../../src/import/run.ts';
import { parseChapter } from '../../src/import/source-text.ts';
import { matchTheme, slugify } from '../../src/lib/themes.ts';
import type { Theme } from '../../src/schemas/theme.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';
import { eol, headingOf, word } from '../fixtures/import/arbitraries.ts';
import { renderSection } from '../fixtures/import/render.ts';
import { wrap } from '../fixtures/import/wrap.ts';

/** More runs for a deeper search: IMPORT_FUZZ_RUNS=2000 npx vitest run tests/unit/import-property.test.ts */
const RUNS = Number(process.env['IMPORT_FUZZ_RUNS'] ?? 60);
/** A failure's seed and path, as fast-check printed them, replay it: IMPORT_FUZZ_SEED=586736084 IMPORT_FUZZ_PATH=17:0:1 … */
const REPLAY = process.env['IMPORT_FUZZ_SEED']
  ? {
      seed: Number(process.env['IMPORT_FUZZ_SEED']),
      endOnFailure: true,
      ...(process.env['IMPORT_FUZZ_PATH'] ? { path: process.env['IMPORT_FUZZ_PATH'] } : {}),
    }
  : {};

let work: string;
let content: string;
let themes: Theme[];
let countryNames: Set<string>;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'import-property-'));
  content = path.join(work, 'content');
  mkdirSync(path.join(content, 'sections'), { recursive: true });
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) copyFileSync(path.join('content', file), path.join(content, file));
  const report = await validateContent(contentPaths(content));
  themes = report.themes;
  countryNames = new Set(report.countries.flatMap((c) => [c.slug, slugify(c.name)]));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every file under the content folder with its bytes, to prove a refused import changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, name);
    try {
      files.set(name, readFileSync(file, 'latin1'));
    } catch {
      files.set(name, '<dir>'); // a folder
    }
  }
  return files;
}

/** The chapter's sections as written, rendered: theme slug → paragraphs, links, foreign nodes. */
function writtenChapter() {
  const dir = path.join(content, 'sections', '2026', 'kazakhstan');
  return new Map(
    readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => [name.replace(/\.mdx$/, ''), { mdx: readFileSync(path.join(dir, name), 'utf8') }] as const)
      .map(([theme, { mdx }]) => [theme, { mdx, ...renderSection(mdx) }]),
  );
}

/** CommonMark's backslash escapes, undone: what the export's `\$` means. */
/**
 * The chapter just written holds exactly the expected sections, each with exactly the expected
 * paragraphs (spacing aside) and nothing MDX would have made of the text; returns it.
 */
function expectChapter(expected: Map<string, string[]>): ReturnType<typeof writtenChapter> {
  const written = writtenChapter();
  expect([...written.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [theme, paragraphs] of expected) {
    const section = written.get(theme)!;
    expect(section.foreign, section.mdx).toEqual([]);
    expect(section.paragraphs.map(spaces), section.mdx).toEqual(paragraphs);
  }
  return written;
}

const unescapeMarkdown = (text: string) => text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** What the importer changes on purpose: ligatures (U+FB00 to U+FB06) to their letters, nothing else. */
const ligatures = (text: string) => text.replace(/[\uFB00-\uFB06]/g, (c) => c.normalize('NFKC'));

const spaces = (text: string) => text.replace(/[ \t]+/g, ' ').trim();

describe('any text with headings of the vocabulary', () => {
  it(
    'is published word for word, links kept or listed, whatever MDX would make of it',
    async () => {
      type Token = { kind: 'text'; text: string } | { kind: 'link'; words: string; url: string };
      const token: fc.Arbitrary<Token> = fc.oneof(
        { weight: 8, arbitrary: word.map((text) => ({ kind: 'text' as const, text })) },
        {
          weight: 1,
          arbitrary: fc.record({
            kind: fc.constant('link' as const),
            words: fc.constantFrom('the report', 'charges', 'Қазақстан', 'a {b} <c>'),
            url: fc.constantFrom('https://example.org/report', 'https://example.org/a_(b)', '#', ''),
          }),
        },
      );
      const paragraph = fc.record({
        tokens: fc.array(token, { minLength: 1, maxLength: 12 }),
        /** Where a page break cuts the paragraph in two (as a fraction of its tokens), if it does. */
        cut: fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        long: fc.boolean(),
        /** A word the PDF hyphenated at a line's end, whose whole form occurs just before it. */
        hyphen: fc.constantFrom(null, 'join', 'keep'),
      });
      const chapter = fc.record({
        bom: fc.boolean(),
        eol,
        title: fc.boolean(),
        /** Lines broken at about this width, as pdftotext breaks them (0: one line per paragraph). */
        width: fc.constantFrom(0, 0, 50, 80),
        /** A page break with running header, footer and page number after every n blocks (0: none). */
        pageEvery: fc.constantFrom(0, 0, 2, 3),
        sections: fc.array(
          fc.integer({ min: 0, max: 1000 }).chain((n) => {
            const theme = themes[n % themes.length]!;
            return fc.record({
              theme: fc.constant(theme),
              heading: headingOf(theme),
              paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 3 }),
            });
          }),
          { minLength: 1, maxLength: 4 },
        ),
      });

      await fc.assert(
        fc.asyncProperty(chapter, async (c) => {
          const blocks: string[] = c.title ? ['Kazakhstan'] : [];
          const expected = new Map<string, string[]>();
          const links: string[] = [];
          let dropped = 0;
          for (const section of c.sections) {
            blocks.push(section.heading);
            const paragraphs = expected.get(section.theme.slug) ?? [];
            expected.set(section.theme.slug, paragraphs);
            for (const p of section.paragraphs) {
              const tokens = p.long ? Array.from({ length: 15 }, () => p.tokens).flat() : p.tokens;
              const source = tokens.map((t) => (t.kind === 'text' ? t.text : `[${t.words}](${t.url})`));
              const words = tokens.map((t) => (t.kind === 'text' ? unescapeMarkdown(t.text) : t.words));
              for (const t of tokens) {
                if (t.kind === 'link' && t.url.startsWith('http')) links.push(t.url);
                if (t.kind === 'link' && !t.url.startsWith('http')) dropped++;
              }
              // "end." closes every paragraph, so none continues into the next by accident.
              const hyphen = {
                join: [' described descr-\nibed', ' described described'],
                keep: [' so-called so-\ncalled', ' so-called so-called'],
              };
              const [split, whole] = p.hyphen ? hyphen[p.hyphen] : ['', ''];
              const text = `${source.join(' ')}${split} end.`;
              paragraphs.push(spaces(ligatures(`${words.join(' ')}${whole} end.`)));
              // A page break inside a sentence: the first part ends mid-sentence and reads as prose.
              const at = p.cut === null ? 0 : Math.floor(p.cut * source.length);
              const first = source.slice(0, at).join(' ');
              if (at > 0 && /[a-z]/.test(first) && !/[.!?…]["'”’»)\]]*$/.test(first) && !/[\\&]$/.test(first)) {
                blocks.push(first, `${source.slice(at).join(' ')}${split} end.`);
              } else blocks.push(text);
            }
          }
          const laid = blocks.map((block) => (c.width ? wrap(block, c.width, '\n') : block).replace(/\n/g, c.eol));
          // Page furniture between blocks: a footer and page number, a form feed, a running header.
          // Every page has both, the first and the last too.
          const header = 'Kazakhstan · Annual Review 2026';
          const footer = (n: number) => `ILGA-Europe Annual Review 2026${c.eol}Page ${n + 80}`;
          const paged = c.pageEvery
            ? [
                header,
                ...laid.flatMap((block, i) => ((i + 1) % c.pageEvery === 0 ? [block, footer(i), `\f${header}`] : [block])),
                footer(laid.length),
              ]
            : laid;
          const text = (c.bom ? '\uFEFF' : '') + paged.join(c.eol + c.eol) + c.eol;
          const file = path.join(work, 'chapter.txt');
          writeFileSync(file, text);

          const outcome = await runImport({ file, country: 'kazakhstan', edition: '2026', contentDir: content, force: true });
          expect(outcome.written || outcome.changes.every((change) => change.kind === 'same')).toBe(true);
          expect((await validateContent(contentPaths(content))).problems).toEqual([]);
          const written = expectChapter(expected);
          const renderedLinks = [...written.values()].flatMap((s) => s.links.map((l) => l.url));
          for (const url of links) expect(renderedLinks).toContain(url);
          expect([...written.values()].reduce((n, s) => n + (s.mdx.match(/^ {2}- text: /gm)?.length ?? 0), 0)).toBe(dropped);
        }),
        { numRuns: RUNS, ...REPLAY },
      );
    },
    180_000 + RUNS * 500,
  );
});

describe('any text at all', () => {
  it(
    'is imported faithfully or refused with an ImportError, never half-written',
    async () => {
      const line = fc.oneof(
        { weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' ')) },
        { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ').repeat(100)) },
        { weight: 2, arbitrary: fc.integer({ min: 0, max: 1000 }).chain((n) => headingOf(themes[n % themes.length]!)) },
        { weight: 1, arbitrary: fc.constantFrom('LGBTI RIGHTS', '14', 'Kazakhstan', '\t', '\u00A0', '\f', '\u0000') },
        { weight: 6, arbitrary: fc.constant('') },
      );
      const input = fc.record({
        bom: fc.boolean(),
        eol,
        lines: fc.oneof(
          { weight: 1, arbitrary: fc.array(line, { maxLength: 30 }) },
          // Most chapters start with a heading (after the country's name), so most runs get past it.
          {
            weight: 3,
            arbitrary: fc
              .tuple(
                fc.constantFrom([], ['Kazakhstan', '']),
                fc.integer({ min: 0, max: 1000 }),
                fc.array(line, { minLength: 1, maxLength: 30 }),
              )
              .map(([title, n, rest]) => [...title, themes[n % themes.length]!.label.toUpperCase(), ...rest]),
          },
        ),
      });

      const outcomes = { written: 0, refused: new Map<string, number>() };
      await fc.assert(
        fc.asyncProperty(input, async ({ bom, eol: end, lines }) => {
          const text = (bom ? '\uFEFF' : '') + lines.join(end);
          const file = path.join(work, 'any.txt');
          writeFileSync(file, text);
          const before = snapshot(content);
          let outcome: Awaited<ReturnType<typeof runImport>> | undefined;
          try {
            outcome = await runImport({ file, country: 'kazakhstan', edition: '2026', contentDir: content, force: true });
          } catch (error) {
            // A refusal is a sentence for an editor, and nothing changed.
            expect(error).toBeInstanceOf(ImportError);
            const reason = (error as Error).message.replace(/"[^"]*"/g, '…').slice(0, 40);
            outcomes.refused.set(reason, (outcomes.refused.get(reason) ?? 0) + 1);
            expect((error as ImportError).message).toMatch(/^[^\n]{10,}/);
            expect((error as ImportError).message).not.toMatch(/\n\s+at /);
            expect(snapshot(content).size, 'files added or removed by a refused import').toBe(before.size);
            for (const [name, bytes] of snapshot(content))
              expect(bytes === before.get(name), `${name} changed by a refused import`).toBe(true);
            return;
          }
          expect(outcome.written || outcome.changes.every((change) => change.kind === 'same')).toBe(true);
          outcomes.written++;
          expect((await validateContent(contentPaths(content))).problems).toEqual([]);

          // The words of each paragraph the parser found, undoing only the export's escapes.
          const expected = new Map<string, string[]>();
          // A line naming a country is the title, or a running header when it repeats: as the importer reads it.
          const isCountry = (line: string) => countryNames.has(slugify(line));
          for (const heading of parseChapter(text, { isTheme: (h) => matchTheme(h, themes) !== undefined, isCountry }).headings) {
            const slug = matchTheme(heading.text, themes)!.slug;
            expected.set(slug, [...(expected.get(slug) ?? []), ...heading.paragraphs.map((p) => spaces(unescapeMarkdown(p.text)))]);
          }
          for (const [slug, paragraphs] of expected) if (paragraphs.length === 0) expected.delete(slug);
          expectChapter(expected);
        }),
        { numRuns: RUNS, ...REPLAY },
      );
      // Most runs must get through, or the property would hold by refusing everything.
      expect(outcomes.written, JSON.stringify([...outcomes.refused])).toBeGreaterThanOrEqual(RUNS / 6);
    },
    180_000 + RUNS * 500,
  );
});
