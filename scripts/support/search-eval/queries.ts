/**
 * The reader query set (queries.json) and the oracle's expected pages for it (expected.json).
 * Both are plain data: nothing here depends on the search engine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const QUERIES_FILE = fileURLToPath(new URL('./queries.json', import.meta.url));
export const EXPECTED_FILE = fileURLToPath(new URL('./expected.json', import.meta.url));

export const SPLITS = ['tune', 'heldout'] as const;
export type Split = (typeof SPLITS)[number];

const querySchema = z.object({
  /** Stable name: <category>-<number>. */
  id: z.string().regex(/^[a-z]+-\d{2}$/u),
  /** The query as a reader types it. */
  q: z.string().min(1),
  /** What kind of query (topic, place, number, traditional, punctuation, empty, ...). */
  category: z.string().min(1),
  /** tune: may be looked at while changing the engine; heldout: only its aggregate figures are reported. */
  split: z.enum(SPLITS),
  /** Hand-checked pages a reader wants first (page keys as in expected.json); ranking is judged on them when given. */
  best: z.array(z.string()).optional(),
});
export type EvalQuery = z.infer<typeof querySchema>;

const queriesFileSchema = z.object({ about: z.string(), queries: z.array(querySchema).min(1) });

const expectedFileSchema = z.object({
  about: z.string(),
  /** Every searchable page the oracle saw, with its type. */
  pages: z.record(z.string(), z.enum(['article', 'story'])),
  /** Query id → keys of the pages the oracle expects. */
  expected: z.record(z.string(), z.array(z.string())),
});
export type ExpectedFile = z.infer<typeof expectedFileSchema>;

function readJson<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export function loadQueries(): EvalQuery[] {
  const { queries } = readJson(QUERIES_FILE, queriesFileSchema);
  const ids = new Set<string>();
  for (const query of queries) {
    if (ids.has(query.id))
      throw new Error(`${QUERIES_FILE}: query id ${query.id} is used twice; give each query its own id`);
    ids.add(query.id);
  }
  return queries;
}

export function loadExpected(): ExpectedFile {
  return readJson(EXPECTED_FILE, expectedFileSchema);
}
