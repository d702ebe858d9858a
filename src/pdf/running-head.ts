/** A CSS string literal: quotes and backslashes escaped, line breaks removed. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/** A chapter's running header on paper: "Kazakhstan · Annual Review 2026". */
export function runningHeadText(country: string, edition: string): string {
  return `${country} · ${edition}`;
}

/**
 * The print-only stylesheet that puts the running header in the top margin of every printed
 * page. It is a file of its own per chapter because @page margin boxes cannot read the page's
 * text, and the Content-Security-Policy allows no inline styles. Engines without margin boxes
 * (Firefox, WebKit) print the same words from the page instead (PrintTitle.astro, print.css).
 */
export function runningHeadCss(country: string, edition: string): string {
  return `@page {\n  @top-center {\n    content: ${cssString(runningHeadText(country, edition))};\n    font: 9pt Georgia, 'Times New Roman', serif;\n    color: #444;\n  }\n}\n`;
}
