/**
 * Runs the project's real build (`astro build`, as `npm run build` does) on a content folder into
 * a folder of its own, timing it and sampling the memory of the whole process tree: Pagefind
 * indexes in a child process, so the Node process's own peak would understate the build's.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from '../lib/problems.ts';

export interface BuildRun {
  seconds: number;
  /** Highest sum of resident memory over the build's processes, sampled every 200 ms. */
  peakTreeBytes: number;
  /** Highest resident memory of any single process, from GNU time (exact), when available. */
  peakProcessBytes?: number | undefined;
  /**
   * CPU seconds (user + system) of the build and the children it waited for, from GNU time: unlike
   * the wall time, hardly changed by what else the machine is running.
   */
  cpuSeconds?: number | undefined;
  log: string;
  /** Set when the build was stopped at `limitSeconds`, unfinished: its time and memory are lower bounds. */
  stopped?: boolean;
}

/** Every descendant of a process, children before their parents' siblings (Linux /proc). */
async function descendantsOf(pid: number): Promise<number[]> {
  const children = await childrenOf(pid);
  const all = [...children];
  for (const child of children) all.push(...(await descendantsOf(child)));
  return all;
}

const PAGE = 4096;

async function childrenOf(pid: number): Promise<number[]> {
  const tasks = await readdir(`/proc/${pid}/task`).catch(() => [] as string[]);
  const children: number[] = [];
  for (const task of tasks) {
    const list = await readFile(`/proc/${pid}/task/${task}/children`, 'utf8').catch(() => '');
    children.push(...list.split(/\s+/).filter(Boolean).map(Number));
  }
  return children;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc; 0 elsewhere). */
export async function treeRss(pid: number): Promise<number> {
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const current = queue.pop()!;
    const statm = await readFile(`/proc/${current}/statm`, 'utf8').catch(() => '');
    total += Number(statm.split(' ')[1] ?? 0) * PAGE;
    queue.push(...(await childrenOf(current)));
  }
  return total;
}

export interface BuildOptions {
  contentDir: string;
  outDir: string;
  cacheDir: string;
  /** Extra environment (SITE_URL, BASE_PATH). */
  env?: Record<string, string>;
  /** Called every few seconds while the build runs, for progress lines. */
  onProgress?: (seconds: number, treeBytes: number) => void;
  /** Keep the output and Astro's cache from a previous build (a rebuild), instead of emptying them. */
  warm?: boolean;
  /** Stop the build after this many seconds and report it as stopped, instead of waiting for it. */
  limitSeconds?: number | undefined;
}

/** A cold build (the output and cache folders are emptied first), or a rebuild with `warm`. */
export async function runBuild(options: BuildOptions): Promise<BuildRun> {
  if (!options.warm) {
    await rm(options.outDir, { recursive: true, force: true });
    await rm(options.cacheDir, { recursive: true, force: true });
  }
  const astro = path.resolve('node_modules/astro/bin/astro.mjs');
  const gnuTime = existsSync('/usr/bin/time');
  const command = gnuTime ? '/usr/bin/time' : process.execPath;
  const args = gnuTime ? ['-v', process.execPath, astro, 'build'] : [astro, 'build'];
  const logFile = path.join(path.dirname(path.resolve(options.outDir)), `build-${path.basename(options.outDir)}.log`);
  await mkdir(path.dirname(logFile), { recursive: true });
  const log = createWriteStream(logFile);
  const started = performance.now();
  const child = spawn(command, args, {
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: options.contentDir,
      OUT_DIR: options.outDir,
      CACHE_DIR: options.cacheDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    log.write(chunk);
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    log.write(chunk);
    output += chunk.toString();
  });
  let peakTreeBytes = 0;
  let lastProgress = started;
  let stopped = false;
  const sampler = setInterval(async () => {
    const rss = await treeRss(child.pid ?? 0);
    peakTreeBytes = Math.max(peakTreeBytes, rss);
    const now = performance.now();
    if (options.limitSeconds !== undefined && !stopped && now - started > options.limitSeconds * 1000) {
      stopped = true;
      // GNU time does not pass a signal on: stop Astro and Pagefind themselves, then time.
      for (const pid of (await descendantsOf(child.pid ?? 0)).reverse()) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          // Already gone.
        }
      }
      child.kill('SIGTERM');
    }
    if (options.onProgress && now - lastProgress > 10_000) {
      lastProgress = now;
      options.onProgress((now - started) / 1000, rss);
    }
  }, 200);
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  log.end();
  if (stopped) return { seconds, peakTreeBytes, log: logFile, stopped };
  if (code !== 0) throw new ReportError(`The build failed (exit ${code}); its log is ${logFile}:\n${output.slice(-3000)}`);
  const maxRss = /Maximum resident set size \(kbytes\): (\d+)/.exec(output)?.[1];
  const user = /User time \(seconds\): ([\d.]+)/.exec(output)?.[1];
  const system = /System time \(seconds\): ([\d.]+)/.exec(output)?.[1];
  return {
    seconds,
    peakTreeBytes,
    peakProcessBytes: maxRss ? Number(maxRss) * 1024 : undefined,
    cpuSeconds: user && system ? Number(user) + Number(system) : undefined,
    log: logFile,
  };
}
