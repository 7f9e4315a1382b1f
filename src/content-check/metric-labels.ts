import type { Metric } from '../schemas/metric.ts';
import { problem, type ContentProblem } from './problem.ts';

/**
 * Labels that cannot pass the label rules (CONTRIBUTING.md, "标签怎么写") whatever their sentence:
 * a rate that does not say whose, a bare sum or count, a verb alone, a label told apart only by a
 * number. Warnings, not errors: the rules are judged by reading, and these shapes are only the
 * plainest failures. Against the blind judges' verdicts on extractor labels (metrics-truth/judged/,
 * five rounds, 964 labels): every one of the 31 labels these flag was failed by both judges (after the
 * rate rule learnt 基层就诊率, its two false alarms), and they catch 31 of the 196 failed labels.
 */
const VAGUE: ReadonlyArray<{ shape: RegExp; says: string; example: string }> = [
  {
    // 基层就诊率, 孕产妇系统管理率: the words before 率 name whose it is.
    shape: /^(?!基层|居民|孕产妇|婴儿|儿童|新生儿|人口|床位|病床)\p{Script=Han}{1,4}率$/u,
    says: 'is a rate that does not say whose',
    example: '签约率 → 贫困人口签约率',
  },
  {
    shape:
      /^(?:投入|实现|完成|累计)?(?:资金|投资|总投资|经费|费用|金额|总费用|减免费用|收入|业务收入|人数|总数|数量|床位|开放床位)$/u,
    says: 'names a sum or a count, not what it is of',
    example: '开放床位 → 安宁疗护开放床位',
  },
  {
    shape: /^(?:增加到|提高到|提升到|达到|完成|新增|实现)$/u,
    says: 'is a verb alone',
    example: '增加到 → 医疗卫生机构床位总数',
  },
  { shape: /^(?:占|占比|比例)$/u, says: 'is a share that does not say of what', example: '占 → 45岁以下乡村医生占比' },
  {
    shape: /（\d+）$/u,
    says: 'is told apart from another label only by a number',
    example: '规范管理率（2） → 糖尿病患者规范管理率',
  },
];

/** Why a label cannot pass the label rules, or undefined when its shape is not one of the plainest failures. */
export function vagueLabel(label: string): { says: string; example: string } | undefined {
  return VAGUE.find((v) => v.shape.test(label.trim()));
}

/** Warnings for an article's vague labels; `fromIngest`: the file is ingest's, so the fix is a recorded correction. */
export function checkLabels(
  metrics: ReadonlyArray<Metric | undefined>,
  file: string,
  lineOf: (path: Array<string | number>) => number,
  fromIngest: boolean,
): ContentProblem[] {
  return metrics.flatMap((metric, i) => {
    const vague = metric === undefined ? undefined : vagueLabel(metric.label);
    if (metric === undefined || vague === undefined) return [];
    return [
      problem({
        file,
        line: lineOf(['metrics', i, 'label']),
        field: `metrics[${i}].label`,
        message: `(metric ${metric.id}) "${metric.label}" ${vague.says}`,
        fix: `name who or what is counted, of what, as its sentence says (e.g. ${vague.example}; CONTRIBUTING.md, "标签怎么写")${
          fromIngest ? ': ingest wrote this label, so record the new one in content/label-corrections.yaml' : ''
        }`,
        severity: 'warning',
      }),
    ];
  });
}
