/**
 * A bundle's selection: `s=<edition>/<country>/<theme>,…` in the bundle's address, in the order
 * the reader chose. Parsed here, for the page and the PDF job alike: unknown or malformed items are
 * named (the rest still shows), duplicates kept once, and too long a list refused. Pure: the
 * browser and Node share it.
 */
import { BUNDLE_MAX_ITEMS } from '../lib/constants.ts';

/** One section of the report, as the bundle's index of sections lists it (src/pages/bundle/sections.json.ts). */
export interface BundleSection {
  /** `2026/kazakhstan/education` */
  key: string;
  edition: string;
  country: string;
  countryName: string;
  theme: string;
  themeLabel: string;
  /** The section's own page, under the site's base: /2026/kazakhstan/education/ */
  page: string;
}

export interface Selection {
  /** The sections to show, in order, each once. */
  sections: BundleSection[];
  /** Sentences about what was left out, one per problem: "2026/atlantis/education is not in this report." */
  problems: string[];
}

const ITEM = /^\d{4}\/[a-z0-9]+(?:-[a-z0-9]+)*\/[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Reads `s` against the sections that exist. */
export function parseSelection(s: string, known: ReadonlyMap<string, BundleSection>): Selection {
  const items = s
    .split(',')
    .map((item) => item.trim().replace(/^\/+|\/+$/g, ''))
    .filter(Boolean);
  if (items.length > BUNDLE_MAX_ITEMS) {
    return {
      sections: [],
      problems: [
        `This bundle lists ${items.length} sections; a bundle holds at most ${BUNDLE_MAX_ITEMS}. Choose fewer, or use the edition's PDF or data files.`,
      ],
    };
  }
  const sections: BundleSection[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) continue;
    seen.add(item);
    const shown = item.length > 80 ? `${item.slice(0, 77)}…` : item;
    if (!ITEM.test(item)) {
      problems.push(`“${shown}” is not a section address: write <edition>/<country>/<theme>, like 2026/kazakhstan/education.`);
      continue;
    }
    const section = known.get(item);
    if (section) sections.push(section);
    else problems.push(`${shown} is not in this report.`);
  }
  return { sections, problems };
}

/** The `s` value for sections, in order. */
export function selectionParam(sections: readonly Pick<BundleSection, 'key'>[]): string {
  return sections.map((s) => s.key).join(',');
}
