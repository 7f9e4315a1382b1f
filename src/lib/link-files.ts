import { copyFileSync, linkSync, mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Each [source, target] as a hard link, or a copy once links cannot be made (another file system). A file
 * already at the target is removed first, never written through: it may itself be a link into a cache.
 */
export function linkFiles(pairs: ReadonlyArray<readonly [string, string]>): void {
  let link = true;
  const made = new Set<string>();
  for (const [source, target] of pairs) {
    const folder = dirname(target);
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    rmSync(target, { force: true });
    if (link) {
      try {
        linkSync(source, target);
        continue;
      } catch {
        link = false;
      }
    }
    copyFileSync(source, target);
  }
}
