/**
 * The stable ids that citations point at. They depend only on the content (theme slug and the
 * paragraph's position in its section), never on layout, so a link cited in a court filing keeps
 * working when the design changes.
 */

/** The id of a section: its theme's slug. */
export function sectionId(theme: string): string {
  return theme;
}

/** The id of the n-th paragraph (1-based) of a section: `<theme>-<n>`. */
export function paragraphId(theme: string, n: number): string {
  return `${theme}-${n}`;
}
