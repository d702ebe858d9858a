/**
 * npm run build: the site into OUT_DIR (default dist), built beside it and swapped in only when the
 * build succeeds, so a failed build leaves the last good site in place (src/quality/swap-build.ts).
 */
import { runCommand } from '../src/lib/command.ts';
import { swapBuild } from '../src/quality/swap-build.ts';

await runCommand({ name: 'build', onFault: 'The last site built is unchanged. ' }, async () => {
  await swapBuild({ outDir: process.env['OUT_DIR'] ?? 'dist' });
});
