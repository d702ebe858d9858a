/**
 * Variant spellings of names (content/transliterations.yaml), as pure functions shared by the
 * indexer and the search box in the browser. No imports: this file is bundled into client code.
 */

/** A group of spellings of one name, as the browser receives it. */
export interface Spellings {
  readonly spellings: readonly string[];
}

/**
 * The form in which words are compared: lower case, without accents, the way Pagefind matches
 * by default, so "Mäjilis" and "majilis" are one word.
 */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLocaleLowerCase('en');
}

/** The words of a text, split the way a reader would: runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The groups that have at least one spelling among the words of `text`. */
export function groupsUsedIn<G extends Spellings>(text: string, groups: readonly G[]): G[] {
  const words = new Set(wordsOf(text).map(normalizeWord));
  return groups.filter((group) => group.spellings.some((s) => words.has(normalizeWord(s))));
}

/**
 * The query's words followed by every other spelling of those that have variants, without
 * repeats: what the chapter page should highlight when a reader arrives from a result.
 */
export function withVariants(query: string, groups: readonly Spellings[]): string[] {
  const terms: string[] = [];
  const seen = new Set<string>();
  const add = (word: string) => {
    const key = normalizeWord(word);
    if (key && !seen.has(key)) {
      seen.add(key);
      terms.push(word);
    }
  };
  query.split(/\s+/).filter(Boolean).forEach(add);
  // Variants are looked up by word, so "Mazhilis," or "(Mazhilis" still count.
  for (const word of wordsOf(query)) {
    const key = normalizeWord(word);
    for (const group of groups) {
      if (group.spellings.some((s) => normalizeWord(s) === key)) group.spellings.forEach(add);
    }
  }
  return terms;
}

/**
 * The spellings a text does not use, of the names it does mention: what the index must add to
 * a section so that searching any spelling finds it. Spellings already in the text are left
 * out so that they are not counted twice in the ranking.
 */
export function missingSpellings(text: string, groups: readonly Spellings[]): string[] {
  const words = new Set(wordsOf(text).map(normalizeWord));
  return groupsUsedIn(text, groups).flatMap((group) => group.spellings.filter((s) => !words.has(normalizeWord(s))));
}
