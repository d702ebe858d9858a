/**
 * Sets entries of a PDF's document information dictionary (Author, …) by an incremental update
 * (PDF 32000-1 §7.5.6): a new Info object, a one-entry cross-reference section and a trailer are
 * appended, and every byte Chromium wrote stays as it was. The structure tree that makes the PDF
 * tagged, the outline and the links cannot be disturbed, because nothing rewrites them.
 *
 * Chromium sets Title (from <title>) and Lang (from <html lang>) but offers no way to set Author,
 * and a general PDF library would re-serialise the whole file to add one string. This handles the
 * files Chromium's PDF backend (Skia) writes: a classic cross-reference table, no encryption. Any
 * other file is refused with a reason, never half-edited.
 */

const latin1 = new TextDecoder('latin1');

/** A PDF text string: a literal for printable ASCII, UTF-16BE with a byte order mark otherwise. */
export function pdfTextString(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return `(${text.replace(/[\\()]/g, '\\$&')})`;
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** The end of the PDF object that starts at `from` (a string, array, dictionary or plain token). */
function endOfValue(text: string, from: number): number {
  let at = from;
  let depth = 0;
  do {
    const c = text[at];
    if (c === undefined) throw new Error('The PDF dictionary ends before its value does.');
    if (c === '(') {
      // A literal string: balanced parentheses, backslash escapes.
      let nesting = 0;
      for (; at < text.length; at++) {
        const s = text[at];
        if (s === '\\') at++;
        else if (s === '(') nesting++;
        else if (s === ')' && --nesting === 0) break;
      }
      at++;
    } else if (text.startsWith('<<', at)) {
      depth++;
      at += 2;
    } else if (text.startsWith('>>', at)) {
      depth--;
      at += 2;
    } else if (c === '<') {
      at = text.indexOf('>', at) + 1;
      if (at === 0) throw new Error('A PDF hex string is not closed.');
    } else if (c === '[') {
      depth++;
      at++;
    } else if (c === ']') {
      depth--;
      at++;
    } else if (/\s/.test(c)) {
      at++;
    } else {
      // A name, number, boolean or null: up to the next delimiter (a name starts with its slash).
      at++;
      while (at < text.length && !/[\s()<>[\]{}/%]/.test(text[at]!)) at++;
      // An indirect reference `12 0 R` is one value.
      const reference = /^\s+\d+\s+R(?![^\s()<>[\]{}/%])/.exec(text.slice(at));
      if (depth === 0 && /^\d+$/.test(text.slice(from, at)) && reference) at += reference[0].length;
    }
  } while (depth > 0);
  return at;
}

/** The entries of a dictionary written `<< /Key value … >>`, in order, values as written. */
export function parseDictionary(text: string): [string, string][] {
  const open = text.indexOf('<<');
  if (open < 0) throw new Error('Expected a PDF dictionary.');
  const entries: [string, string][] = [];
  let at = open + 2;
  for (;;) {
    while (/\s/.test(text[at] ?? '')) at++;
    if (text.startsWith('>>', at)) return entries;
    if (text[at] !== '/') throw new Error(`Expected a key in the PDF dictionary at "${text.slice(at, at + 20)}".`);
    const keyEnd = endOfValue(text, at);
    const key = text.slice(at + 1, keyEnd);
    let valueStart = keyEnd;
    while (/\s/.test(text[valueStart] ?? '')) valueStart++;
    const valueEnd = endOfValue(text, valueStart);
    entries.push([key, text.slice(valueStart, valueEnd)]);
    at = valueEnd;
  }
}

interface Trailer {
  entries: Map<string, string>;
  /** Offset of the last cross-reference section. */
  startxref: number;
}

function readTrailer(text: string): Trailer {
  const startxrefAt = text.lastIndexOf('startxref');
  if (startxrefAt < 0) throw new Error('Not a PDF file: it has no startxref.');
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(startxrefAt))?.[1]);
  if (!Number.isInteger(startxref)) throw new Error('The PDF startxref offset is unreadable.');
  if (!text.startsWith('xref', startxref)) {
    throw new Error('The PDF uses a cross-reference stream, not a table; setting its metadata this way is not supported.');
  }
  const trailerAt = text.indexOf('trailer', startxref);
  if (trailerAt < 0) throw new Error('The PDF has no trailer after its cross-reference table.');
  const entries = new Map(parseDictionary(text.slice(trailerAt + 'trailer'.length)));
  if (entries.has('Encrypt')) throw new Error('The PDF is encrypted; its metadata cannot be set by appending plain text.');
  return { entries, startxref };
}

