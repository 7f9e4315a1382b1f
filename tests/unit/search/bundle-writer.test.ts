import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBundleFile, type BundleRecord } from '../../../src/search/build/bundle-cache.ts';
import { MAX_QUEUED_FILES, startBundleWriter } from '../../../src/search/build/bundle-writer.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-writer-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** More files than the queue holds, so the deriving side must wait on the writer thread. */
const files = Array.from({ length: MAX_QUEUED_FILES * 3 }, (_, n) => ({
  path: `text/page-${n}.txt.gz`,
  data: n % 2 ? `第${n}页的正文。`.repeat(50) : new Uint8Array([n & 255, 1, 2, 3]),
}));

describe('the search files writer thread (startBundleWriter)', () => {
  it('writes every file as writeBundleFile does in this thread, and records the same entries', async () => {
    const here = tempDir();
    const there = tempDir();
    const expected: BundleRecord = {};
    for (const { path, data } of files) expected[path] = writeBundleFile(here, {}, path, data).entry;
    const writer = startBundleWriter(there, {});
    expect(writer.thread).toBe('worker');
    for (const { path, data } of files) writer.write(path, data);
    const result = await writer.finish();
    expect(result).toEqual({ bundle: expected, written: files.length, unchanged: 0 });
    for (const { path } of files) expect(readFileSync(join(there, path))).toEqual(readFileSync(join(here, path)));
    expect(gunzipSync(readFileSync(join(there, files[1]!.path))).toString()).toBe(files[1]!.data);
  });

  it('leaves a file whose bytes the last build recorded, and rewrites one that changed', async () => {
    const dir = tempDir();
    const first = startBundleWriter(dir, {});
    for (const { path, data } of files.slice(0, 4)) first.write(path, data);
    const kept = (await first.finish()).bundle;
    const again = startBundleWriter(dir, kept);
    again.write(files[0]!.path, files[0]!.data);
    again.write(files[1]!.path, '改过的正文');
    const result = await again.finish();
    expect(result.written).toBe(1);
    expect(result.unchanged).toBe(1);
    expect(result.bundle[files[0]!.path]).toEqual(kept[files[0]!.path]);
    expect(gunzipSync(readFileSync(join(dir, files[1]!.path))).toString()).toBe('改过的正文');
  });

  it('fails with the file and the reason when a file cannot be written', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'text'), 'a file where the folder should be');
    const writer = startBundleWriter(dir, {});
    const attempt = async () => {
      for (const { path, data } of files) writer.write(path, data);
      return writer.finish();
    };
    await expect(attempt()).rejects.toThrow(
      /could not write a search file: text\/page-0\.txt\.gz: .*(ENOTDIR|EEXIST)/u,
    );
    expect(readdirSync(dir)).toEqual(['text']);
  });
});
