/**
 * The proof that counts: the tricky fixture chapter (braces, JSX-like tags, an HTML comment,
 * backticks, import/export, autolinks, Cyrillic and Kazakh letters, page breaks, BOM and CRLF)
 * is imported, built by the real `astro build`, and the built chapter page reads exactly its words.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/run.ts';
import { TRICKY_LINKS, TRICKY_PARAGRAPHS, trickyChapter } from '../fixtures/import/tricky.ts';

let work: string;
let page: ReturnType<typeof fromHtml>;
let build: { status: number | null; output: string };

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'import-build-'));
  const content = path.join(work, 'content');
  mkdirSync(path.join(content, 'sections'), { recursive: true });
  for (const file of ['editions.yaml', 'countries.yaml', 'themes.yaml']) copyFileSync(path.join('content', file), path.join(content, file));
  const source = path.join(work, 'tricky.txt');
  writeFileSync(source, trickyChapter());
  await runImport({ file: source, country: 'Kazakhstan', edition: '2026', contentDir: content });

  const bin = path.resolve('node_modules/.bin');
  const result = spawnSync(path.join(bin, 'astro'), ['build'], {
    encoding: 'utf8',
    env: {
      ...process.env,
      // node_modules/.bin first, so the build runs on the project's Node, not the system's.
      PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: content,
      OUT_DIR: path.join(work, 'out'),
      CACHE_DIR: path.join(work, 'cache'),
    },
  });
  build = { status: result.status, output: `${result.stdout}${result.stderr}` };
  if (build.status === 0) page = fromHtml(readFileSync(path.join(work, 'out/2026/kazakhstan/index.html'), 'utf8'));
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('an imported tricky chapter, built by astro', () => {
  it('builds', () => {
    expect(build.status, build.output.slice(-3000)).toBe(0);
  });

  it('reads exactly the words of the source, paragraph by paragraph, section by section', () => {
    const sections = Object.fromEntries(
      selectAll('section[data-theme]', page).map((section) => {
        const body = select('[data-section-body]', section);
        return [String(section.properties['dataTheme']), body ? selectAll('p', body).map((p: Element) => clean(toText(p))) : []];
      }),
    );
    expect(sections).toEqual(TRICKY_PARAGRAPHS);
  });

  it('turns none of the text into markup or script', () => {
    expect(select('foo', page)).toBeUndefined();
    const bodies = selectAll('[data-section-body]', page);
    for (const body of bodies) {
      expect(selectAll('script, code, pre, h1, h2, h3, ul, ol, blockquote, hr, table, em, strong, del', body)).toEqual([]);
    }
  });

  it('keeps the source link and links the cross-reference to its section', () => {
    const links = selectAll('[data-section-body] a:not(.permalink)', page).map((a) => ({
      text: toText(a),
      href: String(a.properties['href']),
    }));
    expect(links).toContainEqual({ text: TRICKY_LINKS.source.text, href: TRICKY_LINKS.source.url });
    expect(links).toContainEqual({
      text: TRICKY_LINKS.crossReference.text,
      href: `/2026/kazakhstan/${TRICKY_LINKS.crossReference.fragment}`,
    });
    expect(links.map((l) => l.text)).not.toContain('here');
  });
});
