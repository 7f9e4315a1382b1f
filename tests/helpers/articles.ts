/** The six seed articles as body paragraphs (via the test stand-in for OCR repair). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { seedParagraphs, type SliceOptions } from './paragraphs.ts';

export interface SeedArticle extends SliceOptions {
  name: string;
  file: string;
  year: number;
}

export const SEED_ARTICLES: readonly SeedArticle[] = [
  { name: 'juye-2020', file: '000_0644de5a6c003be9.txt', year: 2020, until: '（照片均为资料片）' },
  { name: 'juye-maternal-2020', file: '000_0644de5a6c003be9.txt', year: 2020, from: '生命的摇篮', until: '（照片均为资料片）' },
  { name: 'shanghe-2020', file: '001_cab50e4d8780eb44.txt', year: 2020, skip: ['卫健系统工作人员进行核酸检测。', '商河县门诊综合楼投入使用。'] },
  { name: 'shanting-2018', file: '002_8b567932cf11b6a5.txt', year: 2018 },
  { name: 'jiyang-2024', file: '003_ac06bc49031416cc.txt', year: 2024 },
  { name: 'liaocheng-2023', file: '004_b4d581d70c316eb7.txt', year: 2023, until: '豕烶健康促进工作模式', headings: 'markdown' },
];

export function readSeed(file: string, root = process.cwd()): string {
  return readFileSync(resolve(root, 'seeds', file), 'utf8');
}

export function articleParagraphs(article: SliceOptions & { file: string }, root = process.cwd()): string[] {
  return seedParagraphs(readSeed(article.file, root), article);
}
