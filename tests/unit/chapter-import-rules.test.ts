/**
 * One small input per rule of the importer (issue 6), each checked on what a reader would see:
 * the sections' paragraphs as the site's MDX pipeline reads them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type ImportReport, importChapter } from '../../src/import/chapter.ts';
import { ImportError } from '../../src/import/errors.ts';
import type { Theme } from '../../src/schemas/theme.ts';
import { contentPaths } from '../../src/validation/paths.ts';
import { validateContent } from '../../src/validation/validate.ts';
import { renderSection } from '../fixtures/import/render.ts';
import { TRICKY_LINKS, TRICKY_PARAGRAPHS, trickyChapter } from '../fixtures/import/tricky.ts';

let themes: Theme[];
beforeAll(async () => {
  themes = (await validateContent(contentPaths('content'))).themes;
});

const run = (text: string, more: Partial<{ countryName: string; themes: Theme[] }> = {}) =>
  importChapter(text, { edition: '2026', country: 'kazakhstan', themes, ...more });

/** Each section's paragraphs as rendered, by theme; fails on any markup the text turned into. */
function read(report: ImportReport): Record<string, string[]> {
  return Object.fromEntries(
    report.sections.map((section) => {
      const rendered = renderSection(section.mdx);
      expect(rendered.foreign, section.mdx).toEqual([]);
      return [section.theme, rendered.paragraphs];
    }),
  );
}

