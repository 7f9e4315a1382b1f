import { spawn } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discardBuild, planBuild, publishBuild, removeLeftovers, type BuildPlan } from '../../../src/publish/swap.ts';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'swap-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A finished build: its folder with an index page saying which build it is. */
function finishedBuild(id: string): BuildPlan {
  const plan = planBuild(join(root, 'dist'), id);
  mkdirSync(plan.staging, { recursive: true });
  writeFileSync(join(plan.staging, 'index.html'), id);
  writeFileSync(plan.marker, '{}');
  return plan;
}

const served = () => readFileSync(join(root, 'dist', 'index.html'), 'utf8');

describe('publishing a build', () => {
  it('plans the build folder beside the served folder', () => {
    expect(planBuild(join(root, 'dist'), 'b1')).toEqual({
      target: join(root, 'dist'),
      buildsDir: join(root, '.dist-builds'),
      staging: join(root, '.dist-builds', 'b1'),
      marker: join(root, '.dist-builds', 'b1.complete'),
    });
  });

  it('links dist to the first build with a relative link', () => {
    publishBuild(finishedBuild('b1'));
    expect(readlinkSync(join(root, 'dist'))).toBe(join('.dist-builds', 'b1'));
    expect(served()).toBe('b1');
    expect(readdirSync(join(root, '.dist-builds'))).toEqual(['b1']);
  });

  it('replaces a plain dist folder, keeping it until the next publish', () => {
    mkdirSync(join(root, 'dist'));
    writeFileSync(join(root, 'dist', 'index.html'), 'old');
    publishBuild(finishedBuild('b1'));
    expect(lstatSync(join(root, 'dist')).isSymbolicLink()).toBe(true);
    expect(served()).toBe('b1');
    expect(readdirSync(join(root, '.dist-builds')).sort()).toEqual(['b1', 'b1-previous']);
    publishBuild(finishedBuild('b2'));
    expect(readdirSync(join(root, '.dist-builds')).sort()).toEqual(['b1', 'b2']);
  });

  it('replaces the previous build, keeps it for requests already under way, and deletes older ones', () => {
    publishBuild(finishedBuild('b1'));
    publishBuild(finishedBuild('b2'));
    publishBuild(finishedBuild('b3'));
    expect(served()).toBe('b3');
    expect(readdirSync(join(root, '.dist-builds')).sort()).toEqual(['b2', 'b3']);
  });

  it('discards a failed build without touching the published one', () => {
    publishBuild(finishedBuild('b1'));
    const failed = finishedBuild('b2');
    discardBuild(failed);
    expect(served()).toBe('b1');
    expect(existsSync(failed.staging)).toBe(false);
    expect(existsSync(failed.marker)).toBe(false);
  });

  it('removes what interrupted builds left, keeping the published build', () => {
    publishBuild(finishedBuild('b1'));
    finishedBuild('b2');
    removeLeftovers(planBuild(join(root, 'dist'), 'b3'));
    expect(readdirSync(join(root, '.dist-builds'))).toEqual(['b1']);
    expect(served()).toBe('b1');
  });

  it('never leaves dist missing: a reader in another process sees every request answered while builds are published', async () => {
    publishBuild(finishedBuild('b0'));
    // Reads dist/index.html as fast as it can until told to stop; reports how many reads failed.
    const reader = spawn(
      process.execPath,
      [
        '-e',
        `const fs = require('fs'); let ok = 0, failed = 0, stop = false;
         process.stdin.on('data', () => { stop = true; });
         const loop = () => { for (let i = 0; i < 200; i++) { try { fs.readFileSync(process.argv[1]); ok++; } catch { failed++; } }
           if (stop) console.log(JSON.stringify({ ok, failed })); else setImmediate(loop); };
         console.log('ready'); loop();`,
        join(root, 'dist', 'index.html'),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    let output = '';
    reader.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve) => reader.stdout.once('data', () => resolve()));
    // Builds a few tens of milliseconds apart (real ones are half a minute apart): the build a request
    // has just looked up is kept until the next publish, so no request in flight loses its folder.
    for (let i = 1; i <= 40; i++) {
      publishBuild(finishedBuild(`b${i}`));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    reader.stdin.end('stop');
    await new Promise((resolve) => reader.on('close', resolve));
    const counts = JSON.parse(output.split('\n').filter(Boolean).pop() ?? '{}') as { ok: number; failed: number };
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.failed).toBe(0);
    expect(served()).toBe('b40');
  });
});
