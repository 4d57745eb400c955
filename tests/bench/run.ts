// `npm run bench [name ...]`: runs every tests/bench/*.bench.ts (or the named ones) one after another,
// each in its own process so one benchmark's heap and caches do not colour the next.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORE_YOUNG_GENERATION_MB } from '../../src-main/core/host/workstationHost';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => wanted.length === 0 || wanted.some((name) => file.startsWith(name)))
  .sort();

// Core code runs in the workstation's worker, whose young generation is set (CORE_YOUNG_GENERATION_MB, three
// semi-spaces): the benchmarks that run it in their own main thread get the same semi-space.
const semiSpace = `--max-semi-space-size=${CORE_YOUNG_GENERATION_MB / 3}`;
let failed = 0;
for (const file of files) {
  console.log(`\n# ${file}`);
  const result = spawnSync(process.execPath, [semiSpace, '--import', 'tsx', join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
if (failed > 0) {
  console.error(`${failed} benchmark(s) failed`);
  process.exit(1);
}
