/**
 * Site-internal paths, always with a trailing slash and under the configured base, so the site
 * works at the root of a host or under a sub-path such as /reports/.
 */
export function joinPath(base: string, ...segments: (string | number)[]): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = segments.map((s) => encodeURIComponent(String(s))).join('/');
  return rest ? `${prefix}${rest}/` : prefix;
}

/** The path of a chapter: /<edition>/<country>/. */
export function chapterPath(base: string, edition: string, country: string): string {
  return joinPath(base, edition, country);
}

/** A file under the base, such as `pdf/2026-kazakhstan.pdf` or `favicon.svg` (no trailing slash). */
export function filePath(base: string, file: string): string {
  return `${base.endsWith('/') ? base : `${base}/`}${file.replace(/^\/+/, '')}`;
}
