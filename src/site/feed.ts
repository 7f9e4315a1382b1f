import { bodyBlocks } from '../lib/body-text.ts';
import type { Article } from '../schemas/article.ts';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/** The full text of an article as feed HTML: subtitle, standfirst, body (headings, captions, paragraphs) and the printed byline. */
export function articleFeedHtml(data: Article, mdxBody: string): string {
  const parts: string[] = [];
  if (data.subtitle) parts.push(`<p><strong>${escapeHtml(data.subtitle)}</strong></p>`);
  for (const p of data.standfirst) parts.push(`<blockquote><p>${escapeHtml(p)}</p></blockquote>`);
  for (const block of bodyBlocks(mdxBody)) {
    if (block.type === 'heading') parts.push(`<h2>${escapeHtml(block.text)}</h2>`);
    else if (block.type === 'caption')
      parts.push(`<figure><figcaption>${escapeHtml(block.text)}</figcaption></figure>`);
    else parts.push(`<p>${escapeHtml(block.text)}</p>`);
  }
  if (data.credits.length > 0) parts.push(`<p>${data.credits.map(escapeHtml).join('　')}</p>`);
  return parts.join('\n');
}
