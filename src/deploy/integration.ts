/**
 * The deploy kit's part of the build (last in astro.config.mjs's integrations, after the pages are
 * final):
 *
 * - at config time, checks that astro.config.mjs's page CSP has the directives src/deploy/headers.ts
 *   puts in the header, so the two policies cannot drift apart;
 * - after the build, checks that every executable inline <script> and every <style> of every page
 *   is allowed by the header CSP (else that header would block it), writes `_headers` (Netlify,
 *   Cloudflare Pages) and the .gz and .br copies of the text files, and prints one line on each.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { buildCacheRoot, FileCache } from '../build-cache/cache.ts';
import { cspHash } from '../lib/inline-code.ts';
import {
  FIXED_SCRIPT_HASHES,
  FIXED_STYLE_HASHES,
  headerOptionsFromEnv,
  PAGE_CSP_DIRECTIVES,
  SCRIPT_RESOURCES,
  STYLE_RESOURCES,
} from './headers.ts';
import { describeSummary, precompress } from './precompress.ts';
import { renderHeadersFile } from './render.ts';

/** How the page CSP of astro.config.mjs differs from the header's definition; [] when it does not. */
export function cspDifferences(csp: AstroConfig['security']['csp']): string[] {
  if (!csp || csp === true) return ['astro.config.mjs has no security.csp object: the pages carry no policy of their own.'];
  const problems: string[] = [];
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);
  const directives = (csp.directives ?? []).map(String);
  if (!same(directives, PAGE_CSP_DIRECTIVES))
    problems.push(`security.csp.directives are [${directives.join('; ')}], the header's are [${PAGE_CSP_DIRECTIVES.join('; ')}].`);
  // Astro also takes { resource } and { hash } objects; the site writes plain strings.
  const text = (items: readonly (string | { resource: string } | { hash: string })[] | undefined) =>
    (items ?? []).map((item) => (typeof item === 'string' ? item : 'hash' in item ? item.hash : item.resource));
  const check = (
    label: string,
    got: { resources?: (string | { resource: string })[] | undefined; hashes?: (string | { hash: string })[] | undefined } | undefined,
    resources: readonly string[],
    hashes: readonly string[],
  ) => {
    const gotResources = text(got?.resources);
    const gotHashes = text(got?.hashes);
    if (!same(gotResources, resources))
      problems.push(`security.csp.${label}.resources are [${gotResources.join(' ')}], the header's [${resources.join(' ')}].`);
    if (!same(gotHashes, hashes))
      problems.push(`security.csp.${label}.hashes are [${gotHashes.join(' ')}], the header's [${hashes.join(' ')}].`);
  };
  check('scriptDirective', csp.scriptDirective, SCRIPT_RESOURCES, FIXED_SCRIPT_HASHES);
  check('styleDirective', csp.styleDirective, STYLE_RESOURCES, FIXED_STYLE_HASHES);
  return problems;
}

/** Script types a browser runs (anything else is a data block, which CSP does not govern). */
const EXECUTABLE_TYPE = /^(?:|module|text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript)$/i;

/** The inline code of a page the header CSP would block: one description per snippet. */
export function blockedInlineCode(html: string): string[] {
  const blocked: string[] = [];
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attributes = match[1] ?? '';
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    if (!EXECUTABLE_TYPE.test(type.trim())) continue;
    const code = match[2] ?? '';
    if (!FIXED_SCRIPT_HASHES.includes(cspHash(code))) blocked.push(`inline script "${code.slice(0, 60)}…" (${cspHash(code)})`);
  }
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    const code = match[1] ?? '';
    if (!FIXED_STYLE_HASHES.includes(cspHash(code))) blocked.push(`inline style "${code.slice(0, 60)}…" (${cspHash(code)})`);
  }
  return blocked;
}

export function deployKit(): AstroIntegration {
  let base = '/';
  let cacheRoot = '';
  return {
    name: 'report:deploy-kit',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
        cacheRoot = buildCacheRoot(config.cacheDir);
        const problems = cspDifferences(config.security.csp);
        if (problems.length)
          throw new Error(
            `The page CSP (astro.config.mjs) and the header CSP (src/deploy/headers.ts) must have the same directives; change both, then run npm run deploy:config:\n${problems.join('\n')}`,
          );
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const options = headerOptionsFromEnv();
        const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
        const problems: string[] = [];
        for (const entry of entries) {
          if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
          const file = path.join(entry.parentPath, entry.name);
          for (const blocked of blockedInlineCode(await readFile(file, 'utf8')))
            problems.push(`${path.relative(outDir, file)}: ${blocked}`);
        }
        if (problems.length)
          throw new Error(
            `The header CSP (src/deploy/headers.ts) would block inline code the pages carry; move it into a file, or add it to src/lib/inline-code.ts and both policies:\n${problems.slice(0, 10).join('\n')}`,
          );
        await writeFile(path.join(outDir, '_headers'), renderHeadersFile(base, options));
        logger.info(
          `_headers written for Netlify and Cloudflare Pages${options.hstsMaxAge ? `, with HSTS max-age=${options.hstsMaxAge}` : ''}.`,
        );
        const started = performance.now();
        const cache = new FileCache(path.join(cacheRoot, 'precompressed'));
        const summary = await precompress(outDir, { cache });
        await cache.prune();
        logger.info(describeSummary(summary, (performance.now() - started) / 1000));
        if (cache.trouble) logger.warn(`The build cache (${cacheRoot}) could not keep this build's copies: ${cache.trouble}.`);
      },
    },
  };
}
