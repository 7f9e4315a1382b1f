import type { Story } from '../schemas/story.ts';
import { findPlace, findTopic, listPlaces, loadTaxonomy } from '../lib/taxonomy.ts';

/** A frontmatter problem: where (zod path) and what. */
export interface DataProblem {
  path: Array<string | number>;
  message: string;
}

/** Checks of a story's frontmatter against the taxonomy: known topics and places. */
export function checkStoryData(data: Pick<Story, 'topics' | 'regions'>): DataProblem[] {
  const taxonomy = loadTaxonomy();
  const places = listPlaces(taxonomy);
  const problems: DataProblem[] = [];
  data.topics.forEach((topic, i) => {
    if (!findTopic(taxonomy, topic))
      problems.push({ path: ['topics', i], message: `"${topic}" is not a known topic (content/taxonomy.yaml)` });
  });
  data.regions.forEach((region, i) => {
    if (!findPlace(places, region))
      problems.push({
        path: ['regions', i],
        message: `"${region}" is not a known region or city (content/taxonomy.yaml)`,
      });
  });
  return problems;
}
