import { listPlaces, type Place } from '../lib/taxonomy.ts';
import type { Taxonomy, Topic } from '../schemas/taxonomy.ts';
import { quoteValue } from './problem.ts';
import type { FieldPath } from './source.ts';
import { didYouMean, suggest } from './suggest.ts';

/** A problem with a field's value, before it is placed on a file and line. */
export interface FieldProblem {
  path: FieldPath;
  message: string;
  fix: string;
}

/** The taxonomy as lookups: places (regions and whole cities) and topics. */
export interface TaxonomyIndex {
  places: Place[];
  topics: readonly Topic[];
}

export function indexTaxonomy(taxonomy: Taxonomy): TaxonomyIndex {
  return { places: listPlaces(taxonomy), topics: taxonomy.topics };
}

/** Region known, and in the city given (when the entry gives one). */
export function checkRegion(index: TaxonomyIndex, region: string, city?: string): FieldProblem[] {
  const matches = index.places.filter((p) => p.name === region);
  if (matches.length === 0) {
    const guesses = suggest(
      region,
      index.places.map((p) => ({ value: p.name, aliases: p.names })),
    );
    return [
      {
        path: ['region'],
        message: `${quoteValue(region)} is not a known region`,
        fix: didYouMean(
          guesses,
          'write the full name as in content/taxonomy.yaml (巨野县, 聊城市), or add the region there under its city',
        ),
      },
    ];
  }
  if (city === undefined || matches.some((p) => p.city === city)) return [];
  const cities = [...new Set(matches.map((p) => p.city))];
  const fix =
    cities.length === 1
      ? `${region} is in ${cities[0]}: write city: ${cities[0]}`
      : `${region} is in ${cities.join(' and in ')}: write the one you mean`;
  return [{ path: ['city'], message: `${quoteValue(city)} does not match region ${region}`, fix }];
}

/** A topic id (or its Chinese name) from the taxonomy. */
export function checkTopic(index: TaxonomyIndex, topic: string, path: FieldPath): FieldProblem[] {
  if (index.topics.some((t) => t.id === topic || t.name === topic)) return [];
  const guesses = suggest(
    topic,
    index.topics.map((t) => ({ value: t.id, aliases: [t.name] })),
  );
  return [
    {
      path,
      message: `${quoteValue(topic)} is not a known topic`,
      fix: didYouMean(guesses, 'use a topic id from content/taxonomy.yaml (elderly-care), or add the topic there'),
    },
  ];
}

/** Region, city and every metric's topic of an article's frontmatter. */
export function checkArticleTaxonomy(
  index: TaxonomyIndex,
  data: { region: string; city: string; metrics: ReadonlyArray<{ topic: string }> },
): FieldProblem[] {
  return [
    ...checkRegion(index, data.region, data.city),
    ...data.metrics.flatMap((m, i) => checkTopic(index, m.topic, ['metrics', i, 'topic'])),
  ];
}
