import { load as loadYaml } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

/**
 * YAML read with the line of every node known, and its syntax errors in plain words, for the files
 * editors write (frontmatter, the taxonomy, the label corrections): the content check and ingest both
 * name the file, line and field of a mistake.
 */

export type FieldPath = ReadonlyArray<string | number>;

/** A YAML mistake at a line of the file, in an editor's words. */
export interface YamlIssue {
  line: number;
  field: string;
  message: string;
  fix: string;
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
function yamlProblem(code: string, message: string, example: string): { message: string; fix: string } {
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
    fix: `compare with ${example}; put text containing ": " or "#" in quotes`,
  };
}

/**
 * YAML parsed with the line of every node known; `firstLine` is the file line the YAML text starts on,
 * `fallbackField` what a mistake on a line without a key is called, `example` what to compare the text with.
 */
export function readYaml(
  yamlText: string,
  firstLine: number,
  fallbackField: string,
  example = 'content/templates/article.mdx',
): { data: unknown; lineOf: (path: FieldPath) => number; issues: YamlIssue[] } {
  // Astro reads frontmatter with js-yaml, so the data checked is read the same way (an unquoted date is a Date to
  // both). The document with every node's line is made only when a line is asked for or the text has a mistake:
  // it takes about 13 ms for a 23 KB frontmatter, js-yaml about 1.3 ms (200 of the bench's articles).
  let data: unknown;
  try {
    data = loadYaml(yamlText) ?? {};
  } catch {
    return readYamlDocument(yamlText, firstLine, fallbackField, example);
  }
  let document: ReturnType<typeof readYamlDocument> | undefined;
  return {
    data,
    issues: [],
    lineOf: (fieldPath) =>
      (document ??= readYamlDocument(yamlText, firstLine, fallbackField, example)).lineOf(fieldPath),
  };
}

/** The YAML document with every node's line, and its mistakes in an editor's words. */
function readYamlDocument(
  yamlText: string,
  firstLine: number,
  fallbackField: string,
  example: string,
): { data: unknown; lineOf: (path: FieldPath) => number; issues: YamlIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, uniqueKeys: true });
  const fileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const yamlLines = yamlText.split('\n');
  const issues = doc.errors.map((error) => {
    const line = lineCounter.linePos(error.pos[0]).line;
    // Name the field written on that line when there is one: "year appears twice".
    const key = /^\s*(?:-\s+)?([^\s:#][^:#]*?):(?:\s|$)/u.exec(yamlLines[line - 1] ?? '')?.[1];
    return {
      line: fileLine(error.pos[0]),
      field: key ?? fallbackField,
      ...yamlProblem(error.code, error.message, example),
    };
  });
  // An empty frontmatter is an empty map: the schema then names each missing field.
  const data: unknown = doc.errors.length === 0 ? ((doc.toJS() as unknown) ?? {}) : undefined;
  return {
    data,
    issues,
    lineOf: (fieldPath) => {
      const offset = offsetOf(doc, fieldPath);
      return offset === undefined ? Math.max(1, firstLine - 1) : fileLine(offset);
    },
  };
}
