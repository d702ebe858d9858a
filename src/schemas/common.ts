import { z } from 'astro/zod';

/** Slugs appear in URLs and element ids, so they stay lower-case ASCII with single hyphens. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugKey(what: string) {
  return z.string().regex(SLUG_PATTERN, {
    error: `${what} must be lower-case letters, digits and single hyphens (like "freedom-of-association").`,
  });
}

/** Non-empty text with surrounding whitespace removed. */
export function text(what: string) {
  return z
    .string({ error: `${what} must be text.` })
    .trim()
    .min(1, { error: `${what} must not be empty.` });
}

/**
 * A calendar date written YYYY-MM-DD. YAML readers differ (some give a Date for an unquoted date,
 * some a string), so both are accepted and the result is always the ISO string.
 */
export function isoDate(what: string) {
  return z
    .union([z.date(), z.string()], { error: `${what} must be a date written YYYY-MM-DD, like 2026-03-01.` })
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value.trim()))
    .pipe(z.iso.date({ error: `${what} must be a date written YYYY-MM-DD, like 2026-03-01.` }));
}
