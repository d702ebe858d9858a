/**
 * A whole review's PDF read as chapters, from typography rather than capitals alone:
 *
 * - body text is the size most characters have; a heading is a line at least 15% larger (two
 *   heading lines of one size close together are one heading); a chapter starts at a heading
 *   that names a country, in the size chapter headings have (the largest that names one);
 * - running headers, footers and page numbers are lines at a page's top or foot that repeat on
 *   two or more pages (digits aside), that hold the edition's short title, or that are only a
 *   page number; footnotes are small lines at a page's foot that start with their number;
 * - a paragraph starts after a heading, at a line with a paragraph number in the margin, after a
 *   gap taller than the text's line spacing, or at an indented first line; at a page's top without
 *   any of these, it continues the last one when that ran to the measure's end or did not end a
 *   sentence;
 * - lines are joined by the hyphen rule (hyphens.ts).
 *
 * Each chapter becomes text in the importer's plain format (title, headings, one paragraph per
 * block, links as Markdown on their words), with the page and line of each of its lines, so that
 * every message names the PDF's page and line.
 */
import { slugify } from '../../lib/themes.ts';
import { PAGE_NUMBER } from '../furniture.ts';
import { joinLines, WordCounts, type Words } from '../hyphens.ts';
import { continues } from '../source-text.ts';
import type { SourceChange } from '../text-lines.ts';
import { LINK_CLOSE, LINK_OPEN, LINK_TEXT, type PdfLine, pageLines } from './lines.ts';
import type { PdfPage } from './read.ts';

export interface PdfChapter {
  /** The chapter heading as printed ("Kazakhstan"). */
  heading: string;
  /** The chapter in the importer's text format. */
  text: string;
  /** Where each line of `text` (index = line − 1) stands in the PDF. */
  where: ({ page: number; line: number } | undefined)[];
  /** Lines of `text` that typography says are headings (the title's line included). */
  headings: Set<number>;
  changes: SourceChange[];
}

export interface LayoutOptions {
  isCountry: (text: string) => boolean;
  /** The publication's short title, which running headers and footers carry. */
  phrases: readonly string[];
  dictionary?: Words | undefined;
}

const mode = (values: number[]) => {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
};
const round = (n: number) => Math.round(n * 2) / 2;

