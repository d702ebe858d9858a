/**
 * The decisions made for each chapter before Chromium prints it, kept apart from the browser so
 * that they can be tested: whether the page's print stylesheet already draws the running header
 * and page numbers, and where the links of the printed document should lead.
 */

/** The paper margins used when the page's stylesheet sets none (it normally does, with @page). */
export const FALLBACK_MARGIN = { top: '20mm', right: '18mm', bottom: '22mm', left: '18mm' } as const;

export interface HeaderFooter {
  displayHeaderFooter: boolean;
  headerTemplate?: string;
  footerTemplate?: string;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// Templates are rendered apart from the page, without its styles: everything is inline.
const TEMPLATE_STYLE = "font: 9pt Georgia, 'Times New Roman', serif; color: #444; width: 100%; text-align: center;";
const EMPTY = '<span></span>';

/**
 * Chromium's header and footer templates, for the margin boxes the print stylesheet leaves empty.
 * `marginBoxes` are the @page margin boxes the page's stylesheets declare (`top-center`, …): where
 * the stylesheet draws the running header (top) or the page numbers (bottom), a template would
 * print them twice.
 */
export function headerFooter(marginBoxes: readonly string[], runningHead: string): HeaderFooter {
  const top = marginBoxes.some((box) => box.startsWith('top-'));
  const bottom = marginBoxes.some((box) => box.startsWith('bottom-'));
  if (top && bottom) return { displayHeaderFooter: false };
  return {
    displayHeaderFooter: true,
    headerTemplate: top ? EMPTY : `<div style="${TEMPLATE_STYLE}">${escapeHtml(runningHead)}</div>`,
    footerTemplate: bottom
      ? EMPTY
      : `<div style="${TEMPLATE_STYLE}"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`,
  };
}

/**
 * The address a link of the printed chapter should carry. The page is printed from a local
 * server, so a link to another page of the site would lead to 127.0.0.1 in the PDF: it is given
 * the site's public origin (from the page's canonical URL). A link within the page itself stays
 * as it is, so that Chromium makes it a link to that place in the PDF. Returns undefined when the
 * link needs no change.
 */
export function publicHref(href: string, pageUrl: string, canonical: string | undefined): string | undefined {
  let target: URL;
  let page: URL;
  try {
    target = new URL(href, pageUrl);
    page = new URL(pageUrl);
  } catch {
    return undefined;
  }
  if (target.origin !== page.origin || !canonical) return undefined;
  if (target.pathname === page.pathname && target.search === page.search && target.hash !== '') return undefined;
  const publicUrl = new URL(`${target.pathname}${target.search}${target.hash}`, new URL(canonical).origin).href;
  return publicUrl === target.href ? undefined : publicUrl;
}
