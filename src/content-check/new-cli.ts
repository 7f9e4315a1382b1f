import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { checkContent, formatProblem, isError } from './index.ts';
import { parseSource } from './source.ts';
import { entrySlug } from './slugs.ts';
import { parseNewArgs, planNewArticle } from './new-article.ts';
import { loadTaxonomy } from '../lib/taxonomy.ts';
import { readContentFiles } from './read-content.ts';

export const TEMPLATE = 'content/templates/article.mdx';

/** `npm run new -- "<标题>" --region 巨野县 --year 2021`: write a valid, empty article entry to fill in. */
function main(): void {
  const root = process.cwd();
  const request = parseNewArgs(process.argv.slice(2));
  if (!request.ok) return fail(request.error);
  const files = readContentFiles(root);
  const taken = new Set(
    files.articles.map((f) => entrySlug(basename(f.path), parseSource(f.path, f.text).source.data)),
  );
  const plan = planNewArticle(request.value, loadTaxonomy(root), taken, readFileSync(join(root, TEMPLATE), 'utf8'));
  if (!plan.ok) return fail(plan.error);

  const path = `content/articles/${plan.value.slug}.mdx`;
  if (existsSync(join(root, path))) return fail(`${path} already exists`);
  // Check the new entry as the build will, before writing it: it must be valid from the start.
  const errors = checkContent({ ...files, articles: [...files.articles, { path, text: plan.value.text }] }).filter(
    (p) => p.file === path && isError(p),
  );
  if (errors.length > 0) return fail(errors.map(formatProblem).join('\n'));

  writeFileSync(join(root, path), plan.value.text, { flag: 'wx' });
  console.log(`created ${path}`);
  console.log('next: write the text below the second "---" line, fill in authors and credits, then run npm run check');
  console.log(`preview: npm run dev, then open http://localhost:4321/articles/${plan.value.slug}/`);
}

function fail(message: string): void {
  console.error(message);
  process.exitCode = 1;
}

main();
