/**
 * npm run lines [-- <git revision>]
 *
 * Lines of code (.ts, .mjs, .astro, .css) per top-level folder of the project, and per room of
 * src/ (files directly in src/ count as "src/"), as committed at a revision (default HEAD), so the
 * layout's balance can be compared over time: `npm run lines -- 3668dfc` is the tree before the
 * rooms were made. Test fixtures are data, not code, and are left out.
 */
import { execFileSync } from 'node:child_process';

const revision = process.argv[2] ?? 'HEAD';
const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const files = git('ls-tree', '-r', '--name-only', revision)
  .split('\n')
  .filter((file) => /\.(ts|mjs|astro|css)$/.test(file) && !file.startsWith('tests/fixtures/'));

const topLevel = new Map<string, number>();
const rooms = new Map<string, number>();
const add = (map: Map<string, number>, key: string, lines: number) => map.set(key, (map.get(key) ?? 0) + lines);
for (const file of files) {
  const parts = file.split('/');
  const lines = git('show', `${revision}:${file}`).split('\n').length - 1;
  add(topLevel, parts.length > 1 ? `${parts[0]}/` : '(root)', lines);
  if (parts[0] === 'src') add(rooms, parts.length > 2 ? `src/${parts[1]}/` : 'src/', lines);
}

function print(title: string, map: Map<string, number>): void {
  const total = [...map.values()].reduce((a, b) => a + b, 0);
  console.log(`${title}: ${total} lines`);
  for (const [folder, lines] of [...map].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${folder.padEnd(18)} ${String(lines).padStart(6)}  ${((100 * lines) / total).toFixed(1).padStart(5)} %`);
  }
}
print(`Code at ${revision}, per top-level folder`, topLevel);
print(`src/ at ${revision}, per room`, rooms);
