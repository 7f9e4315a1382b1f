import { stringify } from 'yaml';
import type { Article } from '../schemas/article.ts';
import { sha256Hex } from './read.ts';
import type { Block } from './join.ts';

/**
 * Escape text so MDX reads it as text: every ASCII character Markdown or JSX
 * gives a meaning to is backslash-escaped, a paragraph that would start a
 * list or an ESM statement is defused with a character reference.
 */
export function escapeMdx(text: string): string {
  // Bare URLs still become links (the compiler links them after escapes): the text stays the same.
  let out = text.replace(/[\\`*_{}[\]<>|~#&]/gu, (ch) => `\\${ch}`);
  out = out.replace(/^(\s*)([-+=])/u, '$1\\$2').replace(/^(\s*\d+)([.)])/u, '$1\\$2');
  out = out.replace(
    /^(\s*)(import|export)\b/u,
    (_, space: string, word: string) => `${space}&#${word.charCodeAt(0)};${word.slice(1)}`,
  );
  return out;
}

/** A JSX attribute value: a plain quoted string when it can be, else a JS string expression. */
function jsxAttribute(text: string): string {
  return /["{}<>\\]/u.test(text) ? `{${JSON.stringify(text)}}` : `"${text}"`;
}

export function blockToMdx(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `## ${escapeMdx(block.text)}`;
    case 'caption':
      return `<Photo caption=${jsxAttribute(block.text)} />`;
    case 'paragraph':
      return escapeMdx(block.text);
  }
}

const HASH_BLOCK = /^ingest:\n {2}hash: ([0-9a-f]{64})\n/mu;

/** Frontmatter + body, the hash of which ingest records so it can later tell an editor's change. */
export function renderEntry(frontmatter: Omit<Article, 'ingest'>, blocks: readonly Block[]): string {
  // YAML 1.1 quoting: Astro reads frontmatter with a YAML 1.1 parser, which would take 2023-03-11 for a date.
  const yaml = stringify(frontmatter, { lineWidth: 0, version: '1.1' });
  const body = blocks.map(blockToMdx).join('\n\n');
  const unsigned = `---\n${yaml}---\n\n${body}\n`;
  const hash = sha256Hex(unsigned);
  return unsigned.replace(/\n---\n/u, `\ningest:\n  hash: ${hash}\n---\n`);
}

/** Whether an entry on disk is exactly what ingest wrote (true), was changed by hand (false), or was never generated (undefined). */
export function isUntouched(mdx: string): boolean | undefined {
  const recorded = HASH_BLOCK.exec(mdx)?.[1];
  if (!recorded) return undefined;
  return sha256Hex(mdx.replace(HASH_BLOCK, '')) === recorded;
}
