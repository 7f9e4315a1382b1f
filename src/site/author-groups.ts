import type { Author } from '../schemas/article.ts';

export interface BylineGroup {
  role: string;
  names: string[];
}

/** Authors grouped by role, in byline order: 通讯员 王风华 张友姿 rather than the role twice. */
export function groupAuthors(authors: readonly Author[]): BylineGroup[] {
  const groups: BylineGroup[] = [];
  for (const author of authors) {
    const last = groups.at(-1);
    if (last && last.role === author.role) last.names.push(author.name);
    else groups.push({ role: author.role, names: [author.name] });
  }
  return groups;
}

/** The credit printed for the whole byline (文/片), when every author shares it. */
export function sharedCredit(authors: readonly Author[]): string | undefined {
  const credits = new Set(authors.map((a) => a.credit));
  const [only] = credits;
  return credits.size === 1 ? only : undefined;
}
