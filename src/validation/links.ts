/**
 * What a section may link to, and what it may not show: the one rule, used by `npm run check`, the
 * build (through validateContent) and the importer (which checks its staged chapter with
 * validateSections), so that no way into the site is looser than another.
 *
 * Allowed: `https://` and `http://` addresses with a host, `mailto:` addresses, and `#<theme>`
 * links to a section of the same chapter. Everything else is refused, not rewritten, because an
 * editor must see what the source said:
 * - `javascript:`, `vbscript:`, `data:`, `file:` run code or open local files, and a PDF keeps
 *   them where no Content-Security-Policy applies;
 * - `//host/x` (protocol-relative), `http:host` (no slashes) and backslashes (`https:\\host`) are
 *   read by browsers as links to another site, yet by simple checks as paths of this one;
 * - a path (`report.pdf`) means another page on each page the section is shown on.
 * Images are refused: an image from another origin makes every reader's browser call that origin
 * (a tracker, for readers where this report is banned), and the report's sections are text.
 */
import type { Definition, Image, ImageReference, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Problem } from '../lib/problems.ts';

/** Schemes a section may link to: sources on the web, and mail. */
export const ALLOWED_SCHEMES = ['https:', 'http:', 'mailto:'] as const;

const ALLOWED = 'Sections link to https:// or http:// sources, mailto: addresses, or #<theme> sections of the chapter only.';

/** Why a link target may not be published, or undefined when it may. Empty and `#` targets are checked elsewhere. */
export function linkTargetProblem(url: string): string | undefined {
  const target = url.trim();
  if (target === '' || target.startsWith('#')) return undefined;
  // Browsers drop tabs and newlines inside a URL and read a backslash as a slash: what a reader's
  // browser opens would differ from what the editor reads.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
  if (/[\\\s\u0000-\u001f\u007f]/.test(target)) {
    return `holds a backslash, a space or a control character, which browsers read differently from how it looks. ${ALLOWED}`;
  }
  if (target.startsWith('//')) {
    return `has no scheme, so browsers open it on another site as this page's scheme; write https:${target}.`;
  }
  const scheme = /^([a-z][a-z0-9+.-]*:)/i.exec(target)?.[1]?.toLowerCase();
  if (!scheme) {
    const looksLikeHost = /^(www\.|[a-z0-9-]+(\.[a-z0-9-]+)+\/)/i.test(target);
    return looksLikeHost
      ? `has no scheme, so browsers read it as a page of this site; write https://${target.replace(/^\/+/, '')}.`
      : `is a path on this site, which changes meaning on each page the section appears on; link to a section with #<theme> or to a source with its full https:// address.`;
  }
  if (!(ALLOWED_SCHEMES as readonly string[]).includes(scheme)) return `uses the ${scheme} scheme. ${ALLOWED}`;
  if (scheme === 'mailto:') return /^mailto:[^@]+@[^@]+$/i.test(target) ? undefined : 'is not an e-mail address (mailto:name@example.org).';
  if (!/^https?:\/\/[^/]/i.test(target)) {
    return `does not start with ${scheme}// and a host, so browsers guess where it goes; write ${scheme}//<host>/<path>.`;
  }
  let parsed: URL;
  try {
    parsed = new URL(target);
  } catch {
    return 'is not a valid web address (a space or a stray character?).';
  }
  if (!parsed.hostname) return 'names no host.';
  if (parsed.username || parsed.password) {
    return `carries a user name before @, which hides the real host (${parsed.hostname}); write https://${parsed.host}${parsed.pathname}${parsed.search}${parsed.hash}.`;
  }
  return undefined;
}

function wordsOf(node: Link | Image | ImageReference | Definition): string {
  if ('alt' in node && node.alt) return node.alt;
  if (!('children' in node)) return '';
  return node.children.map((child) => ('value' in child ? child.value : '')).join('');
}

/** Links and images of one section body that may not be published, each with its line in the file. */
export function linkProblems(tree: Root, file: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  const line = (node: { position?: { start: { line: number } } | undefined }) => (node.position?.start.line ?? 1) + bodyLine - 1;
  visit(tree, ['link', 'definition'], (node) => {
    const link = node as Link | Definition;
    // A link with no place in the file is one remark-gfm made from an address written as plain
    // text ("www.example.org<b"): the editor wrote words, not a link. Its words are published as
    // written; the site's rehype step drops a target it cannot vouch for, so no link leaves.
    if (link.type === 'link' && !link.position) return;
    const words = wordsOf(link);
    const what =
      link.type === 'definition' ? `the link definition [${link.label ?? link.identifier}]` : `the link${words ? ` "${words}"` : ''}`;
    const problem = linkTargetProblem(link.url);
    if (problem) problems.push({ file, line: line(link), message: `${what} to \`${link.url}\` ${problem}` });
  });
  visit(tree, ['image', 'imageReference'], (node) => {
    const image = node as Image | ImageReference;
    const target = image.type === 'image' ? ` (\`${image.url}\`)` : '';
    problems.push({
      file,
      line: line(image),
      message:
        `has an image${image.alt ? ` "${image.alt}"` : ''}${target}. Sections hold text only: an image from another site ` +
        "would make every reader's browser call it. Describe it in words, or link to it: [words](https://…).",
    });
  });
  return problems;
}
