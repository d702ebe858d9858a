/**
 * The element id a URL fragment names. Fragments arrive percent-encoded, and a mistyped or
 * truncated link can hold an invalid escape (`#%E0`), on which decodeURIComponent throws: such
 * a fragment is taken as written rather than breaking the page's scripts.
 */
export function fragmentId(hash: string): string {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
