/**
 * The only code that must sit inline in every page's <head>, because it has to run or apply before
 * anything else. astro.config.mjs adds the hash of each to the Content-Security-Policy, so no
 * other inline code can run.
 */
import { createHash } from 'node:crypto';
import { COLOR_THEMES, THEME_STORAGE_KEY } from './constants.ts';

/**
 * The cascade layer order. The first mention of a layer fixes its place, and component
 * stylesheets load in an order of the bundler's choosing, so the order is declared before them.
 */
export const LAYER_ORDER_STYLE = '@layer reset, tokens, base, layout, components, utilities, print;';

/**
 * Applies the reader's saved theme before first paint (no flash of the other theme), and marks
 * <html class="js"> so controls that need scripts are shown only when scripts run.
 *
 * Written out from the shared constants rather than importing them, because it runs inline before
 * any module loads; the text is still fixed at build time, so its CSP hash (astro.config.mjs) is
 * computed from exactly what the page carries.
 */
const isKnownTheme = COLOR_THEMES.map((theme) => `t===${JSON.stringify(theme)}`).join('||');
export const THEME_INIT_SCRIPT =
  "(function(){var r=document.documentElement;r.classList.add('js');" +
  `try{var t=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)});if(${isKnownTheme})r.dataset.theme=t;}catch(e){}})();`;

/** The CSP source expression for an inline script or style: 'sha256-…'. */
export function cspHash(code: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(code).digest('base64')}`;
}
