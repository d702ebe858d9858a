/**
 * Near-miss suggestions for content errors ("did you mean `freedom-of-association`?").
 * A plain edit distance is enough: the vocabularies are a few dozen slugs, and the typos
 * editors make are dropped, doubled or swapped letters.
 */

/** Levenshtein distance between two strings, counting insertions, deletions and substitutions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The allowed values closest to `input`, best first. Only values within a third of the
 * input's length count as near misses, so a wholly different word suggests nothing.
 */
export function closest(input: string, allowed: readonly string[], limit = 3): string[] {
  const needle = input.trim().toLowerCase();
  const budget = Math.max(2, Math.floor(needle.length / 3));
  return allowed
    .map((value) => ({ value, distance: editDistance(needle, value.toLowerCase()) }))
    .filter(({ distance }) => distance <= budget)
    .sort((x, y) => x.distance - y.distance || x.value.localeCompare(y.value))
    .slice(0, limit)
    .map(({ value }) => value);
}

/** " Did you mean `x`?" or "" — ready to append to an error message. */
export function didYouMean(input: string, allowed: readonly string[]): string {
  const [best] = closest(input, allowed, 1);
  return best ? ` Did you mean \`${best}\`?` : '';
}
