import { parseExpressionAt, tokenizer, type Expression, type Node as EsNode } from 'acorn';
import { lineOfNode, walk, type MdNode } from './mdx.ts';
import { CHART_COMPONENTS } from './references.ts';
import { didYouMean, suggest } from './suggest.ts';

/**
 * What an article or story body may contain. MDX is a programming language: an
 * entry could import Node modules, run code on the build machine, or put markup
 * on the site that the editors never see. Content is text plus the site's own
 * components, so everything else is refused here, before anything is built.
 */

export type EntryKind = 'article' | 'story';

/** Components each kind of page provides (src/pages/articles/[slug].astro, src/pages/stories/[slug].astro). */
export const ALLOWED_COMPONENTS: Readonly<Record<EntryKind, readonly string[]>> = {
  article: ['Photo', ...CHART_COMPONENTS],
  story: [...CHART_COMPONENTS],
};

/**
 * HTML tags a body may write: formatting Markdown has no syntax for (m<sup>2</sup>, H<sub>2</sub>O, a line
 * break), with no attributes. Everything else either has a Markdown form or could load, run or style things.
 */
export const ALLOWED_HTML: readonly string[] = ['sub', 'sup', 'br'];

/** Link targets besides this site's pages: the web, and e-mail (an address in the text becomes a mailto: link by itself). */
const ALLOWED_SCHEMES = ['http', 'https', 'mailto'];

export interface PolicyProblem {
  line: number;
  field: string;
  message: string;
  fix: string;
}

const LITERAL_HINT =
  'component values are written as text ("…") or literal values: numbers, true/false, ["a", "b"] or { key: "value" }';

/** Why an expression is not a literal value (undefined when it is one). */
function notLiteral(node: EsNode): string | undefined {
  const expression = node as Expression;
  switch (expression.type) {
    case 'Literal':
      if ('regex' in expression || 'bigint' in expression) return 'a regular expression or bigint';
      return undefined;
    case 'TemplateLiteral':
      return expression.expressions.length === 0 ? undefined : 'a template string with ${…}';
    case 'UnaryExpression':
      // A negative number is a number, not a calculation.
      return expression.operator === '-' &&
        expression.argument.type === 'Literal' &&
        typeof expression.argument.value === 'number'
        ? undefined
        : `the operator "${expression.operator}"`;
    case 'ArrayExpression':
      for (const element of expression.elements) {
        if (element === null) return 'an empty array slot';
        const why = notLiteral(element);
        if (why) return why;
      }
      return undefined;
    case 'ObjectExpression':
      for (const property of expression.properties) {
        if (property.type !== 'Property' || property.computed || property.method || property.shorthand)
          return 'an object key that is not plain text';
        const why = notLiteral(property.value);
        if (why) return why;
      }
      return undefined;
    case 'Identifier':
      return `the name ${expression.name}`;
    case 'CallExpression':
    case 'NewExpression':
      return 'a function call';
    case 'BinaryExpression':
    case 'LogicalExpression':
    case 'AssignmentExpression':
      return `the operator "${expression.operator}"`;
    default:
      return `code (${expression.type})`;
  }
}

/** True when an expression's source is only comments or blank: {/* a note for editors *\/} is allowed. */
function isOnlyComments(source: string): boolean {
  try {
    return tokenizer(source, { ecmaVersion: 'latest' }).getToken().type.label === 'eof';
  } catch {
    return false;
  }
}

/** Why a prop's {expression} is not a literal value, or undefined when it is one. */
export function checkLiteralExpression(source: string): string | undefined {
  try {
    const node = parseExpressionAt(source, 0, { ecmaVersion: 'latest' });
    if (source.slice(node.end).trim() !== '') return 'more than one value';
    return notLiteral(node);
  } catch {
    return 'text that is not a valid value';
  }
}

