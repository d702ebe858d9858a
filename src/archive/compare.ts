/**
 * Word-level comparison of one section in two editions, paragraph by paragraph, with jsdiff. The
 * result is data (runs of kept, added and removed words) that the compare page renders as two
 * columns: removed words marked in the older, added words in the newer. Pure: the page and the
 * browser (<compare-view>, for a pair the reader picks) share it.
 */
import { diffWordsWithSpace } from 'diff';

export type Run = { text: string; change: 'same' | 'added' | 'removed' };

export interface ParagraphPair {
  /** The paragraph's number in each edition (they differ when paragraphs were added or removed). */
  older?: { n: number; runs: Run[] } | undefined;
  newer?: { n: number; runs: Run[] } | undefined;
}

/**
 * Pairs paragraph n with paragraph n: the sections of a country on a theme are written anew each
 * year, so there is no reliable alignment beyond position; a paragraph with no counterpart is
 * wholly added or removed.
 */
export function compareParagraphs(older: readonly string[], newer: readonly string[]): ParagraphPair[] {
  const pairs: ParagraphPair[] = [];
  for (let i = 0; i < Math.max(older.length, newer.length); i++) {
    const a = older[i];
    const b = newer[i];
    if (a === undefined) pairs.push({ newer: { n: i + 1, runs: [{ text: b!, change: 'added' }] } });
    else if (b === undefined) pairs.push({ older: { n: i + 1, runs: [{ text: a, change: 'removed' }] } });
    else {
      const changes = diffWordsWithSpace(a, b);
      pairs.push({
        older: { n: i + 1, runs: changes.filter((c) => !c.added).map((c) => ({ text: c.value, change: c.removed ? 'removed' : 'same' })) },
        newer: { n: i + 1, runs: changes.filter((c) => !c.removed).map((c) => ({ text: c.value, change: c.added ? 'added' : 'same' })) },
      });
    }
  }
  return pairs;
}

/** How much changed, for the page's summary: words added and removed. */
export function changeCounts(pairs: readonly ParagraphPair[]): { added: number; removed: number } {
  const words = (runs: Run[] | undefined, change: Run['change']) =>
    (runs ?? []).filter((r) => r.change === change).reduce((n, r) => n + (r.text.match(/\S+/g)?.length ?? 0), 0);
  return {
    added: pairs.reduce((n, p) => n + words(p.newer?.runs, 'added'), 0),
    removed: pairs.reduce((n, p) => n + words(p.older?.runs, 'removed'), 0),
  };
}
