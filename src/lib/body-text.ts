/** Plain text of an MDX body, block by block, as a reader sees it on the page. */
export interface TextBlock {
  type: 'paragraph' | 'heading' | 'caption';
  text: string;
}

// [text](destination) and `code`, unescaped brackets and backticks only: a reader sees the text and the code.
const LINK = /(?<=(?:^|[^\\])(?:\\\\)*)\[((?:\\.|[^\]\\])*)\]\((?:\\.|[^)\\\s])*\)/gu;
const CODE = /(?<=(?:^|[^\\])(?:\\\\)*)`([^`]*)`/gu;

/** Undo MDX escaping: backslash escapes and numeric character references; links and code spans read as their text. */
export function unescapeMdx(text: string): string {
  return text
    .replace(LINK, '$1')
    .replace(CODE, '$1')
    .replace(/&#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/giu, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/\\([!-/:-@[-`{-~])/gu, '$1');
}

function attribute(tag: string, name: string): string | undefined {
  const quoted = new RegExp(`${name}="([^"]*)"`, 'u').exec(tag)?.[1];
  if (quoted !== undefined) return quoted;
  const expression = new RegExp(`${name}=\\{("(?:[^"\\\\]|\\\\.)*")\\}`, 'u').exec(tag)?.[1];
  if (expression === undefined) return undefined;
  try {
    return JSON.parse(expression) as string;
  } catch {
    return undefined;
  }
}

/**
 * Split an MDX body into blocks: "## " headings, <Photo caption="…" />
 * captions, paragraphs; ESM lines and other JSX tags are not text.
 */
export function bodyBlocks(mdx: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  for (const chunk of mdx.split(/\n\s*\n/u)) {
    const text = chunk.trim();
    if (!text || /^(import|export)\s/u.test(text)) continue;
    const heading = /^#{1,6}\s+(.*)$/u.exec(text);
    if (heading) {
      blocks.push({ type: 'heading', text: unescapeMdx(heading[1] ?? '') });
      continue;
    }
    if (/^<Photo\b/u.test(text)) {
      const caption = attribute(text, 'caption');
      if (caption !== undefined) blocks.push({ type: 'caption', text: caption });
      continue;
    }
    const plain = unescapeMdx(text.replace(/(?<!\\)<\/?[A-Za-z][^>]*?(?<!\\)>/gu, '').replace(/\s*\n\s*/gu, ''));
    if (plain.trim()) blocks.push({ type: 'paragraph', text: plain.trim() });
  }
  return blocks;
}

/** Characters of running text (字数): everything but whitespace, in paragraphs and headings. */
export function countCharacters(blocks: readonly TextBlock[]): number {
  return blocks.filter((b) => b.type !== 'caption').reduce((sum, b) => sum + b.text.replace(/\s/gu, '').length, 0);
}
