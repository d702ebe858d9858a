import { describe, expect, it } from 'vitest';
import {
  continues,
  endsSentence,
  isHeading,
  isPageNumber,
  normaliseSource,
  parseChapter,
  sentences,
  unescapeExport,
} from '../../src/import/source-text.ts';

describe('reading text exported from the PDF', () => {
  it('recognises headings in capitals, including commas and hyphens', () => {
    expect(isHeading('BIAS-MOTIVATED SPEECH')).toBe(true);
    expect(isHeading('BIAS–MOTIVATED\tSPEECH')).toBe(true);
    expect(isHeading('EQUALITY & NON‑DISCRIMINATION')).toBe(true);
    expect(isHeading('NO.')).toBe(false);
    expect(isHeading('PARTICIPATION IN PUBLIC, CULTURAL, AND POLITICAL LIFE')).toBe(true);
    expect(isHeading('Kazakhstan')).toBe(false);
    expect(isHeading('In 2024, the USAID (KNB) said.')).toBe(false);
  });

  it('joins a paragraph that a page break split mid-sentence, even before a capital', () => {
    const chapter = parseChapter(
      'EDUCATION\n\nThe ministries indicated their support for the\n\nproposal and signalled it.\n\n' +
        'The partner was the Organisation for LGBT\n\nProtection. Further details emerged.\n\nA real second paragraph.',
    );
    expect(chapter.headings[0]?.paragraphs.map((p) => p.text)).toEqual([
      'The ministries indicated their support for the proposal and signalled it.',
      'The partner was the Organisation for LGBT Protection. Further details emerged.',
      'A real second paragraph.',
    ]);
    expect(chapter.headings[0]?.paragraphs.map((p) => p.joins)).toEqual([1, 1, 0]);
  });

  it('treats a closing cross-reference as the end of a paragraph', () => {
    expect(endsSentence('It was denied. (See also under Human Rights Defenders)')).toBe(true);
    expect(endsSentence('what he described as "LGBTI propaganda."')).toBe(true);
    expect(endsSentence('Several ministries publicly indicated their support for the')).toBe(false);
  });

  it('keeps repeated headings apart, in source order, and the title before them', () => {
    const chapter = parseChapter('\n\nKazakhstan\n\nFREEDOM OF ASSOCIATION\n\nOne.\n\nFREEDOM OF ASSOCIATION\n\nTwo.\n');
    expect(chapter.title).toBe('Kazakhstan');
    expect(chapter.headings.map((h) => [h.text, h.line, h.paragraphs[0]?.text])).toEqual([
      ['FREEDOM OF ASSOCIATION', 5, 'One.'],
      ['FREEDOM OF ASSOCIATION', 9, 'Two.'],
    ]);
  });

  it('normalises CRLF line endings and a byte-order mark', () => {
    const chapter = parseChapter('\uFEFFEDUCATION\r\n\r\nA sentence.\r\n');
    expect(chapter.headings[0]?.paragraphs[0]?.text).toBe('A sentence.');
  });

  it('unescapes the export’s backslashes and nothing else', () => {
    expect(unescapeExport('about \\$2 million')).toBe('about $2 million');
    expect(unescapeExport('a \\ b')).toBe('a \\ b');
    // As in CommonMark: a backslash escapes ASCII punctuation only.
    expect(unescapeExport('50\\% \\<b\\> \\\\ C:\\Users \\Қ')).toBe('50% <b> \\ C:\\Users \\Қ');
  });

  it('decides across a page break whether the next block continues the paragraph', () => {
    expect(continues('their support for the', 'Proposal')).toBe(true);
    expect(continues('It passed.', 'In May')).toBe(false);
    expect(continues('they met Dr.', 'Sekerbayeva')).toBe(true);
    expect(continues('under Law No.', '12 of 2024')).toBe(true);
    expect(continues('the answer was No.', 'In May')).toBe(false);
    expect(continues('in the U.S.', 'administration')).toBe(true);
    expect(continues('in the U.S.', 'In May')).toBe(false);
    expect(continues('ILGA, TGEU, etc.', 'In March')).toBe(false);
  });

  it('knows a page number from a number in the text', () => {
    for (const page of ['14', '- 14 -', 'Page 14', '14 / 230', '14 of 230']) expect(isPageNumber(page), page).toBe(true);
    for (const text of ['14.', '393,000', 'In 2025', '2025 was a year']) expect(isPageNumber(text), text).toBe(false);
  });

  it('reads form feeds and Unicode line separators as line breaks and drops control characters', () => {
    expect(normaliseSource('\uFEFFa\u000Cb\u2028c\u0000d\u0007e \u00A0\r\nf')).toBe('a\nb\nc' + 'de\nf');
  });

  it('splits sentences after terminal punctuation and closing quotes', () => {
    expect(sentences('He spoke of "LGBTI propaganda." At the same time, petitions grew. (See also under Education)')).toEqual([
      'He spoke of "LGBTI propaganda."',
      'At the same time, petitions grew.',
      '(See also under Education)',
    ]);
    expect(sentences('In 2024, 67.3% agreed. On 12 November, it passed.')).toEqual([
      'In 2024, 67.3% agreed.',
      'On 12 November, it passed.',
    ]);
  });
});
