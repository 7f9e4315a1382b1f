import { problem, type ContentProblem } from './problem.ts';

/** The seed an entry names in its source block, as written, whether or not the rest of its frontmatter is valid. */
export function seedOf(data: unknown): { file: string; sha256: unknown } | undefined {
  const source = (data as { source?: { file?: unknown; sha256?: unknown } } | null | undefined)?.source;
  return typeof source?.file === 'string' ? { file: source.file, sha256: source.sha256 } : undefined;
}

/** An entry's claim on a seed: the entry's path, the seed's file name and hash as written, the line of source.file. */
export interface SeedClaim {
  path: string;
  file: string;
  sha256: unknown;
  line: number;
}

/**
 * Every article's source.file must be in seeds/: the page links /sources/<file>, and the lossless
 * check compares the page with that file. A seed renamed after ingest is named when its bytes are known.
 */
export function checkSeedSources(
  claims: readonly SeedClaim[],
  seeds: readonly string[],
  seedHashes?: ReadonlyMap<string, string>,
): ContentProblem[] {
  const present = new Set(seeds);
  const problems: ContentProblem[] = [];
  for (const source of claims) {
    if (present.has(source.file)) continue;
    const renamed = [...(seedHashes ?? [])].find(([, sha256]) => sha256 === source.sha256)?.[0];
    const where = { file: source.path, line: source.line, field: 'source.file' };
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
