import { problem, type ContentProblem } from './problem.ts';
import type { SourceFile } from './source.ts';

/** The source block of an entry as written, whether or not the rest of its frontmatter is valid. */
function sourceOf(data: unknown): { file: string; sha256: unknown } | undefined {
  const source = (data as { source?: { file?: unknown; sha256?: unknown } } | null | undefined)?.source;
  return typeof source?.file === 'string' ? { file: source.file, sha256: source.sha256 } : undefined;
}

/**
 * Every article's source.file must be in seeds/: the page links /sources/<file>, and the lossless
 * check compares the page with that file. A seed renamed after ingest is named when its bytes are known.
 */
export function checkSeedSources(
  sources: readonly SourceFile[],
  seeds: readonly string[],
  seedHashes?: ReadonlyMap<string, string>,
): ContentProblem[] {
  const present = new Set(seeds);
  const problems: ContentProblem[] = [];
  for (const entry of sources) {
    const source = sourceOf(entry.data);
    if (!source || present.has(source.file)) continue;
    const renamed = [...(seedHashes ?? [])].find(([, sha256]) => sha256 === source.sha256)?.[0];
    const where = { file: entry.path, line: entry.lineOf(['source', 'file']), field: 'source.file' };
    problems.push(
      renamed
        ? problem({
            ...where,
            message: `names seeds/${source.file}, which is not in seeds/: seeds/${renamed} has the same bytes (the seed was renamed)`,
            fix: `write source.file: ${renamed} (npm run ingest does this itself for an entry nobody edited)`,
          })
        : problem({
            ...where,
            message: `names seeds/${source.file}, which is not in seeds/`,
            fix: `if the seed was renamed, write its new name in source.file (or run npm run ingest, which moves an entry nobody edited to the new name); if it was removed on purpose, delete this entry, or its source: block if the text stays`,
          }),
    );
  }
  return problems;
}
