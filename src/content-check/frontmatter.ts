import { z } from 'zod';
import { YEAR_RANGE_TEXT, YEARS } from '../schemas/article.ts';
import { problem, quoteValue, type ContentProblem } from './problem.ts';
import { fieldName, type FieldPath, type SourceFile } from './source.ts';
import { didYouMean, suggest } from './suggest.ts';

/** Fields Astro reads itself before the schema: `slug` overrides the URL name. */
export const LOADER_FIELDS = ['slug'] as const;

const TYPE_WORDS: Readonly<Record<string, string>> = {
  number: 'a number',
  string: 'text',
  array: 'a list',
  object: 'a group of fields',
  boolean: 'true or false',
  date: 'a date',
};

const TYPE_FIXES: Readonly<Record<string, string>> = {
  number: 'write digits only, without quotes or units',
  string: 'write it as text; put it in quotes if it is only digits',
  array: 'write a list: one "- item" per line under it, or [] for none',
  object: 'put its fields on the lines below it, indented by two spaces',
  boolean: 'write true or false',
  date: 'write the date as 2024-05-01',
};

/** Fixes for fields whose format the schema checks with a bare pattern. */
const FORMAT_FIXES: Readonly<Record<string, string>> = {
  'source.file': 'give the file name under seeds/, ending in .txt (000_0644de5a6c003be9.txt)',
  'source.sha256': 'ingest writes this: restore it from git (git checkout -- <file>) or delete the source: block',
  'ingest.hash': 'ingest writes this: delete the ingest: block rather than editing it',
  date: 'write the date as 2024-05-01',
};

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'empty';
  if (typeof value === 'object') return 'a group of fields';
  return quoteValue(value);
}

/** The generic field path of an issue (metrics[2].id → metrics.id), for per-field fixes. */
function genericName(path: FieldPath): string {
  return path.filter((k) => typeof k === 'string').join('.');
}

/** One zod issue in plain words, with the fix. */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown): { message: string; fix: string } {
  const field = genericName(issue.path as FieldPath);
  if (field === 'year' && (issue.code === 'too_small' || issue.code === 'too_big')) {
    return {
      message: `${describe(input)} is outside the years the archive covers (${YEAR_RANGE_TEXT})`,
      fix: `write the year the article reports on, from ${YEARS.first} to ${YEARS.last}`,
    };
  }
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (input === undefined) {
        return {
          message: 'is missing',
          fix: `add a line "${String(issue.path[issue.path.length - 1])}: …" (${expected})`,
        };
      }
      const example = field === 'year' ? ' (year: 2021)' : '';
      return {
        message: `should be ${expected}, not ${describe(input)}`,
        fix: `${TYPE_FIXES[issue.expected] ?? `write ${expected}`}${example}`,
      };
    }
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { message: 'is empty', fix: 'write it, or delete the line if the field is optional' }
          : {
              message: `${describe(input)} is too short`,
              fix: `write at least ${String(issue.minimum)} characters (the full name, e.g. 巨野县)`,
            };
      }
      if (issue.origin === 'array')
        return { message: `needs at least ${String(issue.minimum)} items`, fix: 'add the missing items' };
      return { message: `${describe(input)} is too small`, fix: `use a value of at least ${String(issue.minimum)}` };
    case 'too_big':
      if (issue.origin === 'array')
        return { message: `has more than ${String(issue.maximum)} items`, fix: 'remove the extra items' };
      return { message: `${describe(input)} is too large`, fix: `use a value of at most ${String(issue.maximum)}` };
    case 'invalid_format': {
      const custom = !issue.message.startsWith('Invalid');
      return {
        message: `${describe(input)} is not in the right form`,
        fix: custom ? issue.message : (FORMAT_FIXES[field] ?? `match ${issue.pattern ?? issue.format}`),
      };
    }
    case 'invalid_value': {
      const values = issue.values.map(String);
      const guess = suggest(
        String(input),
        values.map((v) => ({ value: v })),
        1,
      );
      return {
        message: `${describe(input)} is not one of: ${values.join(', ')}`,
        fix: didYouMean(guess, 'use one of the listed values'),
      };
    }
    case 'invalid_union':
      return {
        message: `${describe(input)} is not in any accepted form`,
        fix: 'compare with content/templates/article.mdx',
      };
    default:
      return { message: issue.message, fix: 'compare with content/templates/article.mdx' };
  }
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** The object schema under optional/default/nullable wrappers. */
function unwrap(schema: z.ZodType): z.ZodType {
  let inner: z.ZodType = schema;
  for (;;) {
    if (inner instanceof z.ZodOptional || inner instanceof z.ZodNullable) inner = inner.unwrap() as z.ZodType;
    else if (inner instanceof z.ZodDefault) inner = inner.unwrap() as z.ZodType;
    else return inner;
  }
}

