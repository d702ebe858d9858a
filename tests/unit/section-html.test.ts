/**
 * The sections loader renders each section's MDX itself (src/integrations/section-html.ts) instead
 * of leaving it to @astrojs/mdx as a module per section. The published HTML must not change by a
 * byte: here both render the same bodies, the site's real sections and the fixtures' as well as
 * text chosen to reach every corner of the pipeline, with astro.config.mjs's own markdown plugins.
 * @astrojs/mdx's side is its compiler (the processor's createMdxRenderer, as its Vite plugin calls
 * it), the module it writes imported and rendered by Astro's JSX renderer.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isUnifiedProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import { renderJSX } from 'astro/runtime/server/jsx.js';
import { afterAll, describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import { sectionRenderer } from '../../src/integrations/section-html.ts';
import { pipelineFiles } from '../../src/integrations/section-loader.ts';

const processor = config.markdown?.processor;
if (!processor || !isUnifiedProcessor(processor)) throw new Error('astro.config.mjs has no unified() markdown processor.');

// Inside the project, so that the module's `astro/jsx-runtime` import resolves.
const scratch = path.resolve('node_modules/.cache/section-html-test');
mkdirSync(scratch, { recursive: true });
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const mdx = await processor.createMdxRenderer!(
  {
    syntaxHighlight: false,
    ...(processor.options.gfm === undefined ? {} : { gfm: processor.options.gfm }),
    ...(processor.options.smartypants === undefined ? {} : { smartypants: processor.options.smartypants }),
  },
  { optimize: false, srcDir: new URL('../../src/', import.meta.url), sourcemap: false },
);
let modules = 0;

/** What @astrojs/mdx publishes for a section file. */
async function astroMdxHtml(file: string, text: string): Promise<string> {
  const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  const { code } = await mdx.process(content, file, frontmatter);
  const module = path.join(scratch, `section-${modules++}.mjs`);
  writeFileSync(module, code);
  const { default: Content } = await import(pathToFileURL(module).href);
  return String(await renderJSX({} as never, Content({})));
}

const render = sectionRenderer(processor.options, config.markdown?.syntaxHighlight);

/** What the sections loader publishes for the same file. */
async function loaderHtml(file: string, text: string): Promise<{ html: string; paragraphs: unknown }> {
  const { frontmatter, content } = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
  const rendered = await render(content, frontmatter, file);
  return { html: rendered.html, paragraphs: rendered.frontmatter['paragraphs'] };
}

const section = (body: string) => `---\nedition: 2026\ncountry: kazakhstan\ntheme: education\n---\n\n${body}\n`;

/** Text chosen for the corners: escaping, every inline and block construct GFM and MDX allow, links of every kind. */
const TRICKY = [
  'Quotes "double" and \'single\', ampersands & entities &amp; &copy; &#x27; &#169;, angle brackets \\< and \\> and a\u00a0non-breaking space.',
  'Escapes: \\{ not an expression \\}, \\* not emphasis \\*, \\_ \\` \\# \\[ \\] \\\\ and a trailing backslash\\\nnext line.',
  '*Emphasis*, **strong**, ***both***, ~~struck~~, `code with <b> & "quotes"`, and a hard break  \nafter two spaces.',
  'Links: [a source](https://example.org/a?b=1&c=2 "A title"), [mail](mailto:a@example.org), [Health](#health), [health section](#health), [its words differ](#education), [bad](javascript:alert(1)), www.example.org/path and https://example.org/x?y=1&z=2.',
  '- a list item\n- another with [a link](https://example.org)\n  - nested\n\n1. first\n2. second\n\n3) third style',
  '7. starts at seven\n8. eight',
  '- [ ] a task\n- [x] done',
  '> A quotation with *emphasis*.\n>\n> And a second paragraph.',
  '| Left | Centre | Right |\n| :--- | :----: | ----: |\n| a & b | "c" | d |\n| e | | f |',
  '```text meta=here\nCode <kept> & "as is"\n```',
  '***\n\nAfter a break.',
  'Arabic quotation: «\u202bمرحبا\u202c» and Hebrew \u05e9\u05dc\u05d5\u05dd, invisible\u200bzero\u2060width, soft\u00adhyphen, emoji 🏳️‍🌈.',
  'Text that looks like markup: 1 \\< 2, a\\<b\\>c, and an address in words: example dot org.',
  'One paragraph\nwrapped over\nthree lines.\n\n\n\nAnd one after blank lines.',
  'Windows line ends:\r\na paragraph\r\nover three lines.\r\n\r\n- and a list\r\n- of two',
];

const FIXTURE_FILES = [
  'content/sections',
  'tests/fixtures/three-editions/sections',
  'tests/fixtures/two-editions/sections',
  'tests/fixtures/quality/content/sections',
].flatMap((dir) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => path.join(dir, name)),
);

describe('sections rendered by the loader', () => {
  it('are byte for byte what @astrojs/mdx renders, for the real sections and the fixtures', async () => {
    expect(FIXTURE_FILES.length).toBeGreaterThan(15);
    for (const file of FIXTURE_FILES) {
      const text = readFileSync(file, 'utf8');
      const ours = await loaderHtml(path.resolve(file), text);
      expect(ours.html, file).toBe(await astroMdxHtml(path.resolve(file), text));
      expect(ours.paragraphs, file).toBeGreaterThan(0);
    }
  });

  it('are byte for byte what @astrojs/mdx renders, for text that reaches every construct', async () => {
    for (const [i, body] of TRICKY.entries()) {
      const file = path.resolve(`content/sections/2026/kazakhstan/tricky-${i}.mdx`);
      const ours = await loaderHtml(file, section(body));
      expect(ours.html, body).toBe(await astroMdxHtml(file, section(body)));
    }
  });

  it('count the paragraphs the pages offer to cite, as the paragraph anchors number them', async () => {
    const ours = await loaderHtml(
      path.resolve('content/sections/2026/kazakhstan/education.mdx'),
      section('One.\n\nTwo.\n\n- not a paragraph\n\nThree.'),
    );
    expect(ours.paragraphs).toBe(3);
    expect(ours.html).toContain('id="education-3"');
  });

  it('are rendered again when any module of the pipeline changes: its digest covers their imports too', async () => {
    const files = (await pipelineFiles()).map((file) => path.relative(process.cwd(), file));
    for (const file of [
      'src/integrations/rehype-paragraph-anchors.ts',
      'src/integrations/section-file.ts',
      'src/lib/anchors.ts',
      'src/lib/urls.ts',
    ])
      expect(files).toContain(file);
  });
});
