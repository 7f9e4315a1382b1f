/** A figure's sentence to mark in a paragraph: the anchor ids that point at it. */
export interface FactTarget {
  id: string;
  quote: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => ESCAPES[ch] ?? ch);
}

function decodeEntities(html: string): string {
  return html
    .replace(/&#(\d+);/gu, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/giu, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(
      /&(amp|lt|gt|quot|apos);/gu,
      (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name] ?? '',
    );
}

/**
 * Wrap each figure's sentence in a paragraph's HTML in a `<span class="fact">`
 * whose id is the first metric's id; further metrics of the same sentence get
 * an empty anchor inside it, so `#<metric-id>` lands on (and, with CSS
 * `:target`, highlights) the sentence. Paragraphs with markup inside are
 * matched on their escaped text; a quote not found is left alone (the
 * content check reports it).
 */
export function markFacts(html: string, targets: readonly FactTarget[]): string {
  const bySentence = new Map<string, string[]>();
  for (const target of targets) {
    const ids = bySentence.get(target.quote) ?? [];
    ids.push(target.id);
    bySentence.set(target.quote, ids);
  }
  const plainParagraph = !html.includes('<');
  let text = plainParagraph ? decodeEntities(html) : html;
  const placed: Array<{ marker: string; html: string }> = [];
  for (const [quote, ids] of bySentence) {
    const needle = plainParagraph ? quote : escapeHtml(quote);
    const at = text.indexOf(needle);
    if (at < 0) continue;
    const [first, ...rest] = ids;
    const marker = `\u0000${placed.length}\u0000`;
    const inner = (plainParagraph ? escapeHtml(quote) : needle).trim();
    const anchors = rest.map((id) => `<span class="fact-anchor" id="${escapeHtml(id)}"></span>`).join('');
    placed.push({ marker, html: `<span class="fact" id="${escapeHtml(first ?? '')}">${anchors}${inner}</span>` });
    text = text.slice(0, at) + marker + text.slice(at + needle.length);
  }
  let out = plainParagraph ? escapeHtml(text) : text;
  for (const { marker, html: span } of placed) out = out.replace(marker, span);
  return out;
}
