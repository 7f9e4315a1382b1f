import { describe, expect, it } from 'vitest';
import {
  csvOfColumns,
  csvText,
  neutraliseCell,
  recordsOf,
  tableSchemaFields,
  type DataColumn,
} from '../../../src/lib/csv.ts';

describe('neutraliseCell (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("http://x.example","点")', `'=HYPERLINK("http://x.example","点")`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', "'\r=1"],
  ])('prefixes a text cell starting with a formula character: %j', (cell, expected) => {
    expect(neutraliseCell(cell)).toBe(expected);
  });

  it('leaves other text alone, a formula character later in the text too', () => {
    expect(neutraliseCell('人均 = 10元')).toBe('人均 = 10元');
    expect(neutraliseCell('2020-01/2020-11')).toBe('2020-01/2020-11');
    expect(neutraliseCell("'已有撇号")).toBe("'已有撇号");
  });

  it('writes numbers, negative ones included, as numbers; null as an empty cell', () => {
    expect(neutraliseCell(-12.5)).toBe('-12.5');
    expect(neutraliseCell(0)).toBe('0');
    expect(neutraliseCell(Number.NaN)).toBe('');
    expect(neutraliseCell(null)).toBe('');
    expect(neutraliseCell(false)).toBe('false');
  });
});

describe('csvText', () => {
  it('quotes per RFC 4180 after neutralising, with a BOM and CRLF', () => {
    expect(
      csvText(
        ['a', 'b'],
        [
          ['=1,2', -3],
          ['say "hi"', null],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n"\'=1,2",-3\r\n"say ""hi""",\r\n');
  });
});

describe('typed columns', () => {
  const columns: DataColumn<{ n: number; s: string }>[] = [
    { name: 'n', type: 'number', title: '数', description: '一个数', required: true, value: (x) => x.n },
    {
      name: 's',
      type: 'string',
      title: '字',
      description: '一段字',
      required: false,
      enum: ['a', '-b'],
      note: '试',
      value: (x) => x.s,
    },
  ];

  it('makes records, CSV and Table Schema fields from one list', () => {
    const sources = [{ n: -1, s: '-b' }];
    expect(recordsOf(columns, sources)).toEqual([{ n: -1, s: '-b' }]);
    expect(csvOfColumns(columns, sources)).toBe("\uFEFFn,s\r\n-1,'-b\r\n");
    expect(tableSchemaFields(columns)).toEqual([
      { name: 'n', title: '数', type: 'number', description: '一个数', constraints: { required: true } },
      {
        name: 's',
        title: '字',
        type: 'string',
        description: '一段字（试）',
        constraints: { required: false, enum: ['a', '-b'] },
      },
    ]);
  });
});
