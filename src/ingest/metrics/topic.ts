/**
 * Filing a figure under a topic: the topic whose keywords occur most often in
 * the label; failing any hit, the same in the sentence, then in the paragraph.
 * A tie in a label naming one thing goes to the topic listed first in the
 * taxonomy (specific topics come first: 签约服务常住老年人 is elderly care). A tie
 * in a label listing several things, or in a sentence, is settled by the wider
 * text (the sentence, then the paragraph) among the tied topics only:
 * 比邻医馆、健康义诊、中医药夜宴 names 中医 and 义诊 once each, and the sentence,
 * which says 义诊 again, files it under medical services.
 * Keywords are counted as mentions: adjacent keywords of one topic are one
 * mention (家庭医生签约服务 is one primary-care mention, not two).
 * A figure whose words name no topic keeps the topic of the figure before it
 * in the article (figures of one passage share a subject), and the first
 * figures of an article with none take the topic of the first figure that has one.
 */
import { topicMentions } from '../../lib/taxonomy.ts';
import type { Topic } from '../../schemas/taxonomy.ts';

/** The topics with the most mentions in a text, among `candidates`, in taxonomy order. */
function leaders(topics: readonly Topic[], candidates: readonly Topic[], text: string): Topic[] {
  const mentions = topicMentions(topics, text);
  const most = Math.max(0, ...candidates.map((t) => mentions.get(t) ?? 0));
  return most === 0 ? [] : candidates.filter((t) => (mentions.get(t) ?? 0) === most);
}

/** A label listing several things (比邻医馆、健康义诊、中医药夜宴等): its own words do not say which one it is about. */
const LIST = /[、和及与]/u;

export function topicByKeywords(topics: readonly Topic[], texts: readonly string[]): Topic | undefined {
  for (const [index, text] of texts.entries()) {
    let tied = leaders(topics, topics, text);
    if (tied.length === 0) continue;
    // A label naming one thing (签约服务常住老年人) keeps the more specific topic; a list or a sentence asks the wider text.
    if (index === 0 && texts.length > 1 && !LIST.test(text)) return tied[0];
    for (const wider of texts.slice(index + 1)) {
      if (tied.length === 1) break;
      const narrowed = leaders(topics, tied, wider);
      if (narrowed.length > 0) tied = narrowed;
    }
    return tied[0];
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
