/**
 * Turns a chapter's plain text (as exported from the published PDF) into one MDX section per
 * theme. Pure: no file access, so the CLI, the tests and the fidelity check share it.
 *
 * Two steps, so that the command reads the text once: `parseSource` reads the headings and
 * paragraphs (the command takes the chapter's title from it to name a new country), and
 * `convertChapter` checks them and writes the sections. `importChapter` does both, for callers
 * with the text alone. The escaping lives in mdx-escape.ts, links and cross-references in links.ts.
 */

import { editDistance } from '../lib/suggest.ts';
import { matchTheme, slugify } from '../lib/themes.ts';
import type { Theme } from '../schemas/theme.ts';
import { ImportError } from './errors.ts';
import { type MissingSource, paragraphToMdx } from './links.ts';
import { refuseLookalikeHeadings } from './lookalikes.ts';
import { quoteYaml } from './mdx-escape.ts';
import { endsSentence, type ParseOptions, parseChapter, type SourceChapter, type SourceParagraph } from './source-text.ts';
import type { SourceChange } from './text-lines.ts';

// src/quality/synthetic.ts builds its test chapters with the importer's escaping, imported from here.
export { escapeMdxText } from './mdx-escape.ts';

export interface ImportedSection {
  theme: string;
  /** The MDX file's full text, frontmatter included. */
  mdx: string;
  paragraphs: number;
  missingSources: MissingSource[];
}

export interface ImportReport {
  /** The line before the first heading (usually the country's name), if any. */
  title?: string | undefined;
  sections: ImportedSection[];
  paragraphsJoined: number;
  /** Cross-references ("See also under …") turned into links to a section of the chapter. */
  linksMade: number;
  /** Source links kept as links. */
  linksKept: number;
  /** Links without a usable target, published as plain text and listed under missingSources. */
  linksDropped: number;
  warnings: string[];
  /** Everything left out of the text or changed in it (running headers, page numbers, hyphens…), with its line. */
  changes: SourceChange[];
}

function frontmatter(edition: string, country: string, theme: string, missing: MissingSource[]): string {
  const lines = ['---', `edition: ${edition}`, `country: ${country}`, `theme: ${theme}`];
  if (missing.length) {
    lines.push('missingSources:');
    for (const source of missing) {
      lines.push(`  - text: ${quoteYaml(source.text)}`, `    note: ${quoteYaml(source.note)}`);
    }
  }
  lines.push('---');
  return lines.join('\n');
}

/** The allowed themes closest to a heading, best first, by edit distance to slug, label or alias. */
export function closestThemes(heading: string, themes: readonly Theme[], limit = 3): string[] {
  const wanted = slugify(heading);
  return themes
    .map((theme) => ({
      slug: theme.slug,
      distance: Math.min(...[theme.slug, slugify(theme.label), ...theme.aliases.map(slugify)].map((name) => editDistance(wanted, name))),
    }))
    .sort((a, b) => a.distance - b.distance || a.slug.localeCompare(b.slug))
    .slice(0, limit)
    .map((t) => t.slug);
}

export interface ImportOptions {
  edition: string;
  /** The country's slug, written into each section's frontmatter. */
  country: string;
  /** The country's name, to check the chapter's title line against. */
  countryName?: string | undefined;
  /** missingSources from the chapter already published, kept (by theme) while their words are in the section. */
  keepMissingSources?: ReadonlyMap<string, readonly MissingSource[]> | undefined;
  themes: readonly Theme[];
}

/** A chapter's text, read once: what `convertChapter` turns into sections. */
export interface ParsedChapter {
  source: SourceChapter;
  /** The vocabulary its headings were read with; the conversion matches them against the same. */
  themes: readonly Theme[];
}

/**
 * Reads a chapter's headings and paragraphs. A line names a theme (and so is a heading in any
 * case) by the vocabulary `themes`. Never throws: what cannot be published is refused by
 * `convertChapter`.
 */
export function parseSource(
  text: string,
  themes: readonly Theme[],
  more: Pick<ParseOptions, 'isCountry' | 'dictionary' | 'phrases' | 'layout'> = {},
): ParsedChapter {
  refuseLookalikeHeadings(text.split(/\r\n|\r|\n/));
  return {
    source: parseChapter(text, { isTheme: (heading) => matchTheme(heading, themes) !== undefined, ...more }),
    themes,
  };
}

