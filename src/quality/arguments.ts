/**
 * Command-line arguments of the measurement and PDF jobs: node:util parseArgs, with a mistake on
 * the command line reported as a refusal (a ReportError, printed as one sentence by runCommand,
 * src/lib/command.ts), followed by the usage when the job has one.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { ReportError } from '../lib/problems.ts';

export function parseArguments<T extends ParseArgsConfig>(config: T, usage?: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    throw new ReportError(usage ? `${(error as Error).message}\n${usage}` : (error as Error).message);
  }
}
