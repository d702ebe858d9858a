/**
 * A section's paragraphs as plain text, numbered as on the page: the n-th top-level paragraph of
 * the MDX body is paragraph n (the rule of src/integrations/rehype-paragraph-anchors.ts). Links
 * read as their words. The comparison of editions works on these, never on markup.
 */
import type { Root } from 'mdast';
import { toString as textOf } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkGfm);

/** The paragraphs of a section body (MDX without frontmatter), in order. */
export function paragraphTexts(body: string): string[] {
  const tree = parser.parse(body) as Root;
  return tree.children.filter((node) => node.type === 'paragraph').map((node) => textOf(node).replace(/\s+/g, ' ').trim());
}
