/** Sample chart data, with figures as printed in the seed articles (巨野县, 商河县, 山亭区) where possible. */
import type { MapPlace } from '../../src/charts/region-map.ts';
import type { TimelineEvent } from '../../src/charts/timeline.ts';
import type { ChartDatum } from '../../src/charts/types.ts';

const juye = (id: string) => `/articles/juye-2020/#${id}`;

/** People served, 巨野县 2020. */
export const bars: ChartDatum[] = [
  { id: 'poor-signed', label: '签约贫困人口', value: 69938, unit: '人', href: juye('poor-signed') },
  { id: 'breast-screening', label: '完成乳腺癌筛查', value: 42337, unit: '人', href: juye('breast-screening') },
  { id: 'cervical-screening', label: '宫颈癌筛查', value: 40593, unit: '人', href: juye('cervical-screening') },
  { id: 'poor-ill', label: '从全县贫困人口中确定的患病贫困人口', value: 22191, unit: '人', href: juye('poor-ill') },
  {
    id: 'pmtct-counselling',
    label: '艾滋病、梅毒和乙肝母婴传播阻断防治项目孕产妇孕产期咨询及检测服务人数（含随访）',
    value: 9709,
    unit: '人',
    href: juye('pmtct-counselling'),
  },
  { id: 'home-elderly', label: '服务城乡居家老年人', value: 7296, unit: '人', href: juye('home-elderly') },
];

/** Rates; one above 100 % and one in ‰. */
export const rates: ChartDatum[] = [
  { id: 'folic-acid', label: '叶酸规范服用率', value: 92.39, unit: '%', href: juye('folic-acid') },
  { id: 'tb-managed', label: '结核病患者管理率', value: 100, unit: '%', href: juye('tb-managed') },
  {
    id: 'sanitary-villages',
    label: '省级卫生村占比（预计）',
    value: 50,
    unit: '%',
    qualifier: 'over',
    href: '/articles/shanghe-2020/#sanitary-villages',
  },
  { id: 'target', label: '年度任务完成率', value: 109.64, unit: '%' },
  { id: 'birth-defects', label: '出生缺陷发生率', value: 4, unit: '‰' },
];

/** Family-doctor sign-up rate by year and region (illustrative), with a missing year. */
export const series: ChartDatum[] = [
  { id: 'sh-2016', label: '家庭医生签约率', value: 38.5, unit: '%', group: '商河县', date: '2016' },
  { id: 'sh-2018', label: '家庭医生签约率', value: 55.2, unit: '%', group: '商河县', date: '2018' },
  { id: 'sh-2019', label: '家庭医生签约率', value: 61, unit: '%', group: '商河县', date: '2019' },
  { id: 'sh-2020', label: '家庭医生签约率', value: 68.4, unit: '%', group: '商河县', date: '2020' },
  { id: 'jy-2016', label: '家庭医生签约率', value: 42, unit: '%', group: '巨野县', date: '2016' },
  { id: 'jy-2017', label: '家庭医生签约率', value: 47.5, unit: '%', group: '巨野县', date: '2017' },
  { id: 'jy-2018', label: '家庭医生签约率', value: 51, unit: '%', group: '巨野县', date: '2018' },
  { id: 'jy-2019', label: '家庭医生签约率', value: 60.3, unit: '%', group: '巨野县', date: '2019' },
  { id: 'jy-2020', label: '家庭医生签约率', value: 66.1, unit: '%', group: '巨野县', date: '2020' },
];

/** Elderly health check-ups by region and year (illustrative except 商河县 2020: 71533). */
export const byRegion: ChartDatum[] = [
  { id: 'sh-2019', label: '65岁及以上老年人免费健康查体', value: 65210, unit: '人', group: '商河县', date: '2019' },
  {
    id: 'sh-2020',
    label: '65岁及以上老年人免费健康查体',
    value: 71533,
    unit: '人',
    group: '商河县',
    date: '2020',
    href: '/articles/shanghe-2020/#elderly-checkups',
  },
  {
    id: 'jy-2019',
    label: '65岁及以上老年人免费健康查体',
    value: 88000,
    unit: '人',
    group: '巨野县',
    date: '2019',
    qualifier: 'about',
  },
  { id: 'jy-2020', label: '65岁及以上老年人免费健康查体', value: 101981, unit: '人', group: '巨野县', date: '2020' },
  { id: 'st-2018', label: '65岁及以上老年人免费健康查体', value: 30500, unit: '人', group: '山亭区', date: '2018' },
  { id: 'st-2020', label: '65岁及以上老年人免费健康查体', value: 36020, unit: '人', group: '山亭区', date: '2020' },
  { id: 'sx-2020', label: '65岁及以上老年人免费健康查体', value: 58760, unit: '人', group: '单县', date: '2020' },
];

/** Honours of 巨野县卫健局, as printed, plus a range. */
export const events: TimelineEvent[] = [
  {
    id: 'honour-2',
    label: '被市委、市政府授予“菏泽市担当作为先进集体”荣誉称号',
    date: '2020-09',
    href: juye('honour-2'),
  },
  { id: 'honour-1', label: '荣获“2019年全市医养结合先进单位”称号', date: '2020-03', href: juye('honour-1') },
  {
    id: 'honour-3',
    label: '被省委、省政府授予“山东省先进基层党组织”和“抗击新冠肺炎疫情先进集体”荣誉称号',
    date: '2020-10',
    href: juye('honour-3'),
  },
  { id: 'poverty', label: '健康扶贫共帮扶133039人次，金额3680.12万元', date: '2017-03/2020-09' },
];

/** Places with articles (one city-wide). */
export const places: MapPlace[] = [
  { name: '巨野县', city: '菏泽市', href: '/regions/juye/', value: 2, unit: '篇' },
  { name: '商河县', city: '济南市', href: '/regions/shanghe/', value: 1, unit: '篇' },
  { name: '山亭区', city: '枣庄市', href: '/regions/shanting/', value: 1, unit: '篇' },
  { name: '市中区', city: '枣庄市', href: '/regions/zaozhuang-shizhong/', value: 1, unit: '篇' },
  { name: '单县', city: '菏泽市', value: 1, unit: '篇' },
  { name: '威海市', href: '/regions/weihai/', value: 1, unit: '篇' },
];

/** Big-number callouts. */
export const callouts: ChartDatum[] = [
  { id: 'relief', label: '减免总费用', value: 5590000, unit: '元', qualifier: 'over', href: juye('relief') },
  { id: 'investment', label: '基层公共卫生综合楼预计总投资', value: 175000000, unit: '元', qualifier: 'about' },
  { id: 'folic', label: '叶酸规范服用率', value: 92.39, unit: '%' },
];

/** A label that must come out escaped. */
export const hostile: ChartDatum = {
  id: 'x',
  label: '<script>alert("x")</script> & “引号”',
  value: 12,
  unit: '<b>',
  href: '/articles/a"b/#x',
};
