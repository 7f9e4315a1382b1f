import { slug as githubSlug } from 'github-slugger';
import { problem, type ContentProblem } from './problem.ts';

/** An entry's URL name as Astro's glob loader makes it: the `slug` field, else the file name slugified. */
export function entrySlug(fileName: string, data: unknown): string {
  const override = data !== null && typeof data === 'object' ? (data as { slug?: unknown }).slug : undefined;
  if (typeof override === 'string' && override) return override;
  return githubSlug(fileName.replace(/\.mdx?$/u, ''));
}

export interface SlugClaim {
  file: string;
  slug: string;
  /** Line of the `slug:` field, or 1 when the name comes from the file name. */
  line: number;
  fromField: boolean;
}

/**
 * Two entries of one collection whose URL names collide: the same slug, or
 * slugs differing only in case (one folder on macOS and Windows).
 */
export function checkDuplicateSlugs(claims: readonly SlugClaim[], folder: string): ContentProblem[] {
  const byKey = new Map<string, SlugClaim[]>();
  for (const claim of claims)
    byKey.set(claim.slug.toLowerCase(), [...(byKey.get(claim.slug.toLowerCase()) ?? []), claim]);
  const problems: ContentProblem[] = [];
  for (const group of byKey.values()) {
    if (group.length < 2) continue;
    for (const claim of group) {
      const others = group.filter((c) => c !== claim).map((c) => c.file);
      problems.push(
        problem({
          file: claim.file,
          line: claim.line,
          field: 'slug',
          message: `"${claim.slug}" (${claim.fromField ? 'from its slug: field' : 'from its file name'}) is also the URL name of ${others.join(', ')}`,
          fix: `rename one of the files in ${folder} (e.g. add -2), or give one a different slug:`,
        }),
      );
    }
  }
  return problems;
}
