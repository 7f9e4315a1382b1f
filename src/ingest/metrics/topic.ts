/**
 * Filing a figure under a topic: the topic whose keywords occur most often in
 * the label (ties: the earlier topic in the taxonomy, so specific topics come
 * first); failing any hit, the same in the sentence, then in the paragraph. A figure whose words name no topic
 * keeps the topic of the figure before it in the article (figures of one
 * passage share a subject), and the first figures of an article with none
 * take the topic of the first figure that has one.
 */
import type { Topic } from '../../schemas/taxonomy.ts';

function occurrences(text: string, word: string): number {
  return word === '' ? 0 : text.split(word).length - 1;
}

export function topicByKeywords(topics: readonly Topic[], texts: readonly string[]): Topic | undefined {
  for (const text of texts) {
    let best: Topic | undefined;
    let bestHits = 0;
    for (const topic of topics) {
      const hits = topic.keywords.reduce((n, k) => n + occurrences(text, k), 0);
      if (hits > bestHits) {
        best = topic;
        bestHits = hits;
      }
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/** Fill the gaps left by topicByKeywords from neighbours in reading order. */
export function fillTopics(found: ReadonlyArray<Topic | undefined>, topics: readonly Topic[]): Topic[] {
  const firstKnown = found.find((t) => t !== undefined) ?? topics[0];
  if (firstKnown === undefined) throw new Error('the taxonomy has no topics');
  let previous: Topic = firstKnown;
  return found.map((t) => {
    previous = t ?? previous;
    return previous;
  });
}
