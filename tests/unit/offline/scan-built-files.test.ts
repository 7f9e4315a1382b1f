/**
 * The precache list needs a revision of every built file. A file a build step already hashed (the search
 * step reads every page; the share-image cache knows each image) is not read again, unless it changed since.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanBuiltFiles } from '../../../src/offline/build/integration.ts';
import {
  forgetBuiltFileHashes,
  recordBuiltFileBytes,
  recordBuiltFileHash,
} from '../../../src/lib/built-file-hashes.ts';
import { beginStage, buildProfile, endStage } from '../../../src/lib/build-profile.ts';

let dir = '';
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  forgetBuiltFileHashes();
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

async function scan(site: string) {
  const name = `scan ${Math.random()}`;
  beginStage(name);
  try {
    return { files: await scanBuiltFiles(site) };
  } finally {
    endStage();
  }
}

describe('scanBuiltFiles', () => {
  it('reuses the revision a build step recorded for a file unchanged since, and hashes every other file', async () => {
    dir = mkdtempSync(join(tmpdir(), 'scan-built-'));
    mkdirSync(join(dir, 'articles', 'a'), { recursive: true });
    writeFileSync(join(dir, 'articles', 'a', 'index.html'), '<p>a</p>');
    writeFileSync(join(dir, 'index.html'), '<p>home</p>');
    writeFileSync(join(dir, 'app.js'), 'code');
    // Bytes an endpoint returned, recorded before the file is written: reused while the file has their size.
    recordBuiltFileBytes('data.csv', 'a,b\n1,2\n');
    writeFileSync(join(dir, 'data.csv'), 'a,b\n1,2\n');
    recordBuiltFileBytes('other.csv', 'x');
    writeFileSync(join(dir, 'other.csv'), 'x,y');
    recordBuiltFileHash(dir, 'articles/a/index.html', 'recorded-a');
    recordBuiltFileHash(dir, 'index.html', 'recorded-home');
    // Written again after it was recorded (same size, later time): the recorded revision no longer holds.
    writeFileSync(join(dir, 'index.html'), '<p>HOME</p>');
    utimesSync(join(dir, 'index.html'), new Date(), new Date(Date.now() + 5_000));

    const { files } = await scan(dir);
    const work = buildProfile().stages.at(-1)?.work;
    expect(Object.fromEntries(files.map((f) => [f.path, f.revision]))).toEqual({
      'articles/a/index.html': 'recorded-a',
      'index.html': sha('<p>HOME</p>'),
      'app.js': sha('code'),
      'data.csv': sha('a,b\n1,2\n'),
      'other.csv': sha('x,y'),
    });
    expect(work).toEqual({ 'built files hashed': 3, 'built file hashes reused': 2 });
  });
});
