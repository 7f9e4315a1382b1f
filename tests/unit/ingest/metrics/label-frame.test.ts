import { describe, expect, it } from 'vitest';
import { extractMetrics } from '../../../../src/ingest/metrics/extract.ts';
import { loadTaxonomy } from '../../../../src/lib/taxonomy.ts';

const topics = loadTaxonomy().topics;
const labels = (...paragraphs: string[]): string[] =>
  extractMetrics(paragraphs, { year: 2023, topics }).map((m) => m.label);

// Sentences written for these tests, in the shapes of the class each rule serves, not copied from any truth set.
describe('labels keep what a count selects and the frame it was counted in', () => {
  it('keeps 新建 and other selecting verbs: the new ones are not the whole stock', () => {
    expect(labels('今年新建标准化村卫生室15个。')).toEqual(['新建标准化村卫生室']);
    expect(labels('县卫健局选派骨干医师23名。')).toEqual(['选派骨干医师']);
    // What a flow reaches is the stock, under its own name.
    expect(labels('全年新建社区卫生服务站4个，累计达到31个。')).toEqual(['新建社区卫生服务站', '社区卫生服务站']);
    expect(labels('全年新增家庭医生团队12个，累计达到140个。')).toEqual(['新增家庭医生团队', '家庭医生团队']);
  });

  it('gives a rate of a new group the whole group, not 新增', () => {
    expect(labels('新增签约居民8600人，签约率达到71%。')[1]).not.toMatch(/^新增/u);
  });

  it('shares a list’s lead verb with every item', () => {
    expect(labels('今年新招收护理专业学员40名、药学专业学员18名。')).toEqual([
      '新招收护理专业学员',
      '新招收药学专业学员',
    ]);
    expect(labels('全县登记管理严重精神障碍患者1630人、肺结核患者212人。')).toEqual([
      '登记管理严重精神障碍患者',
      '登记管理肺结核患者',
    ]);
    // A list of acts keeps each act.
    expect(labels('其中新建8处、改造提升11处。')[1]).not.toMatch(/^新建/u);
  });

  it('names the vaccine or disease of a bare act from the sentence or the one before', () => {
    expect(labels('全县为65岁以上老人免费接种流感疫苗，已接种2.4万人，接种率达到62%。')).toEqual([
      '流感疫苗接种人数',
      '流感疫苗接种率',
    ]);
    expect(labels('县里把23价肺炎疫苗接种列为民生实事。全年为1.1万名老年人免费接种。')[0]).toMatch(/肺炎疫苗/u);
    expect(labels('全县组织开展结核病筛查，全年筛查3.6万人。')[0]).toMatch(/结核病筛查人数$/u);
    // A label naming its object already is left as it is.
    expect(labels('全年开展乳腺癌筛查，完成宫颈癌筛查8200人。')).toEqual(['宫颈癌筛查人数']);
  });

  it('names the people served by the whole service, not the first item of its list', () => {
    expect(labels('为1.6万名农村妇女免费开展宫颈癌、乳腺癌检查。')).toEqual(['接受免费宫颈癌、乳腺癌检查的农村妇女']);
  });

  it('names money by what the next clause says it paid for', () => {
    expect(labels('县财政安排资金260万元，为4800名新生儿免费开展听力筛查。')[0]).toBe('听力筛查县财政安排资金');
  });

  it('names a score and a rank by the assessment they came from', () => {
    expect(labels('在全省健康县城建设评价中，泗水县综合得分88.4分，位列全省第七。')).toEqual([
      '健康县城建设评价综合得分',
      '健康县城建设评价综合得分全省排名',
    ]);
    // What stands before 在…中 is what is ranked.
    expect(labels('县中医医院康复科在全省县级医院专科评估中位列全省第四。')).toEqual([
      '县中医医院康复科县级医院专科评估全省排名',
    ]);
  });

  it('gives a hospital’s service its figures, and 该院 back to the hospital', () => {
    expect(labels('县人民医院开设家庭病床，全年上门巡诊4100人次。')).toEqual(['县人民医院家庭病床上门巡诊人次']);
    // Work that names the service is the hospital's, said once.
    expect(labels('县中医医院推出中医上门服务，全年上门服务3200人次。')).toEqual(['县中医医院上门服务人次']);
    // A ward it opens is a place, not a service: its patients are the hospital's.
    expect(labels('县中医医院开设日间病房，全年收治患者2160人次。')).toEqual(['县中医医院收治患者人次']);
    expect(labels('县妇幼保健院新院区投入使用。该院全年门诊量达到18万人次。')).toEqual(['县妇幼保健院门诊量']);
  });

  it('keeps 新 before a verb of setting up: 新组建 counts the new ones', () => {
    expect(labels('全市新组建县级临床质控中心9个，质控中心总数达到40个。')).toEqual([
      '新组建县级临床质控中心',
      '质控中心总数',
    ]);
  });

  it('names a platform or system by the name given it before', () => {
    expect(labels('县卫健局建成全县统一的区域影像诊断平台，目前平台接入卫生院18家。')).toEqual([
      '区域影像诊断平台接入卫生院',
    ]);
    expect(labels('市卫健委上线“健康通”预约系统。该系统全年预约挂号120万人次。')).toEqual([
      '健康通预约系统预约挂号人次',
    ]);
  });

  it('gives a part of money the whole’s purpose, and 该项指标 the measure before it', () => {
    expect(labels('全县投入村卫生室改造资金1800万元，其中县级财政资金600万元。')[1]).toBe('村卫生室改造县级财政资金');
    expect(labels('孕产妇死亡率降至6.1/10万，该项指标位列全省第二。')[1]).toMatch(/^孕产妇死亡率.*全省排名$/u);
  });

  it('counts institutions served as those served, not what they were given', () => {
    expect(labels('市血站向全市41家医疗机构配送血液制品。')).toEqual(['配送血液制品的医疗机构']);
    expect(labels('对23家乡镇卫生院实施提档升级。')).toEqual(['提档升级的乡镇卫生院']);
  });

  it('ends a group’s name at its head, before what it does', () => {
    expect(labels('由58人组成的县级卫生应急队伍常年驻守。')).toEqual(['县级卫生应急队伍成员']);
  });

  it('does not run a list’s next item or a restated act into a part’s label', () => {
    expect(labels('全县建成健康小屋和健康步道36处，其中今年新增健康小屋9处。')[1]).toBe('新增健康小屋');
    expect(labels('全县建成标准化村卫生室120个，其中今年新建村卫生室18个。')[1]).toBe('新建标准化村卫生室');
  });

  it('names a change from 原来的 by what changed, and a share of money by the money', () => {
    expect(labels('全县定点药店由原来的42家增加到65家。')).toEqual(
      ['全县定点药店原有数量', '全县定点药店'].map((l) => l.replace(/^全县/u, '')),
    );
    expect(labels('基层医疗机构药品采购金额为3800万元，占全县药品采购总额的21.4%。')[1]).toBe(
      '基层医疗机构药品采购金额占全县药品采购总额比例',
    );
  });

  it('gives a rate named by its act alone the object an earlier count of the sentence did it to', () => {
    expect(labels('全年集中转运医疗废物860吨，转运率达到100%。')[1]).toBe('医疗废物转运率');
  });

  it('follows 该院 to the hospital a clause named, whatever opened the sentence', () => {
    expect(labels('围绕重点人群，市职业病防治院牵头实施筛查项目。该院全年完成职业健康检查1.2万人次。')).toEqual([
      '市职业病防治院职业健康检查人次',
    ]);
    // 医院感染 is an infection, not a hospital; the hospital that spent is named with what it spent on.
    expect(labels('县人民医院投入260万元改造手术室，该院医院感染发生率降至0.9%。')).toEqual([
      '县人民医院手术室改造投入',
      '县人民医院医院感染发生率',
    ]);
  });

  it('counts the people a service covered, and names a grade listed first with the list’s head', () => {
    expect(labels('老年人健康管理服务覆盖老年人6.2万人。')).toEqual(['老年人健康管理服务覆盖老年人']);
    expect(labels('今年新认定省级、市级健康学校分别为3所、11所。')[0]).toBe('新认定省级健康学校');
  });

  it('names a disease’s rate by the disease the figure before it named', () => {
    expect(labels('全年开展梅毒抗体检测12.3万人次，检测覆盖率达到9.6%。')[1]).toBe('梅毒检测覆盖率');
    expect(labels('全年报告流行性腮腺炎病例412例。发病率较上年下降6.2%。')[1]).toMatch(/腮腺炎发病率/u);
    // A rate naming its group already is left alone.
    expect(labels('全县规范管理高血压患者2.1万人、糖尿病患者0.8万人，规范管理率分别为75%和72%。').slice(2)).toEqual([
      '高血压患者规范管理率',
      '糖尿病患者规范管理率',
    ]);
  });

  it('gives work done by institutions counted in its clause to them, and never prints the count in a label', () => {
    expect(labels('全县9处乡镇卫生院全年完成住院手术2100台次，同比增长7%。')).toEqual([
      '乡镇卫生院',
      '乡镇卫生院住院手术',
      '乡镇卫生院住院手术同比增长',
    ]);
  });

  it('follows 该中心 in a later clause, and reads a hospital named before its partner', () => {
    expect(
      labels('市疾控中心承担全市检测任务。今年，该中心启动实验室改造。改造后，该中心可开展检测项目达到860项。')[0],
    ).toMatch(/^市疾控中心/u);
    expect(labels('石桥镇卫生院与县人民医院共建联合病房。该院全年业务收入达到1860万元。')).toEqual([
      '石桥镇卫生院业务收入',
    ]);
  });

  it('shares a list’s predicate, and a target takes the measure before it', () => {
    expect(labels('全系统共有4个党支部、19名党员受到市级表彰。')[0]).toBe('党支部受到市级表彰');
    expect(labels('目前全县每千人口执业医师数为2.9人，力争到2025年达到3.2人。')[1]).toBe('每千人口执业医师数目标');
    expect(labels('力争再创建健康村12个、健康社区4个。')).toEqual(['再创建健康村', '再创建健康社区']);
  });

  it('reads positions printed as the result something was passed with as ranks of it', () => {
    expect(labels('该县以全省第二、全市第一的成绩通过国家卫生县城复审。')).toEqual([
      '国家卫生县城复审全省排名',
      '国家卫生县城复审全市排名',
    ]);
  });

  it('reads blood in units and platelets in therapeutic doses as counts of what was collected and supplied', () => {
    const ms = extractMetrics(
      ['市中心血站全年采集全血6.2万单位，单采血小板8300治疗量，向全市38家医疗机构供应血液成分11.4万单位。'],
      {
        year: 2023,
        topics,
      },
    );
    expect(ms.map((m) => [m.value, m.unit, m.label])).toEqual([
      [62000, '单位', '市中心血站采集全血'],
      [8300, '治疗量', '市中心血站单采血小板'],
      [38, '家', '市中心血站供应血液成分的医疗机构'],
      [114000, '单位', '市中心血站供应血液成分'],
    ]);
  });
});
