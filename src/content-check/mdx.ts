import GithubSlugger from 'github-slugger';
import { mdxToJs, mdxToMdast } from 'satteri';
import { problem, type ContentProblem } from './problem.ts';
import type { SourceFile } from './source.ts';

/** The parts of an mdast/MDX node the checks read. */
export interface MdNode {
  type: string;
  position?: { start: { line: number } };
  children?: MdNode[];
  /** JSX element name (Chart, a). */
  name?: string | null;
  attributes?: Array<{ type: string; name?: string; value?: string | null | { type: string; value: string } }>;
  /** Link and definition target. */
  url?: string;
  value?: string;
}

/** A JSX element as written: its name, its attributes (string, or the source of an {expression}), its line. */
export interface JsxElement {
  name: string;
  line: number;
  attributes: Map<string, { text: string } | { expression: string }>;
}

/** Plain words for what the MDX compiler reports; its own words are kept in brackets. */
function explain(reason: string): { message: string; fix: string } {
  const tag = /`<\/?([^>`]*)>`/u.exec(reason)?.[1];
  if (
    reason.startsWith('Unexpected character after `<`') ||
    (reason.startsWith('Unexpected character') && reason.includes('before name'))
  ) {
    return {
      message: 'has a "<" that MDX reads as the start of a component',
      fix: 'write \\< for a literal "<", or finish the tag, e.g. <Photo caption="…" />',
    };
  }
  if (reason.startsWith('Expected a closing tag')) {
    return {
      message: `has <${tag ?? ''}> that is never closed`,
      fix: `end it with "/>" (<${tag ?? 'Photo'} … />) or add </${tag ?? ''}>`,
    };
  }
  if (reason.startsWith('Unexpected closing tag')) {
    return { message: `has </${tag ?? ''}> with no opening tag`, fix: 'remove it, or add the opening tag' };
  }
  if (reason.includes('expected a corresponding closing brace for `{`')) {
    return {
      message: 'has a "{" that is never closed',
      fix: 'write \\{ for a literal "{", or close the expression with "}"',
    };
  }
  if (reason.startsWith('Could not parse expression')) {
    return {
      message: 'has a {…} expression that is not valid JavaScript',
      fix: 'check the quotes and brackets (metrics={["juye-2020/x"]}), or write \\{ for a literal "{"',
    };
  }
  return {
    message: `is not valid MDX (${reason})`,
    fix: 'compare with the MDX examples in CONTRIBUTING.md; write \\< and \\{ for literal < and {',
  };
}

/**
 * Compile the body as the site will (satteri, Astro's MDX compiler). The body
 * is padded with blank lines so the compiler's line numbers are file lines.
 */
export function parseMdx(source: SourceFile): { tree: MdNode | undefined; problems: ContentProblem[] } {
  const padded = '\n'.repeat(source.bodyLine - 1) + source.body;
  try {
    mdxToJs(padded);
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    const match = /^(\d+):(\d+): (.*?)(?: \([\w:-]+\))?$/su.exec(text);
    const line = match ? Number(match[1]) : source.bodyLine;
    const words = explain(match?.[3] ?? text);
    return { tree: undefined, problems: [problem({ file: source.path, line, field: 'body', ...words })] };
  }
  // satteri returns the standard mdast + MDX node union; the checks only read the fields above.
  return { tree: mdxToMdast(padded) as unknown as MdNode, problems: [] };
}

export function walk(node: MdNode, visit: (node: MdNode) => void): void {
  visit(node);
  for (const child of node.children ?? []) walk(child, visit);
}

export function lineOfNode(node: MdNode, fallback: number): number {
  return node.position?.start.line ?? fallback;
}

export function jsxElements(tree: MdNode): JsxElement[] {
  const found: JsxElement[] = [];
  walk(tree, (node) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name) return;
    const attributes = new Map<string, { text: string } | { expression: string }>();
    for (const attribute of node.attributes ?? []) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
      const value = attribute.value;
      if (typeof value === 'string') attributes.set(attribute.name, { text: value });
      else if (value && typeof value === 'object') attributes.set(attribute.name, { expression: value.value });
    }
    found.push({ name: node.name, line: lineOfNode(node, 1), attributes });
  });
  return found;
}

/** Plain text of a node, as a heading's id is made from it. */
export function textOf(node: MdNode): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value ?? '';
  return (node.children ?? []).map(textOf).join('');
}

/** The ids Astro gives the page's headings (github-slugger, repeats numbered -1, -2). */
export function headingIds(tree: MdNode): Array<{ id: string; text: string; line: number }> {
  const slugger = new GithubSlugger();
  const ids: Array<{ id: string; text: string; line: number }> = [];
  walk(tree, (node) => {
    if (node.type !== 'heading') return;
    const text = textOf(node);
    ids.push({ id: slugger.slug(text), text, line: lineOfNode(node, 1) });
  });
  return ids;
}
