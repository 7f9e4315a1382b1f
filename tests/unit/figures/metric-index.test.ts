import { describe, expect, it } from 'vitest';
import {
  MetricReferenceError,
  buildMetricIndex,
  lookupMetric,
  metricRef,
  metricSentenceHref,
  nearestIds,
  parseMetricRef,
  referenceContext,
  referencesInMdx,
  requireMetrics,
  resolveMetric,
  resolveMetrics,
  setReferenceContext,
  type IndexedArticle,
} from '../../../src/figures/metric-index.ts';
import type { Metric } from '../../../src/schemas/metric.ts';

const metric = (id: string, value: number, unit = '人', extra: Partial<Metric> = {}): Metric => ({
  id,
  value,
  unit,
  label: id,
  topic: '健康扶贫',
  quote: `${id}的句子。`,
  ...extra,
});

const articles: IndexedArticle[] = [
  {
    slug: 'juye-2020',
    title: '提升健康水平',
    region: '巨野县',
    city: '菏泽市',
    year: 2020,
    metrics: [metric('health-poverty-275p3wan', 2753000, '元'), metric('health-poverty-559wan', 5590000, '元')],
  },
  {
    slug: 'liaocheng-2023',
    title: '2023年聊城卫生健康',
    region: '聊城市',
    city: '聊城市',
    year: 2023,
    metrics: [metric('emergency-55', 55, '家')],
  },
];
const index = buildMetricIndex(articles);
const story = { file: 'content/stories/demo.mdx' };
const inArticle = { file: 'content/articles/juye-2020.mdx', slug: 'juye-2020' };

function thrown(fn: () => unknown): MetricReferenceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof MetricReferenceError) return error;
    throw error;
  }
  throw new Error('expected a MetricReferenceError');
}

describe('parsing references', () => {
  it('splits <slug>/<metric-id>', () => {
    expect(parseMetricRef('juye-2020/health-poverty-275p3wan')).toEqual({
      slug: 'juye-2020',
      id: 'health-poverty-275p3wan',
    });
  });

  it('takes a bare id inside its own article only', () => {
    expect(parseMetricRef('emergency-55', 'liaocheng-2023')).toEqual({ slug: 'liaocheng-2023', id: 'emergency-55' });
    expect(parseMetricRef('emergency-55')).toEqual({ problem: expect.stringContaining('<article-slug>/emergency-55') });
  });

  it('explains malformed references instead of guessing', () => {
    for (const bad of [
      '',
      ' juye-2020/x',
      'juye-2020/a/b',
      'Juye-2020/x',
      'juye-2020/275p3wan',
      'juye-2020/',
      '/health-poverty-1',
    ]) {
      expect(parseMetricRef(bad, 'juye-2020'), bad).toHaveProperty('problem');
    }
  });
});

describe('resolving references', () => {
  it('finds the metric, its article and the link to its sentence', () => {
    const found = lookupMetric(index, 'liaocheng-2023/emergency-55');
    expect(found).toMatchObject({
      ref: 'liaocheng-2023/emergency-55',
      metric: { value: 55, unit: '家' },
      article: { region: '聊城市' },
      href: '/articles/liaocheng-2023/#emergency-55',
    });
  });

  it('resolves bare ids against the article being rendered, keeping the written order', () => {
    const resolved = resolveMetrics(
      index,
      ['health-poverty-559wan', 'health-poverty-275p3wan', 'liaocheng-2023/emergency-55'],
      inArticle,
    );
    expect(resolved.map((r) => r.ref)).toEqual([
      'juye-2020/health-poverty-559wan',
      'juye-2020/health-poverty-275p3wan',
      'liaocheng-2023/emergency-55',
    ]);
  });

  it('fails naming the MDX file and every unknown reference, with a hint', () => {
    const error = thrown(() =>
      resolveMetrics(
        index,
        ['juye-2020/health-poverty-275p3wan', 'juye-2020/health-poverty-999', 'jvye-2020/health-poverty-1'],
        story,
      ),
    );
    expect(error.file).toBe('content/stories/demo.mdx');
    expect(error.refs).toEqual(['juye-2020/health-poverty-999', 'jvye-2020/health-poverty-1']);
    expect(error.message).toMatch(/^content\/stories\/demo\.mdx: /u);
    expect(error.message).toContain('unknown metric id "health-poverty-999" in article juye-2020');
    expect(error.message).toContain('did you mean juye-2020/health-poverty-275p3wan');
    expect(error.message).toContain('unknown article "jvye-2020"');
    expect(error.message).toContain('did you mean juye-2020');
  });

  it('rejects a bare id in a story and a reference listed twice', () => {
    expect(thrown(() => resolveMetric(index, 'emergency-55', story)).message).toContain(
      'content/stories/demo.mdx: "emergency-55" has no article',
    );
    expect(
      thrown(() =>
        resolveMetrics(index, ['emergency-55', 'liaocheng-2023/emergency-55'], {
          file: 'a.mdx',
          slug: 'liaocheng-2023',
        }),
      ).message,
    ).toContain('listed twice');
  });

  it('requires at least one metric for a chart', () => {
    expect(thrown(() => requireMetrics([], 'Chart', story)).message).toContain('<Chart> needs metrics=');
    expect(requireMetrics(['a/b'], 'Chart', story)).toEqual(['a/b']);
  });

  it('suggests nearby ids and nothing when nothing is near', () => {
    expect(
      nearestIds('health-poverty-27', ['health-poverty-275p3wan', 'emergency-55', 'health-poverty-559wan']),
    ).toEqual(['health-poverty-275p3wan', 'health-poverty-559wan']);
    expect(nearestIds('zzz', ['emergency-55'])).toEqual([]);
  });

  it('builds canonical references and sentence links', () => {
    expect(metricRef('juye-2020', 'a-1')).toBe('juye-2020/a-1');
    expect(metricSentenceHref('juye-2020', 'a-1')).toBe('/articles/juye-2020/#a-1');
  });
});

describe('the context a page passes to its components', () => {
  it('round-trips through locals and falls back to the URL', () => {
    const locals = {};
    expect(referenceContext(locals, '/stories/x/')).toEqual({ file: '/stories/x/' });
    setReferenceContext(locals, inArticle);
    expect(referenceContext(locals, '/stories/x/')).toEqual(inArticle);
  });
});

describe('references written in MDX', () => {
  it('reads metrics={[…]} on any component and id="…" on BigNumber and Metric', () => {
    const body = `
<Chart kind="bar" title="x" metrics={["juye-2020/a-1", 'liaocheng-2023/b-2']} />
文字<Metric id="juye-2020/c-3" />文字
<BigNumber id="liaocheng-2023/d-4" note="x" />
<ScrollyStep kind="numbers" title="y" metrics={[
  "juye-2020/e-5",
]}>
<Photo id="not-a-metric" />`;
    expect(referencesInMdx(body)).toEqual([
      'juye-2020/a-1',
      'liaocheng-2023/b-2',
      'juye-2020/e-5',
      'juye-2020/c-3',
      'liaocheng-2023/d-4',
    ]);
  });
});
