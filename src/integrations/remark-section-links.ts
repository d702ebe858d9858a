import type { Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * Content links to another section of the same chapter as `#<theme>`. A section is shown on its
 * chapter page but also elsewhere (theme pages, search results), where a bare fragment would point
 * at the wrong page, so the build makes each one a link to the chapter itself.
 */
export function remarkSectionLinks(options: { base: string }) {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    const edition = frontmatter?.['edition'];
    const country = frontmatter?.['country'];
    if (edition === undefined || typeof country !== 'string') return;
    visit(tree, 'link', (link: Link) => {
      if (/^#[a-z0-9-]+$/.test(link.url)) link.url = `${base}${String(edition)}/${country}/${link.url}`;
    });
  };
}
