/** The six seed articles as ingest repairs them: body paragraphs from the real pipeline. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSeed } from '../../src/ingest/pipeline.ts';

export interface SeedArticle {
  name: string;
  file: string;
  /** Which article of the file, 1-based. */
  part: number;
  year: number;
}

export const SEED_ARTICLES: readonly SeedArticle[] = [
  { name: 'juye-2020', file: '000_0644de5a6c003be9.txt', part: 1, year: 2020 },
  { name: 'juye-maternal-2020', file: '000_0644de5a6c003be9.txt', part: 2, year: 2020 },
  { name: 'shanghe-2020', file: '001_cab50e4d8780eb44.txt', part: 1, year: 2020 },
  { name: 'shanting-2018', file: '002_8b567932cf11b6a5.txt', part: 1, year: 2018 },
  { name: 'jiyang-2024', file: '003_ac06bc49031416cc.txt', part: 1, year: 2024 },
  { name: 'liaocheng-2023', file: '004_b4d581d70c316eb7.txt', part: 1, year: 2023 },
];

/** Body paragraphs of one article of a seed, after OCR repair. */
export function articleParagraphs(article: { file: string; part: number }, root = process.cwd()): string[] {
  const text = readFileSync(resolve(root, 'seeds', article.file), 'utf8');
  const parsed = parseSeed({ file: article.file, sha256: '', text })[article.part - 1];
  if (!parsed) throw new Error(`${article.file} has no article ${article.part}`);
  return parsed.blocks.filter((b) => b.type === 'paragraph').map((b) => b.text);
}
