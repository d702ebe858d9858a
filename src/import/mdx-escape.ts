/**
 * Escaping for the files the importer writes: text that MDX, CommonMark or GFM would read as
 * markup or code, link destinations, and the frontmatter's YAML strings.
 *
 * The text is testimony: every word, quotation mark and letter of the source is published as it
 * is. Anything MDX would read as markup or code is escaped, never removed.
 */

/** Characters CommonMark, GFM or MDX would read as markup anywhere in a line. */
const INLINE_MARKUP = /[\\`*_{}[\]<>|~#&]/g;

/**
 * Escapes what MDX would read as markup or code inside a line, so the text renders as itself.
 * CommonMark lets a backslash escape any ASCII punctuation; MDX adds braces and angle brackets.
 */
export function escapeInline(text: string): string {
  return (
    text
      .replace(INLINE_MARKUP, (char) => `\\${char}`)
      // A GFM autolink literal ("www.example.org", "https://…") swallows the backslashes after it,
      // so "www.example.org\<b" would open a JSX tag. An escaped ":" or "." stops the parser from
      // starting one; the words are unchanged (remark-gfm may still link the address, as text).
      .replace(/(https?)(:)/gi, '$1\\:')
      .replace(/(www)(\.)/gi, '$1\\.')
  );
}

/**
 * Escapes what MDX would read as a block at the start of a paragraph: list markers, thematic
 * breaks, and `import`/`export`, which would start JavaScript. Letters cannot be backslash-escaped,
 * so the first one becomes a character reference (`&#x69;mport` renders "import").
 */
export function escapeBlockStart(mdx: string): string {
  return mdx
    .replace(/^[-+=]/, (char) => `\\${char}`)
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^(?:import|export)/, (word) => `&#x${word.charCodeAt(0).toString(16)};${word.slice(1)}`);
}

/** Escapes a whole paragraph of plain text for MDX. */
export function escapeMdxText(text: string): string {
  return escapeBlockStart(escapeInline(text));
}

/** A link destination, escaped so that it ends where it should and holds no markup. */
export function escapeUrl(url: string): string {
  return url.replace(/[\\()<>{}[\]`&*_]/g, (char) => `\\${char}`);
}

/**
 * A YAML double-quoted scalar. JSON's string syntax is a subset of it, except for the few
 * characters YAML reads as line breaks or byte-order marks, which are escaped here.
 */
export function quoteYaml(value: string): string {
  return JSON.stringify(value).replace(
    /[\u007f-\u009f\u2028\u2029\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
