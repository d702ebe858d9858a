import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ReportError } from '../lib/problems.ts';
import { parseVnuJson, type VnuMessage } from './html-validity.ts';

/** The checker's jar as npm installs it (its postinstall, which would fetch a Java runtime, is denied). */
export const VNU_JAR = path.resolve('node_modules/vnu-jar/build/dist/vnu.jar');

/** Files per vnu run: one JVM start costs about a second, a command line has a length limit. */
const BATCH = 1000;

function runOnce(mode: readonly string[], files: readonly string[]): Promise<VnuMessage[]> {
  return new Promise((resolve, reject) => {
    const args = ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--exit-zero-always', ...mode, ...files];
    const child = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (error) =>
      reject(
        new ReportError(
          'Could not start Java to run the Nu Html Checker; install a Java 17+ runtime (apt-get install default-jre-headless).',
          { cause: error },
        ),
      ),
    );
    child.on('close', (code) => {
      try {
        resolve(parseVnuJson(out));
      } catch (error) {
        reject(new Error(`The Nu Html Checker exited with ${code}:\n${err.slice(0, 2000)}`, { cause: error }));
      }
    });
  });
}

/** Runs the Nu Html Checker on the given HTML, CSS and SVG files and returns all its messages. */
export async function runVnu(files: readonly string[]): Promise<VnuMessage[]> {
  if (!existsSync(VNU_JAR)) throw new ReportError(`${VNU_JAR} is missing: run npm ci.`);
  // One run per kind of file: with --also-check-css, vnu 26.9 reports HTML errors one line early.
  const groups: [mode: string[], files: string[]][] = [
    [[], files.filter((f) => !/\.(css|svg)$/.test(f))],
    [['--css'], files.filter((f) => f.endsWith('.css'))],
    [['--svg'], files.filter((f) => f.endsWith('.svg'))],
  ];
  // The kinds run side by side (two cores); batches of one kind run in turn to bound memory.
  const results = await Promise.all(
    groups.map(async ([mode, group]) => {
      const messages: VnuMessage[] = [];
      for (let i = 0; i < group.length; i += BATCH) messages.push(...(await runOnce(mode, group.slice(i, i + BATCH))));
      return messages;
    }),
  );
  return results.flat();
}
