import type { Link, Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { type SectionPluginOptions, sectionFile } from './section-file.ts';

/**
 * Content links to another section of the same chapter as `#<theme>`. A section is shown on its
 * chapter page but also elsewhere (theme pages, section pages, search results), where a bare
 * fragment would point at the wrong page, so the build makes each one a link to the chapter
 * itself. Each is marked for print, where it reads "see <section>" unless its words say so already.
 */
export function remarkSectionLinks(options: SectionPluginOptions) {
  return (tree: Root, file: VFile) => {
    const section = sectionFile(file, options.base);
    if (!section) return;
    visit(tree, 'link', (link: Link) => {
      const match = /^#([a-z0-9-]+)$/.exec(link.url);
      if (!match) return;
      const theme = match[1]!;
      const label = options.themeLabels[theme] ?? theme;
      link.url = `${section.chapter}${link.url}`;
      const namesSection = textOf(link).trim().toLowerCase() === label.toLowerCase();
      link.data = {
        ...link.data,
        hProperties: {
          className: namesSection ? ['section-link', 'names-section'] : ['section-link'],
          dataSection: label,
        },
      };
    });
  };
}
