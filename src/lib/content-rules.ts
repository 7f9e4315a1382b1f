import type { Article } from '../schemas/article.ts';
import { findPlace, findTopic, listPlaces, loadTaxonomy } from './taxonomy.ts';

export interface DataProblem {
  path: Array<string | number>;
  message: string;
}

/** Checks of an article's frontmatter against the taxonomy: known region, its city, known topics, unique metric ids. */
export function checkArticleData(data: Article): DataProblem[] {
  const taxonomy = loadTaxonomy();
  const places = listPlaces(taxonomy);
  const problems: DataProblem[] = [];
  const place = findPlace(places, data.region, data.city) ?? findPlace(places, data.region);
  if (!place) {
    problems.push({ path: ['region'], message: `"${data.region}" is not a known region — add it to content/taxonomy.yaml or use its full name` });
  } else if (place.city !== data.city) {
    problems.push({ path: ['city'], message: `${data.region} is in ${place.city}, not ${data.city}` });
  }
  const ids = new Set<string>();
  data.metrics.forEach((metric, i) => {
    if (!findTopic(taxonomy, metric.topic)) {
      problems.push({ path: ['metrics', i, 'topic'], message: `"${metric.topic}" is not a known topic (content/taxonomy.yaml)` });
    }
    if (ids.has(metric.id)) problems.push({ path: ['metrics', i, 'id'], message: `metric id "${metric.id}" is used twice` });
    ids.add(metric.id);
  });
  return problems;
}