/** Reads and converts a whole chapter in one call: `convertChapter(parseSource(text, themes))`. */
export function importChapter(text: string, options: ImportOptions): ImportReport {
  return convertChapter(parseSource(text, options.themes), options);
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}…` : text);

/**
 * Converts a parsed chapter. Throws ImportError, with the line, when the text cannot be published
 * faithfully: a heading names no theme, text stands before the first heading, or there is no
 * text at all. Everything else it can fix is fixed and reported in `warnings`.
 */
export function convertChapter(parsed: ParsedChapter, options: Omit<ImportOptions, 'themes'>): ImportReport {
  const { source: chapter, themes } = parsed;
  const warnings: string[] = [];
  for (const change of chapter.changes) if (change.note) warnings.push(`line ${change.line}: ${change.note}`);

  if (chapter.headings.length === 0) {
    throw new ImportError(
      chapter.preamble.length === 0
        ? 'the file has no text.'
        : 'found no theme heading (a line in capitals such as "FREEDOM OF EXPRESSION"); nothing to import.',
    );
  }

  // Every unknown heading at once, so an editor fixes them in one go.
  const unknown = chapter.headings
    .filter((heading) => !matchTheme(heading.text, themes))
    .map((heading) => ({
      line: heading.line,
      message:
        `the heading "${heading.text}" names no theme of the vocabulary. ` +
        `Closest: ${closestThemes(heading.text, themes).join(', ')}. ` +
        'If it is another name for one of them, add it to that theme’s `aliases` in content/themes.yaml.',
    }));
  if (unknown.length) {
    const message = unknown.length === 1 ? unknown[0]!.message : unknown.map((p) => `line ${p.line}: ${p.message}`).join('\n');
    throw new ImportError(message, unknown[0]!.line, { problems: unknown });
  }

  // The text before the first heading is the chapter's title; anything more would be lost.
  const [first, ...more] = chapter.preamble;
  if (first && (more.length > 0 || first.text.length > 80 || endsSentence(first.text))) {
    throw new ImportError(
      `the text before the first theme heading ("${excerpt(chapter.title ?? '')}") is not a title, and would not be published. ` +
        'Move it under a theme heading, or delete it if it is not part of the chapter.',
      first.line,
    );
  }
  if (first && options.countryName && slugify(first.text) !== slugify(options.countryName)) {
    warnings.push(`line ${first.line}: the chapter's title "${first.text}" is not the country's name "${options.countryName}".`);
  }

  // Headings that occur twice become one section, their paragraphs in source order.
  const byTheme = new Map<string, { theme: Theme; line: number; text: string; paragraphs: SourceParagraph[] }>();
  for (const heading of chapter.headings) {
    const theme = matchTheme(heading.text, themes)!;
    const section = byTheme.get(theme.slug) ?? { theme, line: heading.line, text: heading.text, paragraphs: [] };
    byTheme.set(theme.slug, section);
    section.paragraphs.push(...heading.paragraphs);
  }
  for (const [slug, section] of byTheme) {
    if (section.paragraphs.length > 0) continue;
    warnings.push(`line ${section.line}: the heading "${section.text}" has no text under it; no section written.`);
    byTheme.delete(slug);
  }
  if (byTheme.size === 0) throw new ImportError('no heading has text under it; nothing to import.', chapter.headings[0]!.line);

  const present = new Set(byTheme.keys());
  const report: ImportReport = {
    title: chapter.title,
    sections: [],
    paragraphsJoined: 0,
    linksMade: 0,
    linksKept: 0,
    linksDropped: 0,
    warnings,
    changes: chapter.changes,
  };
  for (const [slug, section] of byTheme) {
    const paragraphs: string[] = [];
    const missing: MissingSource[] = [];
    for (const paragraph of section.paragraphs) {
      report.paragraphsJoined += paragraph.joins;
      const context = { themes, present, warnings, line: paragraph.line };
      const result = paragraphToMdx(paragraph.text, context);
      report.linksMade += result.linksMade;
      report.linksKept += result.linksKept;
      report.linksDropped += result.dropped.length;
      for (const dropped of result.dropped) {
        warnings.push(`line ${paragraph.line}: the link "${dropped.text}" had no usable target; published as plain text.`);
      }
      paragraphs.push(result.mdx);
      missing.push(...result.dropped);
    }
    for (const kept of options.keepMissingSources?.get(slug) ?? []) {
      const stillThere = section.paragraphs.some((p) => p.text.includes(kept.text));
      if (stillThere && !missing.some((m) => m.text === kept.text)) missing.push(kept);
    }
    const last = section.paragraphs.at(-1)!;
    if (!endsSentence(last.text)) {
      warnings.push(`line ${last.line}: the last paragraph of "${section.text}" does not end a sentence; check that no text is missing.`);
    }
    report.sections.push({
      theme: slug,
      mdx: `${frontmatter(options.edition, options.country, slug, missing)}\n\n${paragraphs.join('\n\n')}\n`,
      paragraphs: paragraphs.length,
      missingSources: missing,
    });
  }
  // In source order, so an editor can walk down the file; general remarks first.
  const lineOf = (warning: string) => Number(/^line (\d+):/.exec(warning)?.[1] ?? 0);
  warnings.sort((a, b) => lineOf(a) - lineOf(b));
  return report;
}
