import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent, formatProblem, type ContentFiles, type TextFile } from '../../../src/content-check/index.ts';

export const FIXTURES = 'tests/fixtures/content-check';

/** The baseline: a taxonomy, two valid articles and a valid story, as if in a project. */
export const BASELINE = ['articles/juye-2021.mdx', 'articles/yuncheng-2020.mdx', 'stories/elderly-care.mdx'] as const;

/** A fixture file as the check sees it: at its place in a project (content/articles/…). */
export function fixture(name: string, as?: string): TextFile {
  return { path: `content/${as ?? name}`, text: readFileSync(join(FIXTURES, name), 'utf8') };
}

/** The check's formatted messages for the baseline plus `extra` files (and any overrides of the inputs). */
export function messages(extra: readonly TextFile[] = [], overrides: Partial<ContentFiles> = {}): string[] {
  const all = [...BASELINE.map((name) => fixture(name)), ...extra];
  const files: ContentFiles = {
    taxonomy: { path: 'content/taxonomy.yaml', text: readFileSync(join(FIXTURES, 'taxonomy.yaml'), 'utf8') },
    articles: all.filter((f) => f.path.startsWith('content/articles/')),
    stories: all.filter((f) => f.path.startsWith('content/stories/')),
    seeds: ['000_a.txt'],
    publicFiles: ['/favicon.svg'],
    ...overrides,
  };
  return checkContent(files).map(formatProblem);
}
