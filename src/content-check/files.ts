import { problem, type ContentProblem } from './problem.ts';

/**
 * Files in an entry folder that the site would silently skip or mishandle:
 * not .mdx (the collections load *.mdx only), or inside a subfolder (a slug
 * with a folder in it does not fit the page routes). Dotfiles (.DS_Store) are left alone.
 */
export function checkEntryFileNames(paths: readonly string[], folder: string): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const path of paths) {
    const inside = path.slice(folder.length + 1);
    const name = inside.split('/').pop() ?? inside;
    if (name.startsWith('.')) continue;
    if (inside.includes('/')) {
      problems.push(
        problem({
          file: path,
          line: 1,
          field: 'file',
          message: `is in a subfolder: entries sit directly in ${folder}/ (page names have no folders)`,
          fix: `move it up to ${folder}/`,
        }),
      );
    } else if (!name.endsWith('.mdx')) {
      const fix = /\.(md|markdown|MDX|txt)$/u.test(name)
        ? `rename it to ${name.replace(/\.[^.]+$/u, '.mdx')}`
        : `move it out of ${folder}/ (only .mdx entries belong there)`;
      problems.push(
        problem({ file: path, line: 1, field: 'file', message: 'is not an .mdx file, so the site ignores it', fix }),
      );
    }
  }
  return problems;
}
