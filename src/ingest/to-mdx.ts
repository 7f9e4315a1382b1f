import { stringify } from 'yaml';
import type { Article } from '../schemas/article.ts';
import { sha256Hex } from './read.ts';
import type { Block } from './join.ts';

/** Escape plain text for MDX: see escapeMdx; this part knows nothing of web addresses. */
function escapeText(text: string): string {
  return text.replace(/[\\`*_{}[\]<>|~#&]/gu, (ch) => `\\${ch}`);
}

// A web address as written in running text: the scheme (or www.) and the characters a URL may hold unescaped.
// It ends at the first other character: CJK text and full-width punctuation, a space, quotes, < > { } \ ^ ` | [ ].
const WEB_ADDRESS = /(?:https?:\/\/|(?<![A-Za-z0-9.])www\.)[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%]*/giu;

/** Where a written address really ends: without trailing sentence punctuation or a closing bracket it never opened. */
function trimAddress(address: string): string {
  let out = address;
  for (;;) {
    const last = out.at(-1) ?? '';
    const opens = out.split('(').length - 1;
    const closes = out.split(')').length - 1;
    if (/[.,:;!?'*_~]/u.test(last) || (last === ')' && closes > opens)) out = out.slice(0, -1);
    else return out;
  }
}

/**
 * Web addresses as explicit links, the rest escaped. The compiler would link a bare address itself, but
 * on its own terms: it runs the link on into the Chinese text after it (访问https://a.example/page了解更多
 * linked 了解更多 too) and takes the backslash of an escape into it. An explicit [address](address) ends
 * where the address ends and keeps the text as written; a scheme with no address after it is set as code,
 * so that it is not linked at all.
 */
function escapeInline(text: string): string {
  let out = '';
  let at = 0;
  for (const match of text.matchAll(WEB_ADDRESS)) {
    const scheme = /^(?:https?:\/\/|www\.)/iu.exec(match[0])?.[0] ?? '';
    const address = scheme + trimAddress(match[0].slice(scheme.length));
    const start = match.index;
    out += escapeText(text.slice(at, start));
    if (!/[A-Za-z0-9]/u.test(address.slice(scheme.length))) {
      out += `\`${scheme}\``;
      at = start + scheme.length;
      continue;
    }
    const href = (scheme.toLowerCase() === 'www.' ? `http://${address}` : address).replace(
      /[()&\\]/gu,
      (ch) => `\\${ch}`,
    );
    out += `[${escapeText(address)}](${href})`;
    at = start + address.length;
  }
  return out + escapeText(text.slice(at));
}

/**
 * Escape text so MDX reads it as text: every ASCII character Markdown or JSX
 * gives a meaning to is backslash-escaped, a web address becomes an explicit
 * link, a paragraph that would start a list or an ESM statement is defused
 * with a character reference.
 */
export function escapeMdx(text: string): string {
  let out = escapeInline(text);
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
