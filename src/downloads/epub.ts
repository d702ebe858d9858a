/**
 * EPUB 3 books of a chapter or a whole edition, written with fflate: `mimetype` first and stored,
 * then the container, the package document, the navigation document, a title page and one XHTML
 * file per chapter. The bytes depend only on the content (every file is dated with the book's
 * modification date), so a rebuild of unchanged content gives the same file and the same hash.
 */
import { strToU8, type Zippable, zipSync } from 'fflate';
import { chapterFile, chapterXhtml, EPUB_CSS, type EpubChapter, navXhtml, titleXhtml, xml } from './epub-xhtml.ts';
import type { EditionInfo } from './schema.ts';

export interface EpubBook {
  edition: EditionInfo;
  /** The book's title ("Kazakhstan: Annual Review 2026"). */
  title: string;
  /** Where the book's text is published (the chapter or the edition); also its identifier. */
  source: string;
  chapters: readonly EpubChapter[];
}

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/**
 * When the book's text last changed: its newest correction, else the edition's publication day,
 * else 1 January of its year. Never the build's clock, so that the bytes stay reproducible.
 */
export function modifiedDate(book: EpubBook): string {
  const corrections = book.chapters.flatMap((c) => c.data.sections.flatMap((s) => s.corrections.map((x) => x.date)));
  const days = [book.edition.published ?? `${book.edition.publicationYear}-01-01`, ...corrections].sort();
  return days.at(-1) ?? `${book.edition.publicationYear}-01-01`;
}

function packageOpf(book: EpubBook, modified: string): string {
  const { edition } = book;
  const items = book.chapters.map(
    ({ data }, i) => `<item id="c${i + 1}" href="${chapterFile(data.country.slug)}" media-type="application/xhtml+xml"/>`,
  );
  const spine = book.chapters.map((_, i) => `<itemref idref="c${i + 1}"/>`);
  const rights = edition.licence.url ? `${edition.licence.name} (${edition.licence.url})` : edition.licence.name;
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="pub-id" xml:lang="en">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="pub-id">${xml(book.source)}</dc:identifier>
<dc:title>${xml(book.title)}</dc:title>
<dc:language>en</dc:language>
<dc:creator>${xml(edition.publisher)}</dc:creator>
<dc:publisher>${xml(edition.publisher)}</dc:publisher>
<dc:date>${xml(edition.published ?? String(edition.publicationYear))}</dc:date>
<dc:rights>${xml(rights)}</dc:rights>
<dc:source>${xml(book.source)}</dc:source>
<dc:description>${xml(`${edition.title}. Events of ${edition.periodCovered}.`)}</dc:description>
<meta property="dcterms:modified">${modified}T00:00:00Z</meta>
<meta property="schema:accessMode">textual</meta>
<meta property="schema:accessModeSufficient">textual</meta>
<meta property="schema:accessibilityFeature">structuralNavigation</meta>
<meta property="schema:accessibilityFeature">tableOfContents</meta>
<meta property="schema:accessibilityHazard">none</meta>
<meta property="schema:accessibilitySummary">Text only, with headings for every country and theme and a table of contents.</meta>
</metadata>
<manifest>
<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>
<item id="css" href="style.css" media-type="text/css"/>
${items.join('\n')}
</manifest>
<spine>
<itemref idref="title"/>
${spine.join('\n')}
</spine>
</package>
`;
}

/** The book as the bytes of an .epub file. */
export function epubBytes(book: EpubBook): Uint8Array {
  const modified = modifiedDate(book);
  const mtime = new Date(`${modified}T00:00:00Z`);
  // Links to a chapter page the book holds go to that chapter's file inside the book.
  const inBook = new Map(book.chapters.map(({ data }) => [data.url.replace(/#.*$/, ''), chapterFile(data.country.slug)]));
  const files: Zippable = {
    mimetype: [strToU8('application/epub+zip'), { level: 0, mtime }],
    'META-INF/container.xml': [strToU8(CONTAINER), { mtime }],
    'OEBPS/package.opf': [strToU8(packageOpf(book, modified)), { mtime }],
    'OEBPS/nav.xhtml': [strToU8(navXhtml(book.title, book.chapters, book.chapters.length === 1)), { mtime }],
    'OEBPS/title.xhtml': [strToU8(titleXhtml(book.edition, book.title, book.source)), { mtime }],
    'OEBPS/style.css': [strToU8(EPUB_CSS), { mtime }],
  };
  for (const chapter of book.chapters) {
    files[`OEBPS/${chapterFile(chapter.data.country.slug)}`] = [strToU8(chapterXhtml(book.edition, chapter, inBook)), { mtime }];
  }
  return zipSync(files, { level: 9 });
}
