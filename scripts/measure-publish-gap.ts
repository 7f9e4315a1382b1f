/**
 * How long a site being served answers 404 while a new build is made: serve a folder with a
 * server that looks each file up when requested (as a static host does), request /, /sw.js and
 * an article as fast as possible while a build command runs, and count the misses.
 *
 *   npx tsx scripts/measure-publish-gap.ts <served-folder> <article-path> -- <build command…>
 */
import { spawn } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const [served, article, separator, ...command] = process.argv.slice(2);
if (!served || !article || separator !== '--' || command.length === 0) {
  console.error('usage: npx tsx scripts/measure-publish-gap.ts <served-folder> <article-path> -- <build command…>');
  process.exit(2);
}

const server = createServer((req, res) => {
  const path = join(served, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  void (async () => {
    try {
      const file = (await stat(path)).isDirectory() ? join(path, 'index.html') : path;
      res.end(await readFile(file));
    } catch {
      res.statusCode = 404;
      res.end();
    }
  })();
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const started = Date.now();
const build = spawn(command[0]!, command.slice(1), { stdio: 'ignore' });
let running = true;
const exit = new Promise<number | null>((resolve) => build.on('close', (code) => ((running = false), resolve(code))));

let requests = 0;
const misses: number[] = [];
while (running) {
  for (const path of ['/', '/sw.js', article]) {
    const response = await fetch(base + path);
    await response.arrayBuffer();
    requests++;
    if (response.status === 404) misses.push(Date.now() - started);
  }
}
const code = await exit;
server.close();
const window = misses.length ? `${((misses.at(-1)! - misses[0]!) / 1000).toFixed(2)} s` : 'none';
console.log(
  `build exit ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s; ${requests} requests, ${misses.length} answered 404; 404s from first to last: ${window}`,
);
