import { readFileSync } from 'node:fs';
import { load as loadYaml } from 'js-yaml';
import { splitFrontmatter } from '../../../src/lib/frontmatter.ts';
import { articleSchema } from '../../../src/schemas/article.ts';
import type { ArticleSource } from '../../../src/site/open-data.ts';

/** A real article's frontmatter, read as the collection reads it, in the open data's shape. */
export function realArticle(slug: string): ArticleSource {
  const split = splitFrontmatter(
    readFileSync(new URL(`../../../content/articles/${slug}.mdx`, import.meta.url), 'utf8'),
  );
  if (!split.ok) throw new Error(`${slug}: no frontmatter`);
  const data = articleSchema.parse(loadYaml(split.yaml));
  return { ...data, slug, sourceFile: data.source?.file, characters: 1000 };
}