/** Why a link or image target is not allowed, or undefined. Site paths and #anchors are checked by links.ts. */
export function checkUrl(url: string, image: boolean): { message: string; fix: string } | undefined {
  // Browsers ignore control characters and spaces around and inside a scheme ("java\tscript:").
  const compact = url.replace(/[\u0000-\u0020\u007f]/gu, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/iu.exec(compact)?.[1]?.toLowerCase();
  if (image && (scheme !== undefined || compact.startsWith('//'))) {
    return {
      message: `image "${url}" is on another site`,
      fix: 'pictures come from this site only: put the file in public/ and write its path (/images/…), or describe it with <Photo caption="…" />',
    };
  }
  if (compact.startsWith('//')) {
    return { message: `link "${url}" has no scheme`, fix: `write it with https: (https:${compact})` };
  }
  if (scheme !== undefined && !ALLOWED_SCHEMES.includes(scheme)) {
    return {
      message: `link "${url}" uses "${scheme}:"`,
      fix: 'links go to web pages (https://…), e-mail addresses (mailto:…) or pages of this site (/articles/…/)',
    };
  }
  return undefined;
}

function quoted(source: string): string {
  const oneLine = source.replace(/\s+/gu, ' ').trim();
  return oneLine.length > 40 ? `${oneLine.slice(0, 40)}…` : oneLine;
}

function checkElement(node: MdNode, kind: EntryKind, line: number): PolicyProblem[] {
  const name = node.name;
  if (!name) {
    return [{ line, field: 'body', message: 'has an empty tag <>…</>', fix: 'remove <> and </>, keep the text' }];
  }
  const field = `<${name}>`;
  const allowed = ALLOWED_COMPONENTS[kind];
  const isComponent = /^[A-Z]/u.test(name);
  if (isComponent && !allowed.includes(name)) {
    const known = ALLOWED_COMPONENTS.article.includes(name) || ALLOWED_COMPONENTS.story.includes(name);
    const guesses = suggest(
      name,
      allowed.map((value) => ({ value })),
      1,
    ).map((g) => `<${g}>`);
    return [
      {
        line,
        field,
        message: known
          ? `is not available in ${kind === 'story' ? 'stories' : 'articles'}`
          : 'is not a component the site has',
        fix: didYouMean(guesses, `use one of ${allowed.map((c) => `<${c}>`).join(', ')}`),
      },
    ];
  }
  if (!isComponent && !ALLOWED_HTML.includes(name)) {
    const picture = name === 'img' || name === 'picture' || name === 'svg';
    return [
      {
        line,
        field,
        message: `is raw HTML, which the site does not publish`,
        fix: picture
          ? kind === 'article'
            ? 'pictures are not published: describe one with <Photo caption="…" />'
            : 'pictures are not published: show figures with the chart components'
          : `write Markdown instead (**bold**, [text](https://…), ## heading); the only HTML tags allowed are ${ALLOWED_HTML.map((t) => `<${t}>`).join(', ')}`,
      },
    ];
  }
  const problems: PolicyProblem[] = [];
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
      problems.push({
        line,
        field,
        message: `has {${quoted(typeof attribute.value === 'string' ? attribute.value : '…')}} instead of name="value"`,
        fix: 'write each value out as name="value"',
      });
      continue;
    }
    const attributeName = attribute.name;
    if (!isComponent) {
      problems.push({
        line,
        field,
        message: `has the attribute ${attributeName}=`,
        fix: `remove it: ${ALLOWED_HTML.map((t) => `<${t}>`).join(', ')} take no attributes`,
      });
      continue;
    }
    if (/^on/iu.test(attributeName) || attributeName.includes(':')) {
      problems.push({
        line,
        field,
        message: `has the attribute ${attributeName}=, which would run code or change how the page is built`,
        fix: 'remove it',
      });
      continue;
    }
    const value = attribute.value;
    if (value !== null && typeof value === 'object') {
      const why = checkLiteralExpression(value.value);
      if (why) {
        problems.push({
          line,
          field,
          message: `${attributeName}={${quoted(value.value)}} contains ${why}`,
          fix: LITERAL_HINT,
        });
      }
    }
  }
  return problems;
}

/** Every construct of a body outside the policy, with its line and the fix. */
export function checkMdxPolicy(tree: MdNode, kind: EntryKind, fallbackLine: number): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  walk(tree, (node) => {
    const line = lineOfNode(node, fallbackLine);
    switch (node.type) {
      case 'mdxjsEsm':
        problems.push({
          line,
          field: 'body',
          message: `has the statement ${quoted(node.value ?? '')}: import and export run code when the site is built`,
          fix: 'remove it: the site provides its components without imports. A paragraph that starts with the word import or export: write &#105;mport or &#101;xport',
        });
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isOnlyComments(node.value ?? '')) {
          problems.push({
            line,
            field: 'body',
            message: `has the code {${quoted(node.value ?? '')}}, which would run when the site is built`,
            fix: 'write the text itself; for literal braces write \\{ and \\}',
          });
        }
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        problems.push(...checkElement(node, kind, line));
        break;
      case 'link':
      case 'definition':
      case 'image': {
        const found = node.url === undefined ? undefined : checkUrl(node.url, node.type === 'image');
        if (found) problems.push({ line, field: 'body', ...found });
        break;
      }
    }
  });
  return problems;
}
