import { describe, expect, it } from 'vitest';
import { extractMetrics } from '../../../../src/ingest/metrics/extract.ts';
import { attachTopic, bareKind, clauseTopic } from '../../../../src/ingest/metrics/label-topic.ts';
import { loadTaxonomy } from '../../../../src/lib/taxonomy.ts';

const labels = (paragraph: string): string[] =>
  extractMetrics([paragraph], { year: 2023, topics: loadTaxonomy().topics }).map((m) => m.label);

describe('label-topic: a bare label takes the topic named before it', () => {
  it('tells bare labels (a rate of an action, a generic head, a part of the thing before) from named ones', () => {
    expect(bareKind('规范管理率')).toBe('rate');
    expect(bareKind('群众满意度')).toBe('rate');
    expect(bareKind('采集样本')).toBe('dependent');
    expect(bareKind('全程接种人数')).toBe('dependent');
    expect(bareKind('床位')).toBe('attribute');
    expect(bareKind('孕产妇系统管理率')).toBeUndefined();
    expect(bareKind('基层就诊率')).toBeUndefined();
    expect(bareKind('口罩')).toBeUndefined();
  });

  it('reads a topic from a verb of doing and its object, or a subject before a predicate of progress', () => {
    expect(clauseTopic('在全县开展重点传染病监测')).toBe('重点传染病监测');
    expect(clauseTopic('组织开展“健康大讲堂”进社区活动')).toBe('健康大讲堂');
    expect(clauseTopic('严重精神障碍患者管理工作成效明显')).toBe('严重精神障碍患者管理');
    // Clauses of basis or manner, and narrative clauses, name no topic.
    expect(clauseTopic('按照健康扶贫有关政策及工作规范要求')).toBe('');
    expect(clauseTopic('实现了卫生健康事业的大发展')).toBe('');
    expect(clauseTopic('山东银光福源健康养老中心成功创建为山东省医养结合示范单位')).toBe('');
  });

  it('says the words shared by topic and label once', () => {
    expect(attachTopic('65岁以上老年人健康管理', '健康管理率', 'rate')).toBe('65岁以上老年人健康管理率');
    expect(attachTopic('严重精神障碍患者管理', '规范管理率', 'rate')).toBe('严重精神障碍患者规范管理率');
    expect(attachTopic('严重精神障碍患者管理', '服药率', 'rate')).toBe('严重精神障碍患者服药率');
    expect(attachTopic('新冠疫苗接种', '全程接种人数', 'dependent')).toBe('新冠疫苗全程接种人数');
    expect(attachTopic('重点传染病监测', '采集样本', 'dependent')).toBe('重点传染病监测采集样本');
  });

  it('labels figures whose subject an earlier clause or a one-clause lead sentence named', () => {
    expect(labels('严重精神障碍患者管理工作成效明显。全县在册患者2156人，规范管理率达到92.1%。')).toEqual([
      '严重精神障碍在册患者',
      '严重精神障碍患者规范管理率',
    ]);
    expect(labels('组织开展“健康大讲堂”进社区活动，举办讲座420场，受益群众3.5万人。')).toEqual([
      '健康大讲堂讲座',
      '健康大讲堂受益群众',
    ]);
    expect(labels('全县现有养老机构23家，床位4600张。')).toEqual(['养老机构', '养老机构床位']);
  });

  it('reads the words of a sentence by their roles: time words, recipients, elided heads, verbs inside a list', () => {
    // 全年 is when, not what.
    expect(labels('区中医医院全年门诊量达到35.2万人次。')).toEqual(['区中医医院门诊量']);
    // After "为N名X", X are the first figure's people; the money is what was done for them.
    expect(labels('累计为2.3万名群众减免医疗费用460余万元。')[1]).toBe('群众减免医疗费用');
    // A subset with only its modifier takes the head of the whole it is part of.
    expect(labels('全区卫生健康系统招录各类人才210名，其中硕士研究生以上学历45名。')[1]).toBe('硕士研究生以上学历人才');
    expect(labels('全区在岗乡村医生中，60岁以上的有132人，占比达到31.5%。')).toEqual([
      '60岁以上在岗乡村医生',
      '60岁以上在岗乡村医生占比',
    ]);
    // A verb before 等 belongs to the listed examples, not to what is counted.
    expect(labels('全年办理医疗机构执业登记等审批事项1360件。')).toEqual(['办理医疗机构执业登记等审批事项']);
  });
});
