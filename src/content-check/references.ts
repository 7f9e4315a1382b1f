import { didYouMean, suggest } from './suggest.ts';
import type { JsxElement } from './mdx.ts';

/**
 * The chart components MDX may use (src/components/charts/index.ts registers the same names;
 * a test keeps the two lists equal). `id=` and `metrics=` name metrics.
 */
export const CHART_COMPONENTS = [
  'Chart',
  'BigNumber',
  'Metric',
  'Timeline',
  'RegionMap',
  'Scrolly',
  'ScrollyStep',
] as const;

/** Components that show figures and so must name at least one. */
const NEEDS_METRIC: ReadonlySet<string> = new Set(['Chart', 'BigNumber', 'Metric']);

/** Article slug → its metric ids (undefined when the article's frontmatter is broken, so its metrics are unknown). */
export type MetricIndex = ReadonlyMap<string, ReadonlySet<string> | undefined>;

export interface ReferenceProblem {
  message: string;
  fix: string;
}

/** The strings of a `{["a/b", "c"]}` expression, or undefined when it is anything else. */
export function parseReferenceList(expression: string): string[] | undefined {
  const trimmed = expression.trim();
  if (!/^\[[\s\S]*\]$/u.test(trimmed)) return undefined;
  const inner = trimmed.slice(1, -1).trim();
  if (inner === '') return [];
  const items: string[] = [];
  const item = /\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)')\s*(,|$)/uy;
  let at = 0;
  while (at < inner.length) {
    item.lastIndex = at;
    const m = item.exec(inner);
    if (!m) return undefined;
    items.push(m[1] ?? m[2] ?? '');
    at = item.lastIndex;
    if (m[3] === '') break;
  }
  return at >= inner.length ? items : undefined;
}

/** Resolve one reference ("<slug>/<id>", or "<id>" inside its own article). */
export function checkReference(
  ref: string,
  index: MetricIndex,
  ownArticle: string | undefined,
): ReferenceProblem | undefined {
  const slash = ref.indexOf('/');
  if (slash < 0) {
    if (ownArticle === undefined) {
      const owners = [...index].filter(([, ids]) => ids?.has(ref)).map(([slug]) => `${slug}/${ref}`);
      return {
        message: `metric "${ref}" does not say which article it is from`,
        fix: didYouMean(owners, 'in a story write "<article-slug>/<metric-id>"'),
      };
    }
    const found = checkReference(`${ownArticle}/${ref}`, index, ownArticle);
    // Speak in the form the editor wrote: "x" of this article, not "<slug>/x".
    return (
      found && {
        message: found.message.replaceAll(`${ownArticle}/`, ''),
        fix: found.fix.replaceAll(`${ownArticle}/`, ''),
      }
    );
  }
  const slug = ref.slice(0, slash);
  const id = ref.slice(slash + 1);
  if (!index.has(slug)) {
    const guesses = suggest(
      slug,
      [...index.keys()].map((k) => ({ value: k })),
      1,
    ).map((g) => `${g}/${id}`);
    return {
      message: `metric "${ref}": there is no article ${slug}`,
      fix: didYouMean(guesses, 'use the article\'s file name without .mdx before the "/"'),
    };
  }
  const ids = index.get(slug);
  if (ids === undefined || ids.has(id)) return undefined;
  if (ids.size === 0)
    return {
      message: `metric "${ref}": ${slug} has no metrics yet`,
      fix: `add the metric to the metrics: list of ${slug} first (CONTRIBUTING.md explains how)`,
    };
  const guesses = suggest(
    id,
    [...ids].map((v) => ({ value: v })),
    2,
  ).map((g) => `${slug}/${g}`);
  const some = [...ids].slice(0, 5).join(', ');
  return {
    message: `metric "${ref}" is not a metric of ${slug}`,
    fix: didYouMean(guesses, `use one of the ids under metrics: in ${slug} (${some}${ids.size > 5 ? ', …' : ''})`),
  };
}

/** Every metric reference of one chart component, checked. */
export function checkChartElement(
  element: JsxElement,
  index: MetricIndex,
  ownArticle: string | undefined,
): ReferenceProblem[] {
  const refs: string[] = [];
  const problems: ReferenceProblem[] = [];
  const id = element.attributes.get('id');
  if (id) {
    if ('text' in id) refs.push(id.text);
    else {
      const single = parseReferenceList(`[${id.expression}]`);
      if (single?.length === 1 && single[0] !== undefined) refs.push(single[0]);
      else
        problems.push({ message: 'id should be one quoted reference', fix: 'write id="<article-slug>/<metric-id>"' });
    }
  }
  const metrics = element.attributes.get('metrics');
  if (metrics) {
    const list = 'text' in metrics ? [metrics.text] : parseReferenceList(metrics.expression);
    if (list === undefined)
      problems.push({
        message: 'metrics should be a list of quoted references',
        fix: 'write metrics={["<article-slug>/<metric-id>", …]}',
      });
    else refs.push(...list);
  }
  if (refs.length === 0 && problems.length === 0 && NEEDS_METRIC.has(element.name)) {
    const attribute =
      element.name === 'Chart' ? 'metrics={["<article-slug>/<metric-id>", …]}' : 'id="<article-slug>/<metric-id>"';
    problems.push({ message: 'names no metric', fix: `add ${attribute}` });
  }
  for (const ref of refs) {
    const found = checkReference(ref, index, ownArticle);
    if (found) problems.push(found);
  }
  return problems;
}