/** Where object `number` starts, by the cross-reference table chain (newest section first). */
function objectOffset(text: string, number: number, startxref: number): number | undefined {
  let section: number | undefined = startxref;
  const seen = new Set<number>();
  while (section !== undefined && !seen.has(section)) {
    seen.add(section);
    const trailerAt = text.indexOf('trailer', section);
    const table = text.slice(section + 'xref'.length, trailerAt);
    const lines = table
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    for (let i = 0; i < lines.length; ) {
      const [first, count] = lines[i]!.split(/\s+/).map(Number) as [number, number];
      if (number >= first && number < first + count) {
        const [offset, , kind] = lines[i + 1 + number - first]!.split(/\s+/);
        return kind === 'n' ? Number(offset) : undefined;
      }
      i += 1 + count;
    }
    const prev = new Map(parseDictionary(text.slice(trailerAt + 'trailer'.length))).get('Prev');
    section = prev === undefined ? undefined : Number(prev);
  }
  return undefined;
}

/**
 * The PDF with `entries` set in its information dictionary (existing entries kept, the named ones
 * replaced), as an incremental update appended to the original bytes.
 */
export function setInfo(pdf: Uint8Array, entries: Record<string, string>): Uint8Array {
  const text = latin1.decode(pdf);
  const trailer = readTrailer(text);
  const size = Number(trailer.entries.get('Size'));
  const root = trailer.entries.get('Root');
  if (!Number.isInteger(size) || !root) throw new Error('The PDF trailer lacks its Size or Root.');

  let info: [string, string][] = [];
  let objectNumber = size;
  let generation = 0;
  const reference = /^(\d+)\s+(\d+)\s+R$/.exec(trailer.entries.get('Info') ?? '');
  if (reference) {
    objectNumber = Number(reference[1]);
    generation = Number(reference[2]);
    const offset = objectOffset(text, objectNumber, trailer.startxref);
    if (offset === undefined) throw new Error(`The PDF's Info object ${objectNumber} is not in its cross-reference table.`);
    const header = new RegExp(`^${objectNumber}\\s+${generation}\\s+obj\\b`).exec(text.slice(offset, offset + 40));
    if (!header) throw new Error(`The PDF's cross-reference table does not point at its Info object ${objectNumber}.`);
    info = parseDictionary(text.slice(offset + header[0].length));
  }
  const replaced = new Set(Object.keys(entries));
  const dictionary = [
    ...info.filter(([key]) => !replaced.has(key)).map(([key, value]) => `/${key} ${value}`),
    ...Object.entries(entries).map(([key, value]) => `/${key} ${pdfTextString(value)}`),
  ];

  const lead = text.endsWith('\n') ? '' : '\n';
  const objectAt = pdf.length + lead.length;
  const object = `${objectNumber} ${generation} obj\n<<${dictionary.join('\n')}>>\nendobj\n`;
  const xrefAt = objectAt + object.length;
  const trailerEntries = [
    `/Size ${Math.max(size, objectNumber + 1)}`,
    `/Root ${root}`,
    `/Info ${objectNumber} ${generation} R`,
    `/Prev ${trailer.startxref}`,
    ...(trailer.entries.has('ID') ? [`/ID ${trailer.entries.get('ID')}`] : []),
  ];
  const update =
    `${lead}${object}xref\n${objectNumber} 1\n${String(objectAt).padStart(10, '0')} ${String(generation).padStart(5, '0')} n \n` +
    `trailer\n<<${trailerEntries.join('\n')}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the range \x00-\x7f is ASCII, meant.
  if (!/^[\x00-\x7f]*$/.test(update)) throw new Error('PDF metadata must be written as ASCII.');
  const result = new Uint8Array(pdf.length + update.length);
  result.set(pdf);
  result.set(new TextEncoder().encode(update), pdf.length);
  return result;
}
