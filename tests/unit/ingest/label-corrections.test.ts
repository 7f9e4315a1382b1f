import { describe, expect, it } from 'vitest';
import { IngestError } from '../../../src/ingest/errors.ts';
import {
  applyLabelCorrections,
  parseLabelCorrections,
  unusedCorrections,
} from '../../../src/ingest/label-corrections.ts';
import type { Article } from '../../../src/schemas/article.ts';

const metric = (id: string, label: string): Article['metrics'][number] => ({
  id,
  value: 1,
  unit: '个',
  label,
  topic: '党建',
  quote: `${label}1个`,
  printed: '1个',
  kind: 'count',
});

const FILE = `# header comment
- article: juye-2020
  id: signing-rate
  before: 签约率
  after: 贫困人口家庭医生签约率
  reason: 一个光秃秃的率，没说是谁的签约率
- article: shanghe-2020
  id: towns-3
  before: 镇已正式命名
  after: 已正式命名国家卫生镇的镇
  reason: 没说命名的是什么
`;

function thrown(run: () => unknown): IngestError {
  try {
    run();
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
  throw new Error('expected an IngestError');
}

describe('parseLabelCorrections', () => {
  it('reads each correction with the line it starts on', () => {
    const corrections = parseLabelCorrections(FILE);
    expect(corrections.map((c) => [c.article, c.id, c.line])).toEqual([
      ['juye-2020', 'signing-rate', 2],
      ['shanghe-2020', 'towns-3', 7],
    ]);
  });

  it('reads an empty file, or one of comments only, as no corrections', () => {
    expect(parseLabelCorrections('')).toEqual([]);
    expect(parseLabelCorrections('# nothing yet\n')).toEqual([]);
  });

  it('names the line and field of a missing or empty field', () => {
    const error = thrown(() =>
      parseLabelCorrections(FILE.replace('  after: 已正式命名国家卫生镇的镇\n', '  after: ""\n')),
    );
    // The line of the field itself.
    expect(error.format()).toMatch(/^content\/label-corrections\.yaml:10 after: /u);
    const missing = thrown(() => parseLabelCorrections(FILE.replace('  reason: 没说命名的是什么\n', '')));
    expect(missing.format()).toMatch(/:7 reason: /u);
  });

  it('refuses an unknown field (a misspelt one would otherwise be ignored)', () => {
    const error = thrown(() => parseLabelCorrections(FILE.replace('  after: 贫困', '  afer: 贫困')));
    expect(error.line).toBe(2);
  });

  it('refuses broken YAML and a second correction of one figure, with the line', () => {
    expect(thrown(() => parseLabelCorrections('- article: a\n  id: [\n')).message).toMatch(/not valid YAML/u);
    const twice = thrown(() => parseLabelCorrections(FILE + FILE.split('\n').slice(1, 6).join('\n')));
    expect(twice.line).toBe(12);
    expect(twice.field).toBe('id');
    expect(twice.message).toMatch(/first at line 2/u);
  });
});

describe('applyLabelCorrections', () => {
  const corrections = parseLabelCorrections(FILE);

  it("puts the editor's label on the figure named, and leaves the others", () => {
    const metrics = [metric('signing-rate', '签约率'), metric('other', '签约贫困人口')];
    expect(applyLabelCorrections('juye-2020', metrics, corrections).map((m) => m.label)).toEqual([
      '贫困人口家庭医生签约率',
      '签约贫困人口',
    ]);
  });

  it("leaves another article's figures alone, even with the same id", () => {
    const metrics = [metric('towns-3', '镇已正式命名')];
    expect(applyLabelCorrections('jiyang-2024', metrics, corrections)).toEqual(metrics);
  });

  it("refuses a correction once the extractor's label is no longer its `before`, naming line and field", () => {
    const error = thrown(() =>
      applyLabelCorrections('juye-2020', [metric('signing-rate', '家庭医生签约率')], corrections),
    );
    expect(error.format()).toMatch(
      /^content\/label-corrections\.yaml:2 before: juye-2020 signing-rate is now labelled «家庭医生签约率»/u,
    );
    expect(error.fix).toMatch(/set before: "家庭医生签约率"/u);
  });

  it('follows a figure whose id changed but whose label did not (an id carries its topic)', () => {
    const metrics = [metric('elderly-care-3', '镇已正式命名'), metric('other', '镇街进入创建程序')];
    expect(applyLabelCorrections('shanghe-2020', metrics, corrections).map((m) => m.label)).toEqual([
      '已正式命名国家卫生镇的镇',
      '镇街进入创建程序',
    ]);
  });

  it('never moves a correction to another figure when its own figure was relabelled', () => {
    // x kept its id and was relabelled by the extractor; y still carries the old label.
    const metrics = [metric('signing-rate', '贫困人口签约率'), metric('y', '签约率')];
    expect(thrown(() => applyLabelCorrections('juye-2020', metrics, corrections)).field).toBe('before');
  });

  it('refuses a second correction that lands on a figure already corrected', () => {
    const twice = parseLabelCorrections(
      `${FILE}- article: juye-2020\n  id: gone\n  before: 签约率\n  after: 另一个标签\n  reason: test\n`,
    );
    const error = thrown(() => applyLabelCorrections('juye-2020', [metric('signing-rate', '签约率')], twice));
    expect(error.line).toBe(12);
    expect(error.message).toMatch(/same figure of juye-2020 as line 2/u);
  });

  it('reads values without the trailing newline a folded YAML value leaves', () => {
    const folded = parseLabelCorrections(FILE.replace('  before: 签约率\n', '  before: >\n    签约率\n'));
    expect(folded[0]?.before).toBe('签约率');
  });

  it('names the corrections of articles no seed gave, with their lines', () => {
    expect(unusedCorrections(corrections, new Set(['juye-2020']))).toEqual([
      expect.stringMatching(/^content\/label-corrections\.yaml:7 article: no article shanghe-2020 came from seeds\//u),
    ]);
  });

  it('refuses a correction of a figure the article no longer has', () => {
    const error = thrown(() => applyLabelCorrections('shanghe-2020', [metric('towns-4', '镇')], corrections));
    expect(error.line).toBe(7);
    expect(error.field).toBe('id');
    expect(error.message).toMatch(/no figure towns-3 in shanghe-2020, and none labelled «镇已正式命名»/u);
  });
});