function refusal(text: string): ImportError {
  try {
    run(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error('the import was not refused');
}

describe('theme headings', () => {
  it('are recognised whatever their case, spacing, dashes or "&"', () => {
    const report = run(
      [
        'BIAS–MOTIVATED SPEECH',
        'One.',
        'Freedom of expression',
        'Two.',
        '  EQUALITY   &   NON‑DISCRIMINATION  ',
        'Three.',
        'PARTICIPATION IN PUBLIC, CULTURAL, AND POLITICAL LIFE',
        'Four.',
        'human rights defenders',
        'Five.',
      ].join('\n\n'),
    );
    expect(read(report)).toEqual({
      'bias-motivated-speech': ['One.'],
      'freedom-of-expression': ['Two.'],
      'equality-and-non-discrimination': ['Three.'],
      'participation-in-public-cultural-and-political-life': ['Four.'],
      'human-rights-defenders': ['Five.'],
    });
  });

  it('are recognised by a theme’s aliases, and without a blank line before the text', () => {
    const withAlias = themes.map((t) => (t.slug === 'freedom-of-assembly' ? { ...t, aliases: ['Pride marches'] } : t));
    const report = run('PRIDE MARCHES\nThe march was banned.\nEDUCATION\nSchools were told.', { themes: withAlias });
    expect(read(report)).toEqual({ 'freedom-of-assembly': ['The march was banned.'], education: ['Schools were told.'] });
  });

  it('stop the import at one that names no theme, with its line and the closest themes', () => {
    const error = refusal('Kazakhstan\n\nEDUCATION\n\nText.\n\nFREEDOM OF ASOCIATION\n\nMore text.\n');
    expect(error.line).toBe(7);
    expect(error.message).toContain('"FREEDOM OF ASOCIATION"');
    expect(error.message).toMatch(/Closest: freedom-of-association, /);
  });

  it('report every unknown heading at once', () => {
    const error = refusal('LGBTI RIGHTS\n\nText.\n\nEDUCATION\n\nText.\n\nHATE SPEECH\n\nText.');
    expect(error.problems.map((p) => p.line)).toEqual([1, 9]);
    expect(error.message).toContain('"HATE SPEECH"');
  });

  it('merge a heading that occurs twice into one section, in source order', () => {
    const report = run('EDUCATION\n\nFirst.\n\nHEALTH\n\nOther.\n\nEDUCATION\n\nSecond.');
    expect(read(report)).toEqual({ education: ['First.', 'Second.'], health: ['Other.'] });
  });
});

describe('page breaks', () => {
  it('join a paragraph that stops mid-sentence to the next, and keep real paragraphs apart', () => {
    const report = run('EDUCATION\n\nIts support for the\n\nproposal was clear.\n\nA second paragraph.');
    expect(read(report).education).toEqual(['Its support for the proposal was clear.', 'A second paragraph.']);
    expect(report.paragraphsJoined).toBe(1);
  });

  it('near miss: a line in capitals that is no theme, inside a cut sentence, is text', () => {
    const report = run('EDUCATION\n\nThe partner was the Organisation for\n\nLGBT\n\nProtection in Almaty.');
    expect(read(report).education).toEqual(['The partner was the Organisation for LGBT Protection in Almaty.']);
  });

  it('near miss: a paragraph ending in an abbreviation continues only where the sentence does', () => {
    const report = run(
      'EDUCATION\n\nGroups such as ILGA, TGEU, etc.\n\nIn March, they met Dr.\n\nSekerbayeva and the U.S.\n\n' +
        'ambassador under Law No.\n\n12 of 2024.\n\nA last paragraph.',
    );
    expect(read(report).education).toEqual([
      'Groups such as ILGA, TGEU, etc.',
      'In March, they met Dr. Sekerbayeva and the U.S. ambassador under Law No. 12 of 2024.',
      'A last paragraph.',
    ]);
    expect(report.paragraphsJoined).toBe(3);
  });

  it('near miss: a line that is only a page number is left out, and listed in the report with its line', () => {
    const report = run('EDUCATION\n\nIts support for the\n\n14\n\nproposal was clear.\n\nIt passed.\n\n- 15 -\n\nIn May it failed.');
    expect(read(report).education).toEqual(['Its support for the proposal was clear.', 'It passed.', 'In May it failed.']);
    expect(report.changes.filter((c) => c.kind === 'page number').map((c) => [c.line, c.text])).toEqual([
      [5, '14'],
      [11, '- 15 -'],
    ]);
  });
});

describe('links', () => {
  it('turn "(See also under <Theme>)" into a link to that section of the chapter', () => {
    const report = run(
      'EDUCATION\n\nIt was denied. (See also under Human Rights Defenders)\n\nHUMAN RIGHTS DEFENDERS\n\nActivists were fined. (See also under Education and Health)',
    );
    const education = renderSection(report.sections[0]!.mdx);
    expect(education.links).toEqual([{ text: 'Human Rights Defenders', url: '#human-rights-defenders' }]);
    expect(education.paragraphs).toEqual(['It was denied. (See also under Human Rights Defenders)']);
    // Health has no section here, so only Education is linked, and the editor is told.
    expect(renderSection(report.sections[1]!.mdx).links).toEqual([{ text: 'Education', url: '#education' }]);
    expect(report.linksMade).toBe(2);
    expect(report.warnings.join('\n')).toMatch(/Health, which has no section in this chapter/);
  });

  it('keep Markdown links; publish an empty, "#" or unsafe one as its words and list it for an editor', () => {
    const report = run(
      'EDUCATION\n\nSee [the decree](https://example.org/decree_(2025)), the [charges](#), the [ruling]() and [this](javascript:alert(1)). ' +
        'An \\[escaped\\](bracket) is text.',
    );
    const [section] = report.sections;
    const rendered = renderSection(section!.mdx);
    expect(rendered.paragraphs).toEqual(['See the decree, the charges, the ruling and this. An [escaped](bracket) is text.']);
    expect(rendered.links).toEqual([{ text: 'the decree', url: 'https://example.org/decree_(2025)' }]);
    expect(section!.missingSources.map((m) => m.text)).toEqual(['charges', 'ruling', 'this']);
    expect(section!.mdx).toContain('missingSources:\n  - text: "charges"\n    note: "The source gave the link \\"charges\\" no target');
    expect(report).toMatchObject({ linksKept: 1, linksDropped: 3 });
    expect(report.warnings).toContain('line 3: the link "charges" had no usable target; published as plain text.');
  });
});

describe('text', () => {
  it('loses the export’s backslashes, line endings, byte-order mark and stray spaces, nothing else', () => {
    const report = run('\uFEFFEDUCATION\r\n\r\nAbout \\$2 million,  50\\% \t of it\u000C for the\r\nfund.  \r\n');
    expect(read(report).education).toEqual(['About $2 million, 50% of it for the fund.']);
  });

  it('keeps every quotation mark and every non-Latin letter exactly', () => {
    const words = 'He said “no”, ‘never’, «нет» and "LGBTI propaganda." — Қазақстан, ЛГБТ, әғқңөұүһі, café, cafe\u0301, 50\u00A0000 ₸.';
    expect(read(run(`EDUCATION\n\n${words}`)).education).toEqual([words]);
  });

  it('escapes everything MDX would read as code or markup, so it reads as written', () => {
    const paragraphs = [
      'A {props.children} and <Foo bar={1} /> and </div> and <!-- comment --> and `code` and ```fence```.',
      'import x from "y" is quoted from a leaflet.',
      'export const a = 1 too.',
      '# not a heading, *not emphasis*, _nor this_, ~~nor this~~, | a | b |, &amp; &#123; &copy.',
      '- not a list item.',
      '1. not a list either.',
      '> not a quote.',
      'See www.example.org\\<b and https://example.org/{x}, a@b.co<c and a lone backslash \\ here.',
      // Last: it ends no sentence, so a paragraph after it would be joined to it.
      '---',
    ];
    const report = run(`EDUCATION\n\n${paragraphs.join('\n\n')}`);
    expect(read(report).education).toEqual(paragraphs.map((p) => p.replace('\\<', '<')));
  });

  it('keeps the tricky fixture’s words, links and paragraphs exactly', () => {
    const report = run(trickyChapter(), { countryName: 'Kazakhstan' });
    expect(read(report)).toEqual(TRICKY_PARAGRAPHS);
    const links = report.sections.flatMap((s) => renderSection(s.mdx).links);
    expect(links).toContainEqual({ text: TRICKY_LINKS.source.text, url: TRICKY_LINKS.source.url });
    expect(links).toContainEqual({ text: TRICKY_LINKS.crossReference.text, url: TRICKY_LINKS.crossReference.fragment });
    expect(report).toMatchObject({ paragraphsJoined: 3, linksMade: 1, linksKept: 1, linksDropped: 1 });
  });
});

describe('what the import refuses', () => {
  it('empty input, and input with no theme heading', () => {
    expect(refusal('').message).toBe('the file has no text.');
    expect(refusal('\uFEFF \r\n\t\r\n').message).toBe('the file has no text.');
    expect(refusal('Kazakhstan\n\nSome text.').message).toMatch(/found no theme heading/);
  });

  it('text before the first heading other than a title, which would not be published', () => {
    const error = refusal('Kazakhstan\n\nAn introduction that belongs to no theme.\n\nEDUCATION\n\nText.');
    expect(error.line).toBe(1);
    expect(error.message).toMatch(/before the first theme heading .* would not be published/);
  });

  it('a chapter whose headings have no text, while an empty heading alone is only a warning', () => {
    expect(refusal('EDUCATION\n\nHEALTH\n').message).toMatch(/no heading has text/);
    const report = run('EDUCATION\n\nHEALTH\n\nText.');
    expect(report.sections.map((s) => s.theme)).toEqual(['health']);
    expect(report.warnings).toEqual(['line 1: the heading "EDUCATION" has no text under it; no section written.']);
  });

  it('warns when the title is not the country’s name', () => {
    const report = run('Kyrgyzstan\n\nEDUCATION\n\nText.', { countryName: 'Kazakhstan' });
    expect(report.warnings).toEqual(['line 1: the chapter\'s title "Kyrgyzstan" is not the country\'s name "Kazakhstan".']);
  });
});
