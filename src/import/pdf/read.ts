/**
 * Reading a PDF's pages with PDF.js (through unpdf, which ships it with its worker inlined: no
 * native code, no request anywhere): every text run with its position, size and font, and every
 * link annotation with its rectangle and target. Nothing is interpreted here; layout.ts does that.
 */
import { getDocumentProxy } from 'unpdf';
import { ImportError } from '../errors.ts';

/** One run of text as PDF.js gives it, in PDF units from the page's bottom left. */
export interface TextRun {
  text: string;
  x: number;
  /** Baseline. */
  y: number;
  width: number;
  size: number;
  font: string;
}

export interface LinkArea {
  /** [x1, y1, x2, y2] */
  rect: [number, number, number, number];
  /** A web or mail address; undefined for a link within the document. */
  url?: string | undefined;
}

export interface PdfPage {
  /** 1-based page number in the file. */
  number: number;
  width: number;
  height: number;
  runs: TextRun[];
  links: LinkArea[];
}

/** Pages "80-92", "5" or "3-": which pages to read, checked against the file's page count. */
export function pageRange(spec: string | undefined, count: number): [number, number] {
  if (spec === undefined) return [1, count];
  const match = /^\s*(\d+)\s*(?:[-–]\s*(\d*)\s*)?$/.exec(spec);
  const first = Number(match?.[1]);
  const last = match?.[2] === undefined ? first : match[2] === '' ? count : Number(match[2]);
  if (!match || first < 1 || last < first || last > count) {
    throw new ImportError(`--pages "${spec}" is not a range of this PDF's pages (1 to ${count}), like --pages 80-92.`);
  }
  return [first, last];
}

/** Reads the pages of a PDF (all, or `pages`), calling `progress` after each. */
export async function readPdf(
  bytes: Uint8Array,
  file: string,
  options: { pages?: string | undefined; progress?: ((page: number, of: number) => void) | undefined } = {},
): Promise<{ pages: PdfPage[]; count: number }> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(bytes, { verbosity: 0 });
  } catch (error) {
    throw new ImportError(`${file} cannot be read as a PDF (${(error as Error).message}).`, undefined, { cause: error });
  }
  try {
    const [first, last] = pageRange(options.pages, pdf.numPages);
    const pages: PdfPage[] = [];
    for (let number = first; number <= last; number++) {
      const page = await pdf.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        runs.push({ text: item.str, x: x!, y: y!, width: item.width, size: Math.hypot(a!, b!), font: item.fontName });
      }
      const links: LinkArea[] = [];
      for (const annotation of await page.getAnnotations()) {
        if (annotation.subtype !== 'Link') continue;
        const url = typeof annotation.url === 'string' ? annotation.url : undefined;
        links.push({ rect: annotation.rect as [number, number, number, number], url });
      }
      pages.push({ number, width, height, runs, links });
      page.cleanup();
      options.progress?.(number - first + 1, last - first + 1);
    }
    return { pages, count: pdf.numPages };
  } finally {
    await pdf.cleanup();
    await pdf.loadingTask.destroy();
  }
}
