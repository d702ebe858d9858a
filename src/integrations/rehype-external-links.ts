import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Links to sources on other sites open without telling them where the reader came from: for a
 * reader in a country where this report is banned, a Referer header naming it is a risk.
 */
export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string' && /^https?:\/\//i.test(href)) {
        node.properties['rel'] = ['noopener', 'noreferrer'];
        node.properties['className'] = [...((node.properties['className'] as string[] | undefined) ?? []), 'external'];
      }
    });
  };
}
