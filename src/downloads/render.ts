/**
 * A section's body rendered to HTML by the site's own pipeline (the MDX compiled with the remark
 * and rehype plugins of astro.config.mjs), outside any page. Astro's container renders the
 * section's `Content` component with the MDX renderer, exactly as the chapter page does, so the
 * text the downloads carry is the text the page shows. Build-time only (imports astro:content).
 */

import { render } from 'astro:content';
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer } from 'astro/container';
import type { SectionEntry } from '../data/report.ts';

let container: Promise<experimental_AstroContainer> | undefined;

function getContainer(): Promise<experimental_AstroContainer> {
  container ??= experimental_AstroContainer.create().then((c) => {
    c.addServerRenderer({ name: 'astro:jsx', renderer: mdxRenderer });
    return c;
  });
  return container;
}

/** The section's body as HTML: `<div class="para">` wrappers around `<p id="<theme>-<n>">`. */
export async function renderSection(entry: SectionEntry): Promise<string> {
  const { Content } = await render(entry);
  return (await getContainer()).renderToString(Content);
}
