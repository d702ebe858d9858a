/**
 * What `npm run import` prints: the changes as a unified diff (for --dry-run), and the short
 * report of what was (or would be) written, joined, linked and warned about.
 */
import path from 'node:path';
import type { ChangeKind, FileChange } from './changes.ts';
import { unifiedDiff } from './diff.ts';
import type { ReviewOutcome } from './review.ts';
import type { ImportOutcome } from './run.ts';
import type { SourceChange } from './text-lines.ts';

/**
 * Every change as a unified diff. The source text is not shown line by line: it is the file the
 * editor just gave, so its size says enough.
 */
export function formatDiff(changes: readonly FileChange[]): string {
  return changes
    .map((c) => {
      if (c.kind === 'same') return '';
      if (Buffer.isBuffer(c.after) || Buffer.isBuffer(c.before)) {
        const size = (c.after as Buffer | undefined)?.length ?? 0;
        return `${c.kind === 'create' ? 'new' : 'replaced'}: ${c.path} (the source text as received, ${size} bytes)\n`;
      }
      return unifiedDiff(c.before as string | undefined, c.after as string | undefined, c.path);
    })
    .join('');
}

const plural = (n: number, word: string, many = `${word}s`) => `${n} ${n === 1 ? word : many}`;

/** The short report the command prints: what was (or would be) written, joins, links, warnings. */
export function formatOutcome(outcome: ImportOutcome, file: string): string {
  const { report } = outcome;
  const sections = outcome.changes.filter((c) => c.path.endsWith('.mdx'));
  const count = (kind: ChangeKind) => sections.filter((c) => c.kind === kind).length;
  const lines: string[] = [];
  const where = `${outcome.chapterDir}${path.sep}`;
  const unchanged = outcome.changes.every((c) => c.kind === 'same');
  if (outcome.written) lines.push(`Imported ${file} into ${where}`);
  else if (unchanged) lines.push(`Nothing to write: ${where} already holds this import of ${file}.`);
  else lines.push(`Dry run, nothing written. Importing ${file} would change ${where} as shown above.`);
  const verb = outcome.written || unchanged ? '' : ' (would be)';
  lines.push(
    `  ${plural(report.sections.length, 'section')}${verb}: ${count('create')} new, ${count('update')} changed, ` +
      `${count('same')} unchanged, ${count('delete')} removed`,
  );
  if (outcome.country.created) lines.push(`  new country ${outcome.country.name} added to countries.yaml${verb}`);
  if (outcome.editionCreated)
    lines.push(`  new edition ${outcome.edition} added to editions.yaml${verb}: check its summary and period there`);
  lines.push(`  ${plural(report.paragraphsJoined, 'paragraph')} joined across page breaks`);
  lines.push(
    `  ${plural(report.linksMade, 'cross-reference link')} made, ${plural(report.linksKept, 'source link')} kept, ` +
      `${plural(report.linksDropped, 'link')} dropped (listed under missingSources)`,
  );
  lines.push(...formatChanges(report.changes));
  lines.push(`  ${plural(report.warnings.length, 'warning')}${report.warnings.length ? ':' : ''}`);
  for (const warning of report.warnings) lines.push(`    ${warning}`);
  return lines.join('\n');
}

/** Where a change stands, as the file has it: page and line (a PDF's lines count from each page's top). */
export const where = (change: Pick<SourceChange, 'line' | 'page'>, paged = true) =>
  paged && change.page !== undefined ? `page ${change.page}, line ${change.line}` : `line ${change.line}`;

/**
 * Everything the reading left out or changed, so an editor can check it: a count per kind, then
 * each with its page and line.
 */
export function formatChanges(changes: readonly SourceChange[]): string[] {
  if (changes.length === 0) return ['  nothing left out or changed'];
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const paged = changes.some((c) => (c.page ?? 1) > 1);
  return [
    `  left out or changed: ${[...counts].map(([kind, n]) => `${n} × ${kind}`).join(', ')}`,
    ...changes.map((c) => `    ${where(c, paged)}: ${c.kind}: ${c.text}`),
  ];
}

/** The report of a PDF import: each chapter's report, then what stood before the first chapter, then a summary. */
export function formatReview(review: ReviewOutcome, file: string, seconds: number): string {
  const lines: string[] = [];
  for (const chapter of review.chapters) lines.push(`${chapter.country.name}:`, formatOutcome(chapter, file).replace(/^/gm, '  '));
  if (review.before.length) {
    const pages = [...new Set(review.before.map((c) => c.page))];
    lines.push(`Before the first chapter: ${plural(review.before.length, 'line')} left out (page ${pages.join(', ')}):`);
    for (const c of review.before) lines.push(`    ${where(c)}: ${c.text}`);
  }
  const sections = review.chapters.reduce((n, c) => n + c.report.sections.length, 0);
  const warnings = review.chapters.reduce((n, c) => n + c.report.warnings.length, 0);
  const verb = review.written
    ? 'Imported'
    : review.chapters.every((c) => c.changes.every((ch) => ch.kind === 'same'))
      ? 'Nothing to write for'
      : 'Dry run, nothing written:';
  lines.push(
    `${verb} ${plural(review.chapters.length, 'chapter')} (${plural(sections, 'section')}, ${plural(warnings, 'warning')}) ` +
      `from ${file}, ${review.pages.read} of ${review.pages.total} pages, in ${seconds.toFixed(1)} s.`,
  );
  return lines.join('\n');
}
