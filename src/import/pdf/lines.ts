/**
 * A PDF page's text runs made into lines, top to bottom, with what typography says about each:
 * its size, its left edge, whether a paragraph number stands beside it (the site's own PDFs number
 * every paragraph in the margin), and the words a link annotation covers, marked so that layout.ts
 * can write them as Markdown links on exactly those words. Footnote markers (small raised digits
 * inside a line) are taken out and recorded.
 */
import type { SourceChange } from '../text-lines.ts';
import type { LinkArea, PdfPage, TextRun } from './read.ts';

/** Marks the start of a linked span in a line's text; the link's index follows, then LINK_TEXT. */
export const LINK_OPEN = '\uE000';
export const LINK_TEXT = '\uE001';
export const LINK_CLOSE = '\uE002';

export interface PdfLine {
  page: number;
  /** 1-based, counted from the page's top, as an editor counts lines in a viewer. */
  line: number;
  x: number;
  y: number;
  size: number;
  /** Where the line's last run ends. */
  right: number;
  /** The text, with linked spans marked (LINK_OPEN index LINK_TEXT words LINK_CLOSE). */
  text: string;
  /** A paragraph number stood in the margin beside it. */
  numbered: boolean;
}

const DIGITS = /^\s*(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})\s*$/;

/** The page's lines; `urls` collects link targets, which the marks refer to by index. */
export function pageLines(page: PdfPage, body: { size: number; left: number }, urls: string[], changes: SourceChange[]): PdfLine[] {
  const numbers: TextRun[] = [];
  const markers: TextRun[] = [];
  const text: TextRun[] = [];
  for (const run of page.runs) {
    const digits = DIGITS.test(run.text);
    if (digits && run.size < body.size * 0.95 && run.x + run.width <= body.left - 2) numbers.push(run);
    else if (digits && run.size < body.size * 0.85) markers.push(run);
    else if (run.text.trim() !== '' || text.length) text.push(run);
  }
  // Lines: runs whose baselines lie within a third of their size, left to right.
  const sorted = text.filter((r) => r.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const run of sorted) {
    const group = groups.find((g) => Math.abs(g[0]!.y - run.y) < Math.max(g[0]!.size, run.size) / 3);
    if (group) group.push(run);
    else groups.push([run]);
  }
  groups.sort((a, b) => b[0]!.y - a[0]!.y);
  // A footnote marker sits raised inside a line of text: it is taken out, not read as a word.
  for (const marker of markers) {
    const host = groups.find((g) => marker.y > g[0]!.y && marker.y - g[0]!.y < g[0]!.size * 0.8 && g.some((r) => r.x < marker.x));
    if (host) {
      changes.push({ kind: 'footnote marker', page: page.number, line: groups.indexOf(host) + 1, text: marker.text.trim() });
    } else {
      groups.push([marker]);
    }
  }
  groups.sort((a, b) => b[0]!.y - a[0]!.y);
  return groups.map((group, index) => {
    const runs = group.sort((a, b) => a.x - b.x);
    const size = Math.max(...runs.map((r) => r.size));
    const y = runs[0]!.y;
    const numbered = numbers.some((n) => Math.abs(n.y - y) < size);
    if (numbered) {
      const number = numbers.find((n) => Math.abs(n.y - y) < size)!;
      changes.push({ kind: 'paragraph number', page: page.number, line: index + 1, text: number.text.trim() });
    }
    const right = Math.max(...runs.map((r) => r.x + r.width));
    return { page: page.number, line: index + 1, x: runs[0]!.x, y, size, right, text: lineText(runs, page.links, urls), numbered };
  });
}

/** The runs' text joined (a space where the gap between runs is one), with linked spans marked. */
function lineText(runs: TextRun[], links: readonly LinkArea[], urls: string[]): string {
  let out = '';
  let open: number | undefined;
  let end: number | undefined;
  for (const run of runs) {
    if (end !== undefined && run.x - end > run.size * 0.15 && !out.endsWith(' ') && !run.text.startsWith(' ')) {
      out += ' ';
    }
    const chars = [...run.text];
    chars.forEach((char, i) => {
      const centre = run.x + (run.width * (i + 0.5)) / chars.length;
      const link = links.find(
        (l) => l.url && centre >= l.rect[0] && centre <= l.rect[2] && run.y + run.size * 0.3 >= l.rect[1] && run.y <= l.rect[3],
      );
      const index = link?.url === undefined ? undefined : indexOf(urls, link.url);
      if (index !== open) {
        if (open !== undefined) out += LINK_CLOSE;
        if (index !== undefined) out += `${LINK_OPEN}${index}${LINK_TEXT}`;
        open = index;
      }
      out += char;
    });
    end = run.x + run.width;
  }
  if (open !== undefined) out += LINK_CLOSE;
  return out.replace(/\s+/g, ' ').trim();
}

function indexOf(urls: string[], url: string): number {
  const at = urls.indexOf(url);
  if (at >= 0) return at;
  urls.push(url);
  return urls.length - 1;
}
