import { statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Revisions of built files that a build step already knows (the search step hashes every page it reads;
 * the share-image cache names each image by a hash of what it draws), so the precache list does not read
 * and hash them again. Each is kept with the file's size and modification time when recorded: a file
 * written again since no longer matches and is hashed. The state lives on globalThis because Astro runs
 * the integrations and the bundled pages in one process as two copies of a module.
 */
interface RecordedHash {
  size: number;
  mtimeMs: number;
  revision: string;
}

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

/** The recorded revision of `path`, when the file still has the size and time it had then. */
export function recordedRevision(path: string, size: number, mtimeMs: number): string | undefined {
  const found = recorded().get(path);
  return found && found.size === size && found.mtimeMs === mtimeMs ? found.revision : undefined;
}

/** Forget every recorded revision (at the start of a build, and in tests). */
export function forgetBuiltFileHashes(): void {
  recorded().clear();
}
