/**
 * `npm run build` builds into a fresh folder beside OUT_DIR and swaps it in only when the build
 * succeeds. Astro empties its output folder before it writes a page, so a build that fails halfway
 * (a page that throws, Pagefind finding nothing to index) would leave OUT_DIR empty or half
 * written: the last good site, perhaps the one being served, would be gone.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ReportError } from '../lib/problems.ts';

export interface SwapBuildOptions {
  /** Where the site is published: OUT_DIR, default dist. */
  outDir: string;
  /** The command that builds into process.env.OUT_DIR (default: astro build). */
  command?: readonly string[];
  /**
   * Or how to build into a folder, resolving to an exit code: the benchmark's rebuild
   * (src/quality/bench/archive.ts) builds through it, to measure what `npm run build` costs.
   */
  build?: (dir: string) => Promise<number>;
}

/** Runs the build with OUT_DIR set to `dir`, its output shown as it comes; resolves to its exit code. */
function buildInto(dir: string, command: readonly string[]): Promise<number> {
  const [program, ...args] = command;
  const child = spawn(program!, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: dir } });
  // Ctrl+C reaches the build too (same process group); wait for it to end, then clean up.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  process.on('SIGTERM', ignore);
  return new Promise((resolve) =>
    child.on('close', (code, signal) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', ignore);
      resolve(code ?? (signal ? 130 : 1));
    }),
  );
}

/** Builds the site into a new folder and swaps it in for `outDir`; the old site stays if the build fails. */
export async function swapBuild(options: SwapBuildOptions): Promise<void> {
  const target = path.resolve(options.outDir);
  const parent = path.dirname(target);
  const name = path.basename(target);
  // Beside the target, so that the swap is a rename on one file system.
  const staging = await mkdtemp(path.join(parent, `.${name}.building-`));
  let status: number;
  try {
    status = options.build
      ? await options.build(staging)
      : await buildInto(staging, options.command ?? [process.execPath, path.resolve('node_modules/astro/bin/astro.mjs'), 'build']);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (status !== 0) {
    await rm(staging, { recursive: true, force: true });
    const kept = existsSync(target) ? `${options.outDir} still holds the last site built` : `nothing was written to ${options.outDir}`;
    throw new ReportError(`the build failed (exit ${status}); ${kept}.`);
  }
  if (!existsSync(target)) {
    await rename(staging, target);
    return;
  }
  // Astro keeps a .git folder in its output (a deployment checkout); so does the swap.
  if (existsSync(path.join(target, '.git'))) await rename(path.join(target, '.git'), path.join(staging, '.git'));
  const previous = await mkdtemp(path.join(parent, `.${name}.previous-`));
  await rename(target, path.join(previous, name));
  try {
    await rename(staging, target);
  } catch (error) {
    await rename(path.join(previous, name), target);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}
