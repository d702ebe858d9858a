/**
 * The XHTML of an EPUB's chapters and its navigation document. Each paragraph keeps its id and
 * shows its number as a link to its permalink on the site; links to a section of a chapter in the
 * same book stay inside the book, every other link points at the site or the source.
 */
import { longDate } from '../citation/reference.ts';
import type { Paragraph } from './paragraphs.ts';
import type { ChapterExport, EditionInfo } from './schema.ts';

export interface EpubChapter {
  data: Pick<ChapterExport, 'country' | 'url' | 'sections'>;
  paragraphs: Map<string, Paragraph[]>;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const xml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** The file of a chapter inside the book. */
export const chapterFile = (slug: string) => `country-${slug}.xhtml`; // never title.xhtml or nav.xhtml

function page(title: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="en" lang="en">
<head>
<meta charset="UTF-8"/>
<title>${xml(title)}</title>
<link rel="stylesheet" type="text/css" href="style.css"/>
</head>
<body>
${body}
</body>
</html>
`;
}

/**
 * Where a link goes in the book: a section or paragraph of a chapter the book holds becomes a
 * link to that file; anything else stays the absolute address.
 */
function bookHref(href: string, chapters: ReadonlyMap<string, string>): string {
  const url = new URL(href);
  const target = chapters.get(`${url.origin}${url.pathname}`);
  return target ? `${target}${url.hash}` : href;
}

function paragraphXhtml(p: Paragraph, permalink: string, chapters: ReadonlyMap<string, string>): string {
  const body = p.parts
    .map((part) => (typeof part === 'string' ? xml(part) : `<a href="${xml(bookHref(part.href, chapters))}">${xml(part.text)}</a>`))
    .join('');
  return `<p id="${xml(p.id)}"><a class="n" href="${xml(permalink)}" title="Paragraph ${p.n} on the site">${p.n}</a> ${body}</p>`;
}

/** One chapter: its title block, then each section with its corrections and numbered paragraphs. */
export function chapterXhtml(edition: EditionInfo, chapter: EpubChapter, chapters: ReadonlyMap<string, string>): string {
  const { country, url, sections } = chapter.data;
  const blocks = sections.map((section) => {
    const corrections = section.corrections.length
      ? `<ul class="corrections">${section.corrections.map((c) => `<li><strong>Corrected on ${xml(longDate(c.date))}:</strong> ${xml(c.note)}</li>`).join('')}</ul>\n`
      : '';
    const paragraphs = (chapter.paragraphs.get(section.theme) ?? []).map((p, i) =>
      paragraphXhtml(p, section.paragraphs[i]?.url ?? `${url}#${p.id}`, chapters),
    );
    return `<section id="${xml(section.theme)}" aria-labelledby="${xml(section.theme)}-heading">
<h2 id="${xml(section.theme)}-heading">${xml(section.label)}</h2>
${corrections}${paragraphs.join('\n')}
</section>`;
  });
  const body = `<section epub:type="chapter" role="doc-chapter" aria-labelledby="title">
<header>
<h1 id="title">${xml(country.name)}</h1>
<p class="meta">${xml(edition.title)}. ${xml(edition.publisher)}, ${edition.publicationYear}. Events of ${xml(edition.periodCovered)}. ${xml(country.region)}.</p>
<p class="meta">Online: <a href="${xml(url)}">${xml(url)}</a>. Each paragraph’s number links to its permanent address there; cite it as “para. n”.</p>
</header>
${blocks.join('\n')}
</section>`;
  return page(`${country.name}: ${edition.shortTitle}`, body);
}

/** The title page: what the book is, who publishes it and under what terms. */
export function titleXhtml(edition: EditionInfo, title: string, source: string): string {
  const licence = edition.licence.url
    ? `<a href="${xml(edition.licence.url)}">${xml(edition.licence.name)}</a>`
    : xml(edition.licence.name);
  const date = edition.published ? longDate(edition.published) : String(edition.publicationYear);
  const body = `<section epub:type="titlepage" aria-labelledby="book-title">
<h1 id="book-title">${xml(title)}</h1>
<p>${xml(edition.title)}</p>
<p>Published by ${xml(edition.publisher)}, ${xml(date)}. Covers events of ${xml(edition.periodCovered)}.</p>
<p>Licence: ${licence}</p>
<p>The text of this book is the text published at <a href="${xml(source)}">${xml(source)}</a>. Paragraphs are numbered as on the site; each number is a link to the paragraph’s permanent address.</p>
</section>`;
  return page(title, body);
}

/** The navigation document: the contents by country and theme. */
export function navXhtml(title: string, chapters: readonly EpubChapter[], single: boolean): string {
  const entries = chapters.map(({ data }) => {
    const file = chapterFile(data.country.slug);
    const themes = data.sections.map((s) => `<li><a href="${file}#${xml(s.theme)}">${xml(s.label)}</a></li>`).join('\n');
    return single ? themes : `<li><a href="${file}">${xml(data.country.name)}</a>\n<ol>\n${themes}\n</ol>\n</li>`;
  });
  const body = `<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-title">
<h1 id="toc-title">Contents</h1>
<ol>
<li><a href="title.xhtml">${xml(title)}</a></li>
${entries.join('\n')}
</ol>
</nav>`;
  return page(`Contents: ${title}`, body);
}

export const EPUB_CSS = `body { font-family: serif; line-height: 1.5; margin: 0 1em; }
h1, h2 { font-family: sans-serif; line-height: 1.2; }
h2 { margin-top: 2em; }
.meta { font-style: italic; }
p { margin: 0.75em 0; }
a.n { font-family: sans-serif; font-size: 0.8em; font-weight: bold; margin-right: 0.4em; text-decoration: none; }
.corrections { border-left: 3px solid #888; padding-left: 1em; list-style: none; }
`;
