/**
 * A section's paragraphs as the site publishes them, read from the section's rendered HTML (the
 * same remark/rehype pipeline as the pages, so ids, numbers and text cannot drift from the page).
 * Each paragraph keeps its runs of text and links in order, which the EPUB needs; the data export
 * keeps the text and the list of links.
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { ReportError } from '../lib/problems.ts';

/** A run of a paragraph: plain text, or a link with its words and its absolute address. */
export type Part = string | { text: string; href: string };

export interface Paragraph {
  id: string;
  n: number;
  /** The published text, white space collapsed to single spaces. */
  text: string;
  parts: Part[];
}

const collapse = (text: string) => text.replace(/\s+/g, ' ');

/** Text and links of a paragraph in order; any other inline element counts as its text. */
function partsOf(children: ElementContent[], site: URL): Part[] {
  const parts: Part[] = [];
  for (const child of children) {
    if (child.type === 'text') parts.push(child.value);
    else if (
      child.type === 'element' &&
      child.tagName === 'a' &&
      child.properties['href'] !== undefined &&
      URL.canParse(String(child.properties['href']), site)
    ) {
      parts.push({ text: toText(child), href: new URL(String(child.properties['href']), site).href });
    } else if (child.type === 'element') parts.push(toText(child));
  }
  return parts;
}

/** Collapses white space across the runs, as a browser shows them, and trims the paragraph. */
function normalise(parts: Part[]): Part[] {
  const out: Part[] = [];
  let endsInSpace = true; // so that leading space is dropped
  for (const part of parts) {
    let text = collapse(typeof part === 'string' ? part : part.text);
    if (endsInSpace) text = text.replace(/^ /, '');
    if (text === '') continue;
    endsInSpace = text.endsWith(' ');
    out.push(typeof part === 'string' ? text : { text, href: part.href });
  }
  const last = out.at(-1);
  if (typeof last === 'string') {
    const trimmed = last.replace(/ $/, '');
    if (trimmed) out[out.length - 1] = trimmed;
    else out.pop();
  } else if (last) last.text = last.text.replace(/ $/, '');
  return out;
}

export const textOf = (parts: readonly Part[]) => parts.map((p) => (typeof p === 'string' ? p : p.text)).join('');

/**
 * The paragraphs of one section's rendered HTML: every `<p id="<theme>-<n>">`, in order.
 * `file` names the section in the error if the HTML is not what the pipeline makes.
 * `site` resolves the links' site-relative addresses.
 */
export function sectionParagraphs(html: string, theme: string, site: URL, file: string): Paragraph[] {
  const tree = fromHtml(html, { fragment: true });
  const found = selectAll('p', tree) as Element[];
  return found.map((p, index) => {
    const id = String(p.properties['id'] ?? '');
    const n = index + 1;
    if (id !== `${theme}-${n}`) {
      throw new ReportError(
        `${file}: paragraph ${n} has id "${id}" where "${theme}-${n}" was expected; the paragraph ids of the rendered section are not the pinned ones.`,
        { problems: [{ file, field: 'paragraphs', message: `paragraph ${n} has id "${id}", not "${theme}-${n}".` }] },
      );
    }
    const parts = normalise(partsOf(p.children, site));
    const text = textOf(parts);
    if (text !== collapse(toText(p)).trim()) {
      throw new ReportError(`${file}: paragraph ${id} could not be read back word for word from the rendered section.`);
    }
    if (text === '')
      throw new ReportError(`${file}: paragraph ${id} is empty.`, { problems: [{ file, field: id, message: 'empty paragraph.' }] });
    return { id, n, text, parts };
  });
}
