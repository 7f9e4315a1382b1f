import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Hash of the code a build cache depends on: every file under `folders` whose name ends in one of `endings`, by
 * name and bytes, in name order. A cache keyed on it is dropped whenever that code changes.
 */
export function sourcesHash(folders: readonly string[], endings: readonly string[] = ['.ts']): string {
  const hash = createHash('sha256');
  for (const dir of folders) {
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
      if (endings.some((ending) => name.endsWith(ending))) hash.update(name).update(readFileSync(join(dir, name)));
    }
  }
  return hash.digest('hex');
}
