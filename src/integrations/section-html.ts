/**
 * A section's MDX body to HTML, once, when the content is loaded (src/integrations/section-loader.ts),
 * instead of as one JavaScript module per section that Vite bundles and every page imports.
 *
 * Why: at 15 editions (20,000 sections) the module per section cost the build gigabytes of bundler
 * memory and minutes, and every page that showed a section rendered its MDX again. Rendered here, a
 * section is HTML in the content store: the build bundles none of them, a page shows the stored
 * HTML, and a rebuild renders only the sections whose file changed.
 *
 * The HTML is what @astrojs/mdx made, byte for byte: the same MDX compiler (@mdx-js/mdx, with the
 * options and the built-in plugins of Astro's MDX processor, around the remark and rehype plugins
 * of astro.config.mjs), run on Astro's own JSX runtime and rendered by Astro's own JSX renderer.
 * Only the output differs: a function body run here rather than a module for Vite.
 * tests/unit/section-html.test.ts compares the two on tricky text.
 */
import { rehypeHeadingIds, remarkCollectImages, type UnifiedResolvedOptions } from '@astrojs/markdown-remark';
import { createProcessor, nodeTypes, run } from '@mdx-js/mdx';
import * as jsxRuntime from 'astro/jsx-runtime';
import { renderJSX } from 'astro/runtime/server/jsx.js';
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';
import type { Pluggable, PluggableList } from 'unified';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';

export interface RenderedSection {
  html: string;
  /** The frontmatter as the plugins left it: rehype-paragraph-anchors adds `paragraphs`, the count. */
  frontmatter: Record<string, unknown>;
}

/** Astro's MDX processor keeps a code block's meta string as a property (its rehypeMetaString). */
function rehypeMetaString() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const meta = (node.data as { meta?: string } | undefined)?.meta;
      if (node.tagName === 'code' && meta) node.properties['metastring'] = meta;
    });
  };
}

/** The plugins as given: a plugin named by a string is one @astrojs/mdx would leave out, so it is refused. */
function imported(plugins: readonly unknown[], kind: string): PluggableList {
  return plugins.map((plugin) => {
    const name = Array.isArray(plugin) ? plugin[0] : plugin;
    if (typeof name === 'string')
      throw new Error(`The ${kind} plugin "${name}" is named by a string in astro.config.mjs; sections take imported plugins only.`);
    return plugin as Pluggable;
  });
}

/**
 * A renderer for section bodies with Astro's MDX processor's plugin order
 * (@astrojs/markdown-remark, mdx/create-processor.js): gfm, the configured remark plugins, image
 * collection; the meta string, raw HTML passed through, the configured rehype plugins, heading ids.
 * Smart punctuation and syntax highlighting are refused rather than imitated: the site publishes
 * the source's characters as written and has no code to highlight.
 */
export function sectionRenderer(
  options: UnifiedResolvedOptions,
  syntaxHighlight: unknown,
): (body: string, frontmatter: Record<string, unknown>, path: string) => Promise<RenderedSection> {
  if (options.smartypants !== false)
    throw new Error('Sections are rendered without smart punctuation: set smartypants: false in astro.config.mjs.');
  if (syntaxHighlight)
    throw new Error('Sections are rendered without syntax highlighting: set markdown.syntaxHighlight: false in astro.config.mjs.');
  const processor = createProcessor({
    outputFormat: 'function-body',
    format: 'mdx',
    jsxImportSource: 'astro',
    elementAttributeNameCase: 'html',
    remarkPlugins: [...(options.gfm === false ? [] : [remarkGfm]), ...imported(options.remarkPlugins, 'remark'), remarkCollectImages],
    rehypePlugins: [
      rehypeMetaString,
      [rehypeRaw, { passThrough: nodeTypes }],
      ...imported(options.rehypePlugins, 'rehype'),
      rehypeHeadingIds,
    ],
    remarkRehypeOptions: options.remarkRehype,
  });
  return async (body, frontmatter, path) => {
    // The plugins read which section this is from the frontmatter, as they do under @astrojs/mdx.
    const file = new VFile({ value: body, path, data: { astro: { frontmatter: { ...frontmatter } } } });
    const code = String(await processor.process(file));
    const { default: Content } = await run(code, { ...jsxRuntime, baseUrl: import.meta.url });
    // Plain elements only (a section holds no components), so the renderer needs no page to render in.
    const html = String(await renderJSX({} as never, Content({})));
    const data = file.data as { astro: { frontmatter: Record<string, unknown> } };
    return { html, frontmatter: data.astro.frontmatter };
  };
}
