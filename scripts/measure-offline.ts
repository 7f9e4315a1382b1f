// Prints what the service worker precaches for a built site, and whether it fits the budget.
//   npm run build && npm run measure:offline            (dist/)
//   OFFLINE_BUDGET_MB=0.5 npm run measure:offline -- .tmp/dist-test
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { measurePrecache } from '../src/offline/build/integration.ts';
import { summarisePrecache } from '../src/offline/shared/precache.ts';

const dir = process.argv[2] ?? 'dist';
if (!existsSync(join(dir, 'index.html'))) {
  console.error(`${dir}/index.html not found: build the site first (npm run build).`);
  process.exit(1);
}
const manifest = await measurePrecache(dir);
console.log(summarisePrecache(manifest));
const largest = [...manifest.core, ...manifest.background, ...manifest.onDemand]
  .sort((a, b) => b.bytes - a.bytes)
  .slice(0, 8);
console.log('largest files:');
for (const entry of largest) console.log(`  ${String(entry.bytes).padStart(9)}  ${entry.group.padEnd(7)} ${entry.url}`);
