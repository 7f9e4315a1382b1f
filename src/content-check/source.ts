import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { problem, type ContentProblem } from './problem.ts';

export type FieldPath = ReadonlyArray<string | number>;

/** An MDX file split into its YAML frontmatter and body, with every frontmatter field's line known. */
export interface SourceFile {
  /** Repo-relative path: content/articles/juye-2020.mdx. */
  path: string;
  /** The whole file, line endings normalised to \n (line numbers unchanged). */
  text: string;
  /** Frontmatter as plain data, or undefined when it is missing or not valid YAML. */
  data: unknown;
  /** The text after the closing ---. */
  body: string;
  /** File line the body starts on. */
  bodyLine: number;
  /** File line of a frontmatter field (or of its nearest parent that exists). */
  lineOf: (path: FieldPath) => number;
}

/** `metrics[2].quote`, `title`: a field path as an editor reads it. */
export function fieldName(path: FieldPath): string {
  return path.reduce<string>(
    (name, key) => (typeof key === 'number' ? `${name}[${key}]` : name ? `${name}.${key}` : key),
    '',
  );
}

/** Child node of a map (by key) or sequence (by index). */
function child(node: unknown, key: string | number): { node: unknown; start: number | undefined } | undefined {
  if (isMap(node) && typeof key === 'string') {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === key);
    if (!pair) return undefined;
    const keyNode = pair.key as Node;
    return { node: pair.value, start: keyNode.range?.[0] };
  }
  if (isSeq(node) && typeof key === 'number') {
    const item: unknown = node.items[key];
    if (item === undefined) return undefined;
    return { node: item, start: (item as Partial<Node>).range?.[0] };
  }
  return undefined;
}

/** Offset in the YAML text of the deepest node along `path` that exists. */
function offsetOf(doc: Document.Parsed, path: FieldPath): number | undefined {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const key of path) {
    const next = child(node, key);
    if (!next) break;
    offset = next.start ?? offset;
    node = next.node;
  }
  return offset;
}

/** Plain words for the YAML errors editors meet; the parser's own text otherwise. */
function yamlProblem(code: string, message: string): { message: string; fix: string } {
  const first = message.split('\n')[0]?.replace(/ at line \d+, column \d+.*$/u, '') ?? message;
  if (code === 'DUPLICATE_KEY') return { message: 'appears twice', fix: 'keep one of the two lines' };
  if (code === 'TAB_AS_INDENT') return { message: 'is indented with a tab', fix: 'indent with spaces, two per level' };
  if (code === 'BAD_INDENT' || code === 'MISSING_CHAR' || code === 'UNEXPECTED_TOKEN') {
    return {
      message: `is not valid YAML here (${first})`,
      fix: 'check the indentation (spaces, two per level) and put text containing ": " or "#" in quotes',
    };
  }
  return {
    message: `is not valid YAML here (${first})`,
    fix: 'compare with content/templates/article.mdx; put text containing ": " or "#" in quotes',
  };
}

/** YAML parsed with the line of every node known; `firstLine` is the file line the YAML text starts on. */
export function parseYaml(
  path: string,
  yamlText: string,
  firstLine: number,
): { data: unknown; lineOf: (path: FieldPath) => number; problems: ContentProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const yamlLines = yamlText.split('\n');
  const problems = doc.errors.map((error) => {
    const line = lineCounter.linePos(error.pos[0]).line;
    // Name the field written on that line when there is one: "year appears twice".
    const key = /^\s*(?:-\s+)?([^\s:#][^:#]*?):(?:\s|$)/u.exec(yamlLines[line - 1] ?? '')?.[1];
    const field = key ?? (firstLine === 1 ? 'yaml' : 'frontmatter');
    return problem({ file: path, line: fileLine(error.pos[0]), field, ...yamlProblem(error.code, error.message) });
  });
  // An empty frontmatter is an empty map: the schema then names each missing field.
  const data: unknown = doc.errors.length === 0 ? ((doc.toJS() as unknown) ?? {}) : undefined;
  return {
    data,
    problems,
    lineOf: (fieldPath) => {
      const offset = offsetOf(doc, fieldPath);
      return offset === undefined ? Math.max(1, firstLine - 1) : fileLine(offset);
    },
  };
}

/** Split and parse one MDX file. Problems: missing or unclosed frontmatter, YAML syntax errors. */
export function parseSource(path: string, raw: string): { source: SourceFile; problems: ContentProblem[] } {
  const split = splitFrontmatter(raw);
  const { text } = split;
  const problems: ContentProblem[] = [];
  const base = { path, text, data: undefined as unknown, lineOf: (_: FieldPath) => 1 };

  if (!split.ok && split.problem === 'missing') {
    problems.push(
      problem({
        file: path,
        line: 1,
        field: 'frontmatter',
        message: 'is missing: the file must start with a line "---"',
        fix: 'start the file with "---", the fields, then another "---" (copy content/templates/article.mdx)',
      }),
    );
    return { source: { ...base, body: text, bodyLine: 1 }, problems };
  }
  if (!split.ok) {
    problems.push(
      problem({
        file: path,
        line: 1,
        field: 'frontmatter',
        message: 'is never closed',
        fix: 'add a line "---" after the last field, before the text',
      }),
    );
    return { source: { ...base, body: '', bodyLine: text.split('\n').length }, problems };
  }

  const yaml = parseYaml(path, split.yaml, split.yamlLine);
  problems.push(...yaml.problems);
  const source: SourceFile = {
    path,
    text,
    data: yaml.data,
    body: split.body,
    bodyLine: split.bodyLine,
    lineOf: yaml.lineOf,
  };
  return { source, problems };
}
