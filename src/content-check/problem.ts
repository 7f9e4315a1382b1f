/** One mistake in the content, located and explained so an editor can fix it without reading code. */
export interface ContentProblem {
  /** Repo-relative path with forward slashes: content/articles/juye-2020.mdx. */
  file: string;
  /** 1-based line of the file the problem is on. */
  line: number;
  /** The frontmatter field (metrics[2].quote), or "body" for the MDX text. */
  field: string;
  /** What is wrong, in plain words, starting right after the field name. */
  message: string;
  /** What to do about it. */
  fix: string;
  /** Warnings are printed but do not fail the check or the build. */
  severity: 'error' | 'warning';
}

export type ProblemDetails = Omit<ContentProblem, 'severity'> & { severity?: ContentProblem['severity'] };

export function problem(details: ProblemDetails): ContentProblem {
  return { ...details, severity: details.severity ?? 'error' };
}

/** One line: `content/articles/x.mdx:3 region "巨野" is not a known region — did you mean 巨野县?`. */
export function formatProblem(p: ContentProblem): string {
  const prefix = p.severity === 'warning' ? 'warning: ' : '';
  return `${p.file}:${p.line} ${prefix}${p.field} ${p.message} — ${p.fix}`;
}

/** File by file, top to bottom: the order an editor fixes them in. */
export function sortProblems(problems: readonly ContentProblem[]): ContentProblem[] {
  return [...problems].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

export function isError(p: ContentProblem): boolean {
  return p.severity === 'error';
}

/** A value as an editor wrote it, shortened so a message stays on one line. */
export function quoteValue(value: unknown, max = 40): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const chars = [...text];
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
  return typeof value === 'string' ? `"${shown}"` : shown;
}