/** Splits a PDF's pages into chapters; what stands before the first chapter is listed, not imported. */
export function layoutChapters(pages: readonly PdfPage[], options: LayoutOptions): { chapters: PdfChapter[]; before: SourceChange[] } {
  const sizes = pages.flatMap((p) => p.runs.flatMap((r) => Array<number>(r.text.length).fill(round(r.size))));
  const size = mode(sizes);
  const left = mode(pages.flatMap((p) => p.runs.filter((r) => round(r.size) === size).map((r) => round(r.x))));
  const urls: string[] = [];
  const changes: SourceChange[] = [];
  const all = pages.map((page) => ({ page, lines: pageLines(page, { size, left }, urls, changes) }));

  // Page furniture: lines at a page's edge that repeat, carry the short title, or are a page number.
  // Furniture stands among the first or last two lines of a page, set apart from the text by its
  // size or by a gap wider than the text's line spacing (body lines recur too: never them).
  const spacing = mode(
    all
      .flatMap(({ lines: ls }) => ls.slice(1).map((l, i) => (Math.abs(l.size - size) < 0.5 ? round(ls[i]!.y - l.y) : 0)))
      .filter((g) => g > 0),
  );
  const edge = (p: { page: PdfPage; lines: PdfLine[] }, l: PdfLine) => {
    const i = p.lines.indexOf(l);
    if (i > 1 && i < p.lines.length - 2) return false;
    const inner = i <= 1 ? p.lines[i + 1] : p.lines[i - 1];
    const gap = inner ? Math.abs(inner.y - l.y) : Number.POSITIVE_INFINITY;
    return Math.abs(l.size - size) > 0.5 || gap > spacing * 1.8;
  };
  const plain = (t: string) => t.replace(/\uE000\d+\uE001|\uE002/g, '');
  const key = (t: string) => plain(t).toLowerCase().replace(/\d+/g, '#');
  const onPages = new Map<string, Set<number>>();
  for (const p of all)
    for (const l of p.lines) if (edge(p, l)) onPages.set(key(l.text), (onPages.get(key(l.text)) ?? new Set()).add(l.page));
  const phrases = options.phrases.map((s) => s.toLowerCase());
  const dropped = new Set<PdfLine>();
  for (const p of all) {
    for (const l of p.lines) {
      if (!edge(p, l) || l.size > size * 1.05) continue;
      const text = plain(l.text);
      // A sentence's end in the text's own size is text, however often it recurs.
      if (Math.abs(l.size - size) <= 0.5 && /[.!?…]["'”’»)\]]*$/.test(text) && !PAGE_NUMBER.test(text)) continue;
      const kind = PAGE_NUMBER.test(text)
        ? 'page number'
        : (onPages.get(key(l.text))?.size ?? 0) >= 2 || phrases.some((s) => text.toLowerCase().includes(s))
          ? 'running header or footer'
          : undefined;
      if (kind) {
        dropped.add(l);
        changes.push({ kind, page: l.page, line: l.line, text });
      }
    }
    // A block of lines smaller than the text that names the publication is its colophon or footer.
    for (const [i, l] of p.lines.entries()) {
      if (dropped.has(l) || l.size >= size * 0.9 || !phrases.some((s) => plain(l.text).toLowerCase().includes(s))) continue;
      let [from, to] = [i, i];
      while (from > 0 && Math.abs(p.lines[from - 1]!.size - l.size) < 0.2 && !dropped.has(p.lines[from - 1]!)) from--;
      while (to < p.lines.length - 1 && Math.abs(p.lines[to + 1]!.size - l.size) < 0.2 && !dropped.has(p.lines[to + 1]!)) to++;
      for (const m of p.lines.slice(from, to + 1)) {
        dropped.add(m);
        changes.push({ kind: 'running header or footer', page: m.page, line: m.line, text: plain(m.text) });
      }
    }
    // Footnotes: small lines at the foot that start with their number, and the small lines after them.
    const bodyLines = p.lines.filter((l) => !dropped.has(l));
    const first = bodyLines.findIndex(
      (l, i) => l.size < size * 0.9 && /^\d{1,3}\s/.test(plain(l.text)) && bodyLines.slice(i).every((m) => m.size < size * 0.9),
    );
    if (first >= 0) {
      for (const l of bodyLines.slice(first)) {
        dropped.add(l);
        changes.push({ kind: 'footnote', page: l.page, line: l.line, text: plain(l.text) });
      }
    }
  }
  const lines = all.flatMap((p) => p.lines.filter((l) => !dropped.has(l)));
  const words = new WordCounts();
  for (const l of lines) words.add(plain(l.text));
  const known: Words = { count: (w) => words.count(w) + (options.dictionary?.count(w) ?? 0) };

  const isHeading = (l: PdfLine) => l.size >= size * 1.15;
  // The measure's right edge: where most body lines end (justified text ends them all there).
  const measure = mode(lines.filter((l) => Math.abs(l.size - size) < 0.5).map((l) => Math.round(l.right)));
  const chapterSize = Math.max(0, ...lines.filter((l) => isHeading(l) && options.isCountry(plain(l.text))).map((l) => l.size));
  const isChapter = (l: PdfLine) => isHeading(l) && Math.abs(l.size - chapterSize) < 0.5 && options.isCountry(plain(l.text));
  const leading = mode(
    lines
      .slice(1)
      .map((l, i) => (l.page === lines[i]!.page && !isHeading(l) ? round(lines[i]!.y - l.y) : 0))
      .filter((g) => g > 0),
  );

  const chapters: PdfChapter[] = [];
  const before: SourceChange[] = [];
  let chapter: { heading: string; blocks: { text: string; page: number; line: number; heading: boolean }[] } | undefined;
  let previous: PdfLine | undefined;
  for (const l of lines) {
    if (isChapter(l)) {
      if (chapter) chapters.push(finish(chapter, urls));
      chapter = { heading: plain(l.text), blocks: [{ text: plain(l.text), page: l.page, line: l.line, heading: true }] };
      previous = l;
      continue;
    }
    if (!chapter) {
      before.push({ kind: 'before the first chapter', page: l.page, line: l.line, text: plain(l.text) });
      continue;
    }
    const last = chapter.blocks.at(-1)!;
    const heading = isHeading(l);
    const samePage = previous?.page === l.page;
    if (heading && last.heading && samePage && previous && previous.y - l.y < l.size * 1.6 && chapter.blocks.length > 1) {
      last.text = `${last.text} ${plain(l.text)}`;
      changes.push({ kind: 'heading joined', page: l.page, line: l.line, text: last.text });
    } else if (heading || last.heading) {
      chapter.blocks.push({ text: heading ? plain(l.text) : l.text, page: l.page, line: l.line, heading });
    } else {
      const gap = samePage && previous ? previous.y - l.y > Math.max(leading, l.size) * 1.3 : false;
      const indented = l.x > left + size * 0.8 && (previous?.x ?? left) <= left + 1;
      // At a page's top: the last page's last line ran to the measure's end, or its sentence goes on.
      const pageTop = !samePage && !l.numbered && !indented;
      const full = previous !== undefined && previous.right >= measure - 1;
      const starts = l.numbered || gap || indented || (pageTop && !full && !continues(plain(last.text), plain(l.text)));
      if (starts) chapter.blocks.push({ text: l.text, page: l.page, line: l.line, heading: false });
      else {
        if (!samePage) changes.push({ kind: 'paragraphs joined', page: l.page, line: l.line, text: plain(l.text).slice(0, 50) });
        const joined = joinLines(last.text, l.text, known);
        if (joined.hyphen) {
          const { decision, word } = joined.hyphen;
          const note =
            decision === 'unknown'
              ? `"${word}": neither it nor the word without its hyphen occurs elsewhere; the hyphen was kept, check it.`
              : undefined;
          changes.push({
            kind: decision === 'joined' ? 'hyphen mended' : 'hyphen kept',
            page: previous!.page,
            line: previous!.line,
            text: word,
            note,
          });
        }
        last.text = joined.text;
      }
    }
    previous = l;
  }
  if (chapter) chapters.push(finish(chapter, urls));
  // Each change goes to the chapter it stands in: the last to start at or before it.
  const at = (c: { page?: number | undefined; line: number }) => (c.page ?? 0) * 10_000 + c.line;
  for (const change of changes) {
    const owner = chapters.findLast((c) => at(c.where[0]!) <= at(change));
    (owner ? owner.changes : before).push(change);
  }
  for (const c of chapters) c.changes.sort((a, b) => at(a) - at(b));
  before.sort((a, b) => at(a) - at(b));
  return { chapters, before };
}

/** Escapes what the importer's text format reads as markup: backslashes and brackets. */
const escapeText = (text: string) => text.replace(/[\\[\]]/g, (c) => `\\${c}`);
const escapeUrl = (url: string) => url.replace(/[\\()\s]/g, (c) => (c.trim() === '' ? encodeURI(c) : `\\${c}`));

/** Linked spans as Markdown links on their words; the address a printed page adds after a link ("(https://…)") left out. */
function renderLinks(text: string, urls: readonly string[], change: (printed: string) => void): string {
  // A link broken over two lines is one link.
  const merged = text.replace(
    new RegExp(`${LINK_CLOSE}(\\s*)${LINK_OPEN}(\\d+)${LINK_TEXT}`, 'g'),
    (whole, space: string, index: string, offset: number) => {
      const before = text.lastIndexOf(LINK_OPEN, offset);
      return text.slice(before + 1).startsWith(`${index}${LINK_TEXT}`) ? space : whole;
    },
  );
  let out = '';
  const pattern = new RegExp(`${LINK_OPEN}(\\d+)${LINK_TEXT}([^${LINK_CLOSE}]*)${LINK_CLOSE}`, 'g');
  let last = 0;
  for (const match of merged.matchAll(pattern)) {
    const url = urls[Number(match[1])]!;
    const words = match[2]!;
    const lead = /^\s*/.exec(words)![0];
    const trail = /\s*$/.exec(words)![0];
    out += `${escapeText(merged.slice(last, match.index))}${lead}[${escapeText(words.trim())}](${escapeUrl(url)})${trail}`;
    last = match.index + match[0].length;
    // The print stylesheet's " (https://…)" after a link, possibly broken over lines.
    const printed = new RegExp(`^\\s*\\(${[...url].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s?')}\\)`).exec(
      merged.slice(last),
    );
    if (printed) {
      change(printed[0].trim());
      last += printed[0].length;
    }
  }
  return out + escapeText(merged.slice(last));
}

function finish(
  chapter: { heading: string; blocks: { text: string; page: number; line: number; heading: boolean }[] },
  urls: readonly string[],
): PdfChapter {
  const lines: string[] = [];
  const where: PdfChapter['where'] = [];
  const headings = new Set<number>();
  const first = chapter.blocks[0]!;
  const own: SourceChange[] = [];
  for (const block of chapter.blocks) {
    if (lines.length) {
      lines.push('');
      where.push(undefined);
    }
    if (block.heading) headings.add(lines.length + 1);
    const text = block.heading
      ? escapeText(block.text)
      : renderLinks(block.text, urls, (printed) =>
          own.push({ kind: 'printed link address', page: block.page, line: block.line, text: printed }),
        );
    lines.push(text);
    where.push({ page: block.page, line: block.line });
  }
  return { heading: slugify(chapter.heading) ? chapter.heading : first.text, text: `${lines.join('\n')}\n`, where, headings, changes: own };
}
