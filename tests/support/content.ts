import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import { storySchema, type Story } from '../../src/schemas/story.ts';
import { splitFrontmatter } from '../../src/lib/frontmatter.ts';

export interface ContentEntry {
  slug: string;
  data: Article;
  body: string;
  raw: string;
}

/** The committed article entries, frontmatter parsed with the shared schema. */
export function readEntries(root = process.cwd()): ContentEntry[] {
  const dir = join(root, 'content', 'articles');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const split = splitFrontmatter(raw);
      if (!split.ok) throw new Error(`${file}: no frontmatter`);
      return { slug: file.slice(0, -4), data: articleSchema.parse(parse(split.yaml)), body: split.body, raw };
    });
}

export interface StoryEntry {
  slug: string;
  data: Story;
  body: string;
}

/** The committed feature stories, frontmatter parsed with the shared schema. */
export function readStories(root = process.cwd()): StoryEntry[] {
  const dir = join(root, 'content', 'stories');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .sort()
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      const split = splitFrontmatter(raw);
      if (!split.ok) throw new Error(`${file}: no frontmatter`);
      return { slug: file.slice(0, -4), data: storySchema.parse(parse(split.yaml)), body: split.body };
    });
}
