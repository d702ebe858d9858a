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
  /** Of the build-done hooks: Pagefind's indexes, from the end of the static stage to its "Indexed" line (whole seconds). */
  pagefindSeconds?: number | undefined;
  /** Of the build-done hooks: the .gz and .br copies, as the deploy kit's line reports them. */
  precompressSeconds?: number | undefined;
  /** Of the rendering: the /data/ routes (the downloads, made from every section). */
  downloadsSeconds?: number | undefined;
  pages?: number | undefined;
  /** Milliseconds each route took to render, by its output path. */
  routes: Map<string, number>;
}

/** Astro writes a duration as `830ms`, `5.76s` or, past a minute, `1m 13s`. */
const DURATION = String.raw`(?:(\d+)m )?([\d.]+)(ms|s)`;
const seconds = (minutes: string | undefined, value: string, unit: string) =>
  Number(minutes ?? 0) * 60 + Number(value) / (unit === 'ms' ? 1000 : 1);

/** The clock time (seconds into the day) a log line starts with, `18:56:02 [report:pagefind] …`. */
function clockAt(text: string, at: number): number | undefined {
  const start = text.lastIndexOf('\n', at) + 1;
  const clock = /^(\d\d):(\d\d):(\d\d) /.exec(text.slice(start, start + 9));
  return clock ? Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : undefined;
}

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
  // Routes past a second are written `(+1.78s)`.
  for (const match of text.matchAll(/[├└]─ (\S+) \(\+([\d.]+)(ms|s)\)/g))
    phases.routes.set(match[1]!, Number(match[2]) * (match[3] === 's' ? 1000 : 1));
  const data = [...phases.routes].filter(([route]) => route.startsWith('/data/'));
  if (data.length > 0) phases.downloadsSeconds = data.reduce((sum, [, ms]) => sum + ms, 0) / 1000;
  const precompressed = /Precompressed .* in ([\d.]+) s/.exec(text);
  if (precompressed) phases.precompressSeconds = Number(precompressed[1]);
  const indexed = text.indexOf('[report:pagefind] Indexed');
  const staticEnd = routesStart >= 0 ? after(routesStart) : undefined;
  const closed = staticEnd ? after(staticEnd.at) : undefined;
  if (indexed >= 0 && closed) {
    const [from, to] = [clockAt(text, closed.at), clockAt(text, indexed)];
    // Across midnight the clock starts again.
    if (from !== undefined && to !== undefined) phases.pagefindSeconds = (to - from + 86_400) % 86_400;
  }
  return phases;
}

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
