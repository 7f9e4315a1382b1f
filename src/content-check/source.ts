import { fieldName, readYaml, type FieldPath } from '../lib/yaml-lines.ts';
import { splitFrontmatter } from '../lib/frontmatter.ts';
import { problem, type ContentProblem } from './problem.ts';

export { fieldName, type FieldPath };

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

/** YAML parsed with the line of every node known (lib/yaml-lines.ts), its mistakes as content problems. */
export function parseYaml(
  path: string,
  yamlText: string,
  firstLine: number,
): { data: unknown; lineOf: (path: FieldPath) => number; problems: ContentProblem[] } {
  const { data, lineOf, issues } = readYaml(yamlText, firstLine, firstLine === 1 ? 'yaml' : 'frontmatter');
  return { data, lineOf, problems: issues.map((issue) => problem({ file: path, ...issue })) };
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
