import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A derived file as the cache records it: the hash of its bytes before gzip, and of the gzip file (the precache list's revision). */
export interface BundleEntry {
  data: string;
  file: string;
}

/** Path of a derived file in the cache's bundle folder → its entry. */
export type BundleRecord = Record<string, BundleEntry>;

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export const gzip = (data: string | Uint8Array): Buffer =>
  gzipSync(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, { level: 9 });

/**
 * Write one derived file into the cache's bundle folder, unless the file there has the same bytes (as `kept`,
 * the last build's record, says); returns its entry and whether it was written.
 */
export function writeBundleFile(
  bundleDir: string,
  kept: BundleRecord,
  path: string,
  data: string | Uint8Array,
): { entry: BundleEntry; written: boolean } {
  const hash = sha256(data);
  const last = kept[path];
  if (last?.data === hash && existsSync(join(bundleDir, path))) return { entry: last, written: false };
  const packed = gzip(data);
  mkdirSync(dirname(join(bundleDir, path)), { recursive: true });
  // A new file, never the old one rewritten: the published build may hold the old one through a link (linkBundle).
  rmSync(join(bundleDir, path), { force: true });
  writeFileSync(join(bundleDir, path), packed);
  return { entry: { data: hash, file: sha256(packed) }, written: true };
}
