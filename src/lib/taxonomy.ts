import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { taxonomySchema, type City, type Region, type Taxonomy, type Topic } from '../schemas/taxonomy.ts';

/** Where the taxonomy lives, relative to the project root (every npm script runs there). */
export const TAXONOMY_FILE = 'content/taxonomy.yaml';

/** A place an article can be about: a county-level region, or a whole city. */
export interface Place {
  /** Printed name: 巨野县, or 聊城市 for a city-wide article. */
  name: string;
  /** URL form: juye, liaocheng. */
  pinyin: string;
  /** Parent city's name (the city itself for a city-wide place). */
  city: string;
  level: 'region' | 'city';
  /** Every printed form that names this place, longest first. */
  names: string[];
}

const SUFFIXES = ['县', '区', '市'];

/** Printed forms of a name: the official name and, if still two characters or more, the name without its suffix. */
function namesOf(name: string, aliases: readonly string[]): string[] {
  const forms = new Set([name, ...aliases]);
  const suffix = SUFFIXES.find((s) => name.endsWith(s));
  if (suffix && name.length - suffix.length >= 2) forms.add(name.slice(0, -suffix.length));
  return [...forms].sort((a, b) => b.length - a.length);
}

export function parseTaxonomy(yamlText: string): Taxonomy {
  return taxonomySchema.parse(parse(yamlText));
}

const placesOf = new WeakMap<Taxonomy, Place[]>();

/** Every place of the taxonomy, cities first within each city's regions; built once per taxonomy (callers must not change the list). */
export function listPlaces(taxonomy: Taxonomy): Place[] {
  const known = placesOf.get(taxonomy);
  if (known) return known;
  const places: Place[] = [];
  for (const city of taxonomy.cities) {
    places.push({
      name: city.name,
      pinyin: city.pinyin,
      city: city.name,
      level: 'city',
      names: namesOf(city.name, []),
    });
    for (const region of city.regions) {
      places.push({
        name: region.name,
        pinyin: region.pinyin,
        city: city.name,
        level: 'region',
        names: namesOf(region.name, region.aliases),
      });
    }
  }
  placesOf.set(taxonomy, places);
  return places;
}

let cached: Taxonomy | undefined;

/** The project's taxonomy, read once per process. */
export function loadTaxonomy(root = process.cwd()): Taxonomy {
  cached ??= parseTaxonomy(readFileSync(resolve(root, TAXONOMY_FILE), 'utf8'));
  return cached;
}

/** Find a place by its exact printed name (region first, then city), optionally within a city. */
export function findPlace(places: readonly Place[], name: string, city?: string): Place | undefined {
  const matches = places.filter((p) => p.name === name && (city === undefined || p.city === city));
  return matches.find((p) => p.level === 'region') ?? matches[0];
}

/** Frontmatter names a topic by its Chinese name (editors' choice) or its id: both mean the topic. */
export function isTopic(topic: Topic, idOrName: string): boolean {
  return topic.id === idOrName || topic.name === idOrName;
}

export function findTopic(taxonomy: Taxonomy, idOrName: string): Topic | undefined {
  return taxonomy.topics.find((t) => isTopic(t, idOrName));
}

const keywordLists = new WeakMap<readonly Topic[], Array<{ word: string; topic: Topic }>>();

/** Every keyword of the topics with its topic, longest first (a longer keyword wins where two start). */
function keywordsOf(topics: readonly Topic[]): Array<{ word: string; topic: Topic }> {
  const known = keywordLists.get(topics);
  if (known) return known;
  const list = topics
    .flatMap((topic) => topic.keywords.filter((word) => word !== '').map((word) => ({ word, topic })))
    .sort((a, b) => b.word.length - a.word.length);
  keywordLists.set(topics, list);
  return list;
}

/**
 * Mentions of each topic in a text, by its keywords: adjacent keywords of one topic are one mention
 * (家庭医生签约服务 is one primary-care mention, not two). Ingest files figures by it; an article's section
 * headings say with it which topics the article is about (lib/archive.ts topicsOf).
 */
export function topicMentions(topics: readonly Topic[], text: string): Map<Topic, number> {
  const keywords = keywordsOf(topics);
  const mentions = new Map<Topic, number>();
  let previous: { topic: Topic; end: number } | undefined;
  for (let i = 0; i < text.length;) {
    const found = keywords.find((k) => text.startsWith(k.word, i));
    if (!found) {
      i++;
      continue;
    }
    const end = i + found.word.length;
    const continues = previous !== undefined && previous.topic === found.topic && previous.end === i;
    if (!continues) mentions.set(found.topic, (mentions.get(found.topic) ?? 0) + 1);
    previous = { topic: found.topic, end };
    i = end;
  }
  return mentions;
}

export type { City, Region, Taxonomy, Topic };
