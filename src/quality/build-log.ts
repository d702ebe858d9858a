/**
 * Where a build's time goes, read from `astro build`'s own log: a wall time alone cannot say
 * whether a slower build renders more pages or renders each page more slowly, and only the
 * second is worse than linear.
 */

export interface BuildPhases {
  /** "Collecting build info": loading the content collections and route data. */
  collectSeconds?: number | undefined;
  /** "Building static entrypoints" through "generating static routes": bundling and rendering. */
  staticSeconds?: number | undefined;
  /** "generating static routes": rendering every page. */
  renderSeconds?: number | undefined;
  /** Astro's total ("N page(s) built in X s"), which includes the Pagefind step after rendering. */
  builtSeconds?: number | undefined;
  /** What follows rendering inside Astro's total: the build-done hooks, mostly Pagefind's index. */
  afterRenderSeconds?: number | undefined;
  pages?: number | undefined;
  /** Milliseconds each route took to render, by its output path. */
  routes: Map<string, number>;
}

/** Astro writes a duration as `830ms`, `5.76s` or, past a minute, `1m 13s`. */
const DURATION = String.raw`(?:(\d+)m )?([\d.]+)(ms|s)`;
const seconds = (minutes: string | undefined, value: string, unit: string) =>
  Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1);

/** Reads the phase timings and per-route render times from `astro build` output. */
export function parseBuildLog(log: string): BuildPhases {
  // Colour codes, when the log was written to a terminal.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes removed here.
  const text = log.replace(/\u001b\[[0-9;]*m/g, '');
  const phases: BuildPhases = { routes: new Map() };
  const completions = [...text.matchAll(new RegExp(`✓ Completed in ${DURATION}\\.`, 'g'))].map((m) => ({
    at: m.index,
    value: seconds(m[1], m[2]!, m[3]!),
  }));
  const collecting = text.indexOf('Collecting build info');
  const routesStart = text.indexOf('generating static routes');
  const after = (at: number) => completions.find((c) => c.at > at);
  if (collecting >= 0) phases.collectSeconds = after(collecting)?.value;
  if (routesStart >= 0) {
    const render = after(routesStart);
    phases.renderSeconds = render?.value;
    // The next completion after rendering closes the whole static stage.
    phases.staticSeconds = render ? after(render.at)?.value : undefined;
  }
  const built = new RegExp(`(\\d+) page\\(s\\) built in ${DURATION}`).exec(text);
  if (built) {
    phases.pages = Number(built[1]);
    phases.builtSeconds = seconds(built[2], built[3]!, built[4]!);
  }
  if (phases.builtSeconds !== undefined && phases.collectSeconds !== undefined && phases.staticSeconds !== undefined) {
    phases.afterRenderSeconds = Math.max(0, phases.builtSeconds - phases.collectSeconds - phases.staticSeconds);
  }
  for (const match of text.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) phases.routes.set(match[1]!, Number(match[2]));
  return phases;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
