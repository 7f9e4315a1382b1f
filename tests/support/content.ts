import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { articleSchema, type Article } from '../../src/schemas/article.ts';
import { storySchema, type Story } from '../../src/schemas/story.ts';

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
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(raw);
      if (!match) throw new Error(`${file}: no frontmatter`);
      return { slug: file.slice(0, -4), data: articleSchema.parse(parse(match[1] ?? '')), body: match[2] ?? '', raw };
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
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/u.exec(raw);
      if (!match) throw new Error(`${file}: no frontmatter`);
      return { slug: file.slice(0, -4), data: storySchema.parse(parse(match[1] ?? '')), body: match[2] ?? '' };
    });
}
