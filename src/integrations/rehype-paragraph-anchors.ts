import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { paragraphId } from '../lib/anchors.ts';

export interface ParagraphAnchorOptions {
  base: string;
  /** Theme labels by slug, for the permalinks' accessible names. */
  themeLabels: Record<string, string>;
}

/**
 * Gives every paragraph of a section its stable id (`<theme>-<n>`, see src/lib/anchors.ts) and a
 * permalink to it. The permalink points at the chapter page, the canonical place of the text, so
 * it is right wherever the section is shown (chapter, theme page, search).
 */
export function rehypeParagraphAnchors(options: ParagraphAnchorOptions) {
  const base = options.base.endsWith('/') ? options.base : `${options.base}/`;
  return (tree: Root, file: VFile) => {
    const frontmatter = (file.data as { astro?: { frontmatter?: Record<string, unknown> } }).astro?.frontmatter;
    const edition = frontmatter?.['edition'];
    const country = frontmatter?.['country'];
    const theme = frontmatter?.['theme'];
    if (edition === undefined || typeof country !== 'string' || typeof theme !== 'string') return;
    const label = options.themeLabels[theme] ?? theme;
    const chapter = `${base}${String(edition)}/${country}/`;
    let n = 0;
    tree.children = tree.children.map((node) => {
      if (node.type !== 'element' || node.tagName !== 'p') return node;
      n += 1;
      const id = paragraphId(theme, n);
      node.properties = { ...node.properties, id };
      const permalink: Element = {
        type: 'element',
        tagName: 'a',
        properties: {
          className: ['permalink'],
          href: `${chapter}#${id}`,
          dataPagefindIgnore: '',
          ariaLabel: `Link to ${label}, paragraph ${n}`,
        },
        children: [{ type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '¶' }] }],
      };
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['para'] },
        children: [node, permalink] as ElementContent[],
      };
      return wrapper;
    });
  };
}
