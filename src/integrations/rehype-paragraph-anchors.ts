import type { Element, ElementContent, Root } from 'hast';
import type { VFile } from 'vfile';
import { paragraphId } from '../lib/anchors.ts';
import { sectionFile, type SectionPluginOptions } from './section-file.ts';

/**
 * Gives every paragraph of a section its stable id (`<theme>-<n>`, see src/lib/anchors.ts) and a
 * permalink to it. The permalink points at the chapter page, the canonical place of the text, so
 * it is right wherever the section is shown (chapter, theme page, search).
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
