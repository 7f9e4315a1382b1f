import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Revisions of built files that a build step already knows, so the precache list does not read and hash
 * them again: the search step hashes every page it reads, and endpoints that return files (share images,
 * per-article data) hash the bytes they hand Astro to write. A file recorded after it was written is kept
 * with its size and modification time, so a file written again since no longer matches; bytes recorded
 * before Astro writes them are kept with their size only. The state lives on globalThis because Astro runs
 * the integrations and the bundled pages in one process as two copies of a module.
 */
interface RecordedHash {
  size: number;
  /** Undefined for bytes recorded before the file was written. */
  mtimeMs: number | undefined;
  revision: string;
}

/** The revision the precache list gives a file: the first 16 hex digits of the SHA-256 of its bytes. */
export const fileRevision = (bytes: string | Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const STATE_KEY = Symbol.for('archive.builtFileHashes');

function recorded(): Map<string, RecordedHash> {
  const holder = globalThis as typeof globalThis & { [STATE_KEY]?: Map<string, RecordedHash> };
  holder[STATE_KEY] ??= new Map();
  return holder[STATE_KEY];
}

/** Record the revision of `path` (relative to the site folder, with /), which must already be written. */
export function recordBuiltFileHash(siteDir: string, path: string, revision: string): void {
  const stat = statSync(join(siteDir, path), { throwIfNoEntry: false });
  if (stat) recorded().set(path, { size: stat.size, mtimeMs: stat.mtimeMs, revision });
}

/** Record the bytes an endpoint returns for Astro to write at `path` (relative to the site folder, with /). */
export function recordBuiltFileBytes(path: string, bytes: string | Uint8Array): void {
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  recorded().set(path, { size, mtimeMs: undefined, revision: fileRevision(bytes) });
}

/** The recorded revision of `path`, when the file still has the size (and, when known, the time) it had then. */
export function recordedRevision(path: string, size: number, mtimeMs: number): string | undefined {
  const found = recorded().get(path);
  if (!found || found.size !== size) return undefined;
  return found.mtimeMs === undefined || found.mtimeMs === mtimeMs ? found.revision : undefined;
}

/** Forget every recorded revision (at the start of a build, and in tests). */
export function forgetBuiltFileHashes(): void {
  recorded().clear();
}
