import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { paragraphId } from '../lib/anchors.ts';
import { type SectionPluginOptions, sectionFile } from './section-file.ts';

/**
 * Gives every paragraph of a section its stable id (`<theme>-<n>`, see src/lib/anchors.ts) and its
 * number, which is also its permalink. The permalink points at the chapter page, the canonical
 * place of the text, so it is right wherever the section is shown (chapter, theme page, search).
 *
 * The number comes before the paragraph (so screen readers, the PDF's tags and its text read it
 * first) and is drawn by CSS from `data-n` (src/styles/permalinks.css): generated text is never part
 * of a selection, so copying a paragraph copies the testimony alone, and the published text stays
 * the source's, word for word.
 */
export function rehypeParagraphAnchors(options: SectionPluginOptions) {
  return (tree: Root, file: VFile) => {
    const section = sectionFile(file, options.base);
    if (!section) return;
    const { theme, chapter } = section;
    const label = options.themeLabels[theme] ?? theme;
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
          className: ['permalink', 'para-number'],
          href: `${chapter}#${id}`,
          dataPagefindIgnore: '',
          dataN: String(n),
          ariaLabel: `Link to ${label}, paragraph ${n}`,
        },
        children: [],
      };
      const wrapper: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['para'] },
        children: [permalink, node] as ElementContent[],
      };
      return wrapper;
    });
    // Pages read the count (render()'s remarkPluginFrontmatter) to offer "Cite a paragraph" for each.
    const data = file.data as { astro?: { frontmatter?: Record<string, unknown> } };
    data.astro ??= {};
    data.astro.frontmatter ??= {};
    data.astro.frontmatter['paragraphs'] = n;
  };
}
