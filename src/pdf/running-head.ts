/** A CSS string literal: quotes and backslashes escaped, line breaks removed. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n]+/g, ' ')}"`;
}

/**
 * The print-only stylesheet that puts a running header (country · edition) in the top margin of
 * every printed page. It is a file of its own per chapter because @page margin boxes cannot read
 * the page's text, and the Content-Security-Policy allows no inline styles.
 */
export function runningHeadCss(country: string, edition: string): string {
  return `@page {\n  @top-center {\n    content: ${cssString(`${country} · ${edition}`)};\n    font: 9pt Georgia, 'Times New Roman', serif;\n    color: #444;\n  }\n}\n`;
}
