/**
 * Page furniture in a text export: running headers and footers, page numbers and footnotes, which
 * the PDF prints on every page and which are not the chapter's text. Each is recognised, left out
 * and recorded as a change, never glued into a sentence.
 *
 * - A running header or footer is a short line that repeats (digits aside: "Page 86", "Page 87")
 *   at the edges of two or more pages; without form feeds, one that recurs at least eight lines
 *   apart and holds a page number ("Page 86 …", a different number each time) or names a country. A line that names a theme or ends a sentence
 *   is text, never furniture. So is a line at a page's edge that holds the publication's short
 *   title ("Annual Review 2026"), even once. A repeated line naming a country, met before the first heading, is
 *   the chapter's title the first time.
 * - A page number is a line that is only one ("14", "- 14 -", "Page 14", "14 / 230"), at a page's
 *   edge when the export has pages, anywhere when it has none.
 * - A footnote is a line at the foot of a page that starts with its number n ("12 See …"), in
 *   sequence, where the page's text carries the marker n right after a word ("law.12"); the lines
 *   after it on the page continue it. The marker is taken out of the text and both are reported.
 */
import type { SourceChange, SourceLine } from './text-lines.ts';

/** A line that is only a page number. */
export const PAGE_NUMBER = /^(?:[-–—]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?(?:\s*[-–—])?$/i;
const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/;
/** Lines at each edge of a page where furniture may stand. */
const EDGE = 3;
/** Without form feeds, how many lines apart running headers must recur (a page holds forty or more). */
const PAGE_APART = 8;

export interface FurnitureOptions {
  isTheme?: ((line: string) => boolean) | undefined;
  isCountry?: ((line: string) => boolean) | undefined;
  /** The publication's names ("Annual Review 2026"): a line at a page's edge holding one is a running header or footer, even once. */
  phrases?: readonly string[] | undefined;
}

const key = (text: string) => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');

/** Lines by page, blank ones skipped, in order. */
function byPage(lines: readonly SourceLine[]): SourceLine[][] {
  const pages = new Map<number, SourceLine[]>();
  for (const line of lines) {
    if (line.text === '') continue;
    const list = pages.get(line.page) ?? [];
    pages.set(line.page, list);
    list.push(line);
  }
  return [...pages.values()];
}

/** Removes running headers, footers, page numbers and footnotes; returns the lines kept and what was left out. */
export function removeFurniture(
  lines: readonly SourceLine[],
  options: FurnitureOptions = {},
): { lines: SourceLine[]; changes: SourceChange[] } {
  const pages = byPage(lines);
  const paged = pages.length > 1;
  const removed = new Map<SourceLine, SourceChange['kind']>();
  const canBeFurniture = (line: SourceLine) =>
    line.text.length <= 90 &&
    (line.text.match(/\p{L}/gu)?.length ?? 0) >= 4 &&
    // A word broken at the line's end, or a cross-reference, is text.
    !/[-‐\u00AD]$/.test(line.text) &&
    !/see also under/i.test(line.text) &&
    !SENTENCE_END.test(line.text) &&
    !options.isTheme?.(line.text.replace(/\s+/g, ' '));

  // Page numbers.
  const edges = new Set(paged ? pages.flatMap((page) => [...page.slice(0, EDGE), ...page.slice(-EDGE)]) : pages.flat());
  for (const line of edges) if (PAGE_NUMBER.test(line.text)) removed.set(line, 'page number');

  // Running headers and footers: what repeats.
  const occurrences = new Map<string, SourceLine[]>();
  for (const line of edges) {
    if (removed.has(line) || !canBeFurniture(line)) continue;
    const list = occurrences.get(key(line.text)) ?? [];
    occurrences.set(key(line.text), list);
    list.push(line);
  }
  const phrases = (options.phrases ?? []).map((p) => p.toLowerCase()).filter((p) => p.length >= 8);
  for (const line of edges) {
    const lower = line.text.toLowerCase();
    if (!removed.has(line) && canBeFurniture(line) && phrases.some((p) => lower.includes(p))) removed.set(line, 'running header or footer');
  }
  const firstHeading = lines.find((line) => options.isTheme?.(line.text.replace(/\s+/g, ' ')));
  // Without pages, furniture recurs a page apart, never on neighbouring lines.
  const apart = (found: SourceLine[]) => found.every((line, i) => i === 0 || line.line - found[i - 1]!.line >= PAGE_APART);
  for (const [text, found] of occurrences) {
    const onPages = new Set(found.map((line) => line.page)).size;
    // Without pages, only what furniture says: a page number beside it, or the country's name.
    // A page number advances from page to page: the same line with the same number twice is text
    // (a statute cited twice in the same words: "…, Article 174").
    const numbers = new Set(found.map((line) => line.text.match(/\d+/g)?.join(' ') ?? ''));
    const pageLike = /^#\s|\s#$|\bpage\b/.test(text) && numbers.size === found.length;
    const often = found.length >= 2 && (pageLike || found.some((l) => options.isCountry?.(l.text)));
    // Running headers stand on most pages (alternating ones on about half).
    const repeats = paged ? onPages >= Math.max(2, Math.ceil(pages.length * 0.4)) : often && apart(found);
    if (!repeats) continue;
    found.forEach((line, index) => {
      const isTitle = index === 0 && options.isCountry?.(line.text) && (!firstHeading || line.line < firstHeading.line);
      if (!isTitle) removed.set(line, 'running header or footer');
    });
  }

  const changes: SourceChange[] = [];
  const kept = lines.filter((line) => {
    const kind = removed.get(line);
    if (kind) changes.push({ kind, line: line.line, page: line.page, text: line.text });
    return !kind;
  });
  const footnotes = removeFootnotes(kept, paged);
  return { lines: footnotes.lines, changes: [...changes, ...footnotes.changes] };
}

const FOOTNOTE = /^(\d{1,3})\s+(\S.*)$/;
const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const SUPER_FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(\S.*)$/;
const fromSuperscript = (text: string) => [...text].map((c) => SUPERSCRIPTS.indexOf(c)).join('');
/** The marker n right after a word or closing punctuation, not part of a number: "law.12", "groups12". */
const marker = (n: string) =>
  new RegExp(`(?<=[\\p{L}.,;:)”"’])(?:${n}|${[...n].map((d) => SUPERSCRIPTS[Number(d)]).join('')})(?=[\\s.,;:)]|$)`, 'u');

/**
 * Footnote lines and their markers. With pages, a footnote stands in the last lines of its page
 * and its marker earlier on the same page; without, anywhere after its marker. Numbers run in
 * sequence from 1 through the chapter.
 */
function removeFootnotes(lines: SourceLine[], paged: boolean): { lines: SourceLine[]; changes: SourceChange[] } {
  const changes: SourceChange[] = [];
  const drop = new Set<SourceLine>();
  let expected = 1;
  let current: SourceLine | undefined;
  for (const [index, line] of lines.entries()) {
    if (line.text === '') {
      if (!paged) current = undefined;
      continue;
    }
    if (current && line.page !== current.page) current = undefined;
    const match = FOOTNOTE.exec(line.text) ?? SUPER_FOOTNOTE.exec(line.text);
    const n = match ? (/^\d/.test(match[1]!) ? match[1]! : fromSuperscript(match[1]!)) : undefined;
    if (n !== undefined && Number(n) === expected) {
      const pattern = marker(n);
      const candidates = lines.slice(0, index).filter((l) => !drop.has(l) && (!paged || l.page === line.page));
      const at = candidates.findLast((l) => pattern.test(l.text));
      const restOfPage = lines.slice(index + 1).filter((l) => l.text !== '' && l.page === line.page);
      const atFoot = !paged || restOfPage.every((l) => FOOTNOTE.test(l.text) || SUPER_FOOTNOTE.test(l.text) || restOfPage.length <= 3);
      if (at && atFoot) {
        at.text = at.text.replace(pattern, '');
        changes.push({ kind: 'footnote marker', line: at.line, page: at.page, text: n });
        changes.push({ kind: 'footnote', line: line.line, page: line.page, text: line.text });
        drop.add(line);
        current = line;
        expected += 1;
        continue;
      }
    }
    // A footnote's continuation: the next lines of the same page, when the export has pages.
    if (current && paged) {
      changes.push({ kind: 'footnote', line: line.line, page: line.page, text: line.text });
      drop.add(line);
    }
  }
  return { lines: lines.filter((line) => !drop.has(line)), changes };
}
