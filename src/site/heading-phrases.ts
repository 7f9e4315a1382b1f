import type { ElementContent, Element } from 'hast';
import { defineHastPlugin } from 'satteri';
import { isSpace, splitPhrases } from '../lib/phrases.ts';

/** A text as phrases with a <wbr> between them: the same output as components/Phrases.astro. */
function phraseNodes(text: string): ElementContent[] {
  const pieces = splitPhrases(text);
  return pieces.flatMap((piece, i): ElementContent[] => {
    const before = pieces[i - 1];
    const node: ElementContent = { type: 'text', value: piece };
    return before !== undefined && !isSpace(piece) && !isSpace(before)
      ? [{ type: 'element', tagName: 'wbr', properties: {}, children: [] }, node]
      : [node];
  });
}

function withPhrases(children: readonly ElementContent[]): ElementContent[] {
  return children.flatMap((child): ElementContent[] => {
    if (child.type === 'text') return phraseNodes(child.value);
    if (child.type === 'element') return [{ ...child, children: withPhrases(child.children) }];
    return [child];
  });
}

/** Markdown (hast) plugin: headings in articles and stories break lines only between phrases (src/lib/phrases.ts). */
export const headingPhrases = defineHastPlugin({
  name: 'heading-phrases',
  element: {
    filter: ['h1', 'h2', 'h3', 'h4'],
    visit(node): Element {
      const classes = node.properties['className'];
      return {
        ...node,
        properties: { ...node.properties, className: [...(Array.isArray(classes) ? classes : []), 'phrases'] },
        children: withPhrases(node.children),
      };
    },
  },
});
