/**
 * The sections a reader added to a bundle with "Add to bundle", kept in this tab's sessionStorage
 * (never a cookie, never sent anywhere), as `<edition>/<country>/<theme>` keys in the order added.
 */
import { BUNDLE_MAX_ITEMS, BUNDLE_STORAGE_KEY } from '../lib/constants.ts';

export function storedKeys(): string[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(BUNDLE_STORAGE_KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string').slice(0, BUNDLE_MAX_ITEMS) : [];
  } catch {
    return []; // storage refused (private mode, a policy) or mangled: start empty
  }
}

export function storeKeys(keys: readonly string[]): void {
  try {
    sessionStorage.setItem(BUNDLE_STORAGE_KEY, JSON.stringify(keys.slice(0, BUNDLE_MAX_ITEMS)));
  } catch {
    // Nowhere to keep it: the bundle page still works from its address.
  }
}
