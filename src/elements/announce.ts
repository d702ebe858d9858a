import { LIVE_ANNOUNCER_ID } from '../lib/constants.ts';

/**
 * Tells screen-reader users what just happened ("Link copied"), through the page's one polite
 * live region (rendered by BaseLayout, so it exists before anything is announced).
 */
export function announce(message: string): void {
  const region = document.getElementById(LIVE_ANNOUNCER_ID);
  if (!region) return;
  // Clearing first makes the same message ("Link copied") be read again on a second copy.
  region.textContent = '';
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/**
 * Copies text with the Clipboard API. Where that is unavailable or refused (an insecure origin,
 * an old browser, a denied permission), shows the text selected in a field next to `near`, so
 * the reader can copy it with their own keys.
 */
export async function copyText(text: string, near: Element, what: string): Promise<void> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(text);
    announce(`${what} copied`);
  } catch {
    let field = near.parentElement?.querySelector<HTMLInputElement>('input.copy-fallback');
    if (!field) {
      field = document.createElement('input');
      field.className = 'copy-fallback';
      field.readOnly = true;
      field.setAttribute('aria-label', `${what} to copy`);
      near.insertAdjacentElement('afterend', field);
    }
    field.value = text;
    field.focus();
    field.select();
    announce(`${what} selected: press Control C or Command C to copy it`);
  }
}
