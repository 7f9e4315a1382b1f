import { spawnSync } from 'node:child_process';
import { checkContent, formatProblem, isError } from './index.ts';
import { readContentFiles } from './read-content.ts';

/**
 * `npm run check`: the content check (every message names file, line, field
 * and fix), then `astro check` for the code. The content check runs first:
 * astro check on broken content would only repeat its errors less clearly.
 */
function main(): void {
  const root = process.cwd();
  const files = readContentFiles(root);
  const problems = checkContent(files);
  for (const p of problems) (isError(p) ? console.error : console.warn)(formatProblem(p));
  const errors = problems.filter(isError);
  const checked = `${files.articles.length} articles, ${files.stories.length} stories, ${files.taxonomy.path}`;
  if (errors.length > 0) {
    const fileCount = new Set(errors.map((p) => p.file)).size;
    console.error(
      `\ncontent check: ${errors.length} problem(s) in ${fileCount} file(s) (${checked}). Fix them, then run npm run check again.`,
    );
    process.exitCode = 1;
    return;
  }
  const warnings = problems.length - errors.length;
  console.log(`content check: no problems (${checked})${warnings ? `, ${warnings} warning(s)` : ''}`);
  if (process.argv.includes('--content-only')) return;
  const astro = spawnSync('astro', ['check', '--minimumSeverity', 'warning'], { stdio: 'inherit', shell: false });
  process.exitCode = astro.status ?? 1;
}

main();
