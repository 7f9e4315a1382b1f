import { taxonomySchema, type Taxonomy } from '../schemas/taxonomy.ts';
import { validateYaml } from './frontmatter.ts';
import { problem, type ContentProblem } from './problem.ts';
import { fieldName, parseYaml, type FieldPath } from './source.ts';

/**
 * Check content/taxonomy.yaml, the file editors extend: valid against its
 * schema, every pinyin (a URL part) and topic id used once.
 */
export function checkTaxonomyFile(
  path: string,
  text: string,
): { taxonomy: Taxonomy | undefined; problems: ContentProblem[] } {
  const yaml = parseYaml(path, text.replace(/\r\n?/gu, '\n'), 1);
  if (yaml.data === undefined) return { taxonomy: undefined, problems: yaml.problems };
  const at = (p: FieldPath) => ({ file: path, line: yaml.lineOf(p), field: fieldName(p) || 'taxonomy' });
  const result = validateYaml(path, yaml.data, yaml.lineOf, taxonomySchema, 'the taxonomy');
  if (!result.data || result.problems.length > 0) return { taxonomy: undefined, problems: result.problems };

  const taxonomy = result.data;
  const problems: ContentProblem[] = [];
  const pinyinSeen = new Map<string, FieldPath>();
  const claim = (pinyin: string, p: FieldPath) => {
    const first = pinyinSeen.get(pinyin);
    if (first) {
      problems.push(
        problem({
          ...at(p),
          message: `"${pinyin}" is already used by ${fieldName(first)} (line ${yaml.lineOf(first)})`,
          fix: 'make it unique, e.g. add the city: lanshan-linyi',
        }),
      );
    } else pinyinSeen.set(pinyin, p);
  };
  taxonomy.cities.forEach((city, c) => {
    claim(city.pinyin, ['cities', c, 'pinyin']);
    city.regions.forEach((region, r) => claim(region.pinyin, ['cities', c, 'regions', r, 'pinyin']));
  });
  const topicSeen = new Map<string, number>();
  taxonomy.topics.forEach((topic, t) => {
    const first = topicSeen.get(topic.id);
    if (first !== undefined) {
      problems.push(
        problem({
          ...at(['topics', t, 'id']),
          message: `"${topic.id}" is already the id of topics[${first}] (line ${yaml.lineOf(['topics', first, 'id'])})`,
          fix: 'give each topic its own id',
        }),
      );
    } else topicSeen.set(topic.id, t);
  });
  return { taxonomy: problems.length === 0 ? taxonomy : undefined, problems };
}
