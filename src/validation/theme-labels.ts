import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { contentPaths } from './paths.ts';

/**
 * Each theme's label by slug, read synchronously because Astro's config (which hands the labels to
 * the markdown plugins that name paragraph permalinks) is built before any content is loaded. An
 * unreadable file gives no labels here; content validation reports it with its line.
 */
export function readThemeLabels(file: string = contentPaths().themes): Record<string, string> {
  try {
    const themes = (parseYaml(readFileSync(file, 'utf8')) ?? {}) as Record<string, { label?: unknown } | null>;
    return Object.fromEntries(Object.entries(themes).map(([slug, theme]) => [slug, String(theme?.label ?? slug)]));
  } catch {
    return {};
  }
}
