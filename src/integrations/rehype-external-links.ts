import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/** A path of this site: `/…` but not `//host/…`, which browsers open on another site. */
const SAME_ORIGIN_PATH = /^\/(?![/\\])/;
/** What a published link may point at; src/validation/links.ts refuses everything else before the build. */
const PUBLISHABLE_HREF = /^(?:https?:\/\/[^/\\]|mailto:|#|\/(?![/\\]))/i;

/**
 * Links to sources on other sites open without telling them where the reader came from: for a
 * reader in a country where this report is banned, a Referer header naming it is a risk.
 *
 * Second line of defence behind validation (src/validation/links.ts): a link to any other target
 * (`javascript:`, `data:`, `//host`) loses its href and an image from another origin its src, so
 * that neither the page nor the PDF printed from it (where no CSP applies) can carry one, even if
 * content reached the build without `npm run check`.
 */
export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const href = node.properties['href'];
      if (node.tagName === 'a' && typeof href === 'string') {
        // …and an address a browser cannot parse (remark-gfm links "www.example.org<b" as written).
        const unparsable = /^https?:/i.test(href.trim()) && !URL.canParse(href.trim());
        if (!PUBLISHABLE_HREF.test(href.trim()) || /[\\\s]/.test(href.trim()) || unparsable) {
          delete node.properties['href'];
        } else if (/^https?:\/\//i.test(href)) {
          node.properties['rel'] = ['noopener', 'noreferrer'];
          node.properties['className'] = [...((node.properties['className'] as string[] | undefined) ?? []), 'external'];
        }
      }
      const src = node.properties['src'];
      if (node.tagName === 'img' && (typeof src !== 'string' || !SAME_ORIGIN_PATH.test(src))) delete node.properties['src'];
    });
  };
}
