import { describe, expect, it } from 'vitest';
import { vagueLabel } from '../../../src/content-check/metric-labels.ts';
import { fixture, messages } from './fixtures.ts';

describe('content check: labels that cannot pass the label rules (warnings)', () => {
  it('flags a rate without whose, a bare sum or count, a verb alone, a bare share and a label told apart by a number', () => {
    for (const label of ['签约率', '规范服用率', '开放床位', '投入资金', '总投资', '增加到', '占', '规范管理率（2）'])
      expect(vagueLabel(label), label).toBeDefined();
  });

  it('leaves labels that name their subject alone, the judges’ accepted ones among them', () => {
    for (const label of [
      '结核病患者管理率',
      '贫困人口和计划生育特殊家庭签约率',
      '基层就诊率',
      '孕产妇系统管理率',
      '安宁疗护开放床位',
      '家庭医生签约服务医保资金',
      '县人民医院业务收入',
      '45岁以下乡村医生占比',
    ])
      expect(vagueLabel(label), label).toBeUndefined();
  });

  it('warns with the file, line and field, and tells an ingested article’s editor to record a correction', () => {
    const juye = fixture('articles/juye-2021.mdx');
    const vague = { ...juye, text: juye.text.replace('label: 服务城乡居家老年人', 'label: 签约率') };
    const found = messages([], { articles: [vague, fixture('articles/yuncheng-2020.mdx')] });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(
      /^content\/articles\/juye-2021\.mdx:14 warning: metrics\[0\]\.label \(metric [a-z0-9-]+\) "签约率" is a rate that does not say whose — /u,
    );
    const ingested = juye.text.includes('\nsource:');
    expect(found[0]!.includes('content/label-corrections.yaml')).toBe(ingested);
  });
});