/** Keys the schema does not know (zod drops them silently, so a misspelt field would simply vanish). */
function unknownKeys(
  schema: z.ZodType,
  value: unknown,
  path: FieldPath,
  extra: readonly string[],
): Array<{ path: FieldPath; known: string[] }> {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodArray && Array.isArray(value)) {
    return value.flatMap((item, i) => unknownKeys(inner.element as z.ZodType, item, [...path, i], []));
  }
  if (!(inner instanceof z.ZodObject) || value === null || typeof value !== 'object' || Array.isArray(value)) return [];
  const shape = inner.shape as Record<string, z.ZodType>;
  const known = [...Object.keys(shape), ...extra];
  const found: Array<{ path: FieldPath; known: string[] }> = [];
  for (const [key, child] of Object.entries(value)) {
    const field = shape[key];
    if (field) found.push(...unknownKeys(field, child, [...path, key], []));
    else if (!extra.includes(key)) found.push({ path: [...path, key], known });
  }
  return found;
}

/**
 * Validate data read from YAML against a schema: every zod issue and every
 * unknown field becomes a problem on the line of its field.
 */
export function validateYaml<S extends z.ZodType>(
  file: string,
  data: unknown,
  lineOf: (path: FieldPath) => number,
  schema: S,
  what: string,
  extraKeys: readonly string[] = [],
): { data: z.output<S> | undefined; problems: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const at = (path: FieldPath) => ({ file, line: lineOf(path), field: fieldName(path) || what });
  for (const { path, known } of unknownKeys(schema, data, [], extraKeys)) {
    const key = String(path[path.length - 1]);
    const guesses = suggest(
      key,
      known.map((k) => ({ value: k })),
      1,
    );
    problems.push(
      problem({
        ...at(path),
        message: `is not a field of ${what}`,
        fix: didYouMean(guesses, 'delete it, or check its spelling against content/templates/'),
      }),
    );
  }
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { data: result.data, problems };
  for (const issue of result.error.issues) {
    const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
    problems.push(problem({ ...at(path), ...describeIssue(issue, valueAt(data, path)) }));
  }
  return { data: undefined, problems };
}

/** Validate an entry's frontmatter; returns the parsed data when valid, for the checks that need it. */
export function checkFrontmatter<S extends z.ZodType>(
  source: SourceFile,
  schema: S,
  kind: string,
): { data: z.output<S> | undefined; problems: ContentProblem[] } {
  if (source.data === undefined) return { data: undefined, problems: [] };
  const checked = validateYaml(source.path, source.data, source.lineOf, schema, `${kind} frontmatter`, LOADER_FIELDS);
  const slug = valueAt(source.data, ['slug']);
  if (slug !== undefined && (typeof slug !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(slug))) {
    checked.problems.push(
      problem({
        file: source.path,
        line: source.lineOf(['slug']),
        field: 'slug',
        message: `${describe(slug)} is not a usable URL name`,
        fix: 'use lowercase ASCII letters, digits and hyphens (juye-2021), or delete the line',
      }),
    );
  }
  return checked;
}
