import { describe, expect, it } from 'vitest';
import { METRIC_COLUMNS, metricRecords, toCsv } from '../../../src/figures/metrics-export.ts';

const metric = {
  id: 'a-1',
  value: 2753000,
  unit: '元',
  label: '减免总费用',
  topic: '健康扶贫',
  qualifier: 'over' as const,
  quote: '减免总费用275.3万余元，"共计"。',
  period: '2020-01/2020-11',
};

describe('metricRecords / toCsv', () => {
  it('flattens metrics with their article and empty fields as null', () => {
    const rows = metricRecords([
      { slug: 'juye-2020', metrics: [metric, { ...metric, id: 'b', period: undefined, qualifier: undefined }] },
    ]);
    expect(rows[0]).toEqual({ ...metric, article: 'juye-2020' });
    expect(rows[1]).toMatchObject({ id: 'b', period: null, qualifier: null });
  });

  it('writes CSV with a BOM, CRLF, and quotes cells that need it', () => {
    const csv = toCsv(metricRecords([{ slug: 'juye-2020', metrics: [metric] }]), METRIC_COLUMNS);
    expect(csv.startsWith('\ufeffid,article,value,unit,label,topic,period,qualifier,quote\r\n')).toBe(true);
    expect(csv).toContain(
      'a-1,juye-2020,2753000,元,减免总费用,健康扶贫,2020-01/2020-11,over,"减免总费用275.3万余元，""共计""。"\r\n',
    );
  });
});
