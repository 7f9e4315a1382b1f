// Writes .tmp/chart-preview/index.html: every chart with the test fixtures, at a phone width
// (375 px) and a desktop width, plus a dark-theme copy. Open it in a browser, or screenshot it:
//   npx tsx scripts/preview-charts.ts && chromium --headless --no-sandbox --window-size=1280,4000 \
//     --screenshot=.tmp/chart-preview/desktop.png file://$PWD/.tmp/chart-preview/index.html
import { mkdirSync, writeFileSync } from 'node:fs';
import {
  BIG_NUMBER_CSS,
  CHART_CSS,
  barChart,
  barChartTable,
  bigNumbers,
  proportionBars,
  regionMap,
  regionMapTable,
  smallMultiples,
  timeSeries,
  timeline,
  waffle,
} from '../src/charts/index.ts';
import { bars, byRegion, callouts, events, places, rates, series } from './support/chart-fixtures.ts';

const width = process.argv[2] ?? '375px';
const theme = process.argv[3] === 'dark' ? 'dark' : 'light';
const out = process.argv[4] ?? '.tmp/chart-preview/index.html';

const sections: Array<[string, string]> = [
  [
    'bar',
    barChart(bars, { title: '巨野县2020年部分服务人数' }) + barChartTable(bars, { title: '巨野县2020年部分服务人数' }),
  ],
  ['bar (1)', barChart(bars.slice(0, 1), { title: '单个数值' })],
  ['bar (0)', barChart([], { title: '没有数据' })],
  ['small multiples', smallMultiples(byRegion, { title: '65岁及以上老年人免费健康查体人数' })],
  ['time series', timeSeries(series, { title: '家庭医生签约率' })],
  ['time series (1)', timeSeries(series.slice(0, 1), { title: '家庭医生签约率（单点）' })],
  ['timeline', timeline(events, { title: '巨野县卫健局所获荣誉' })],
  ['proportion', proportionBars(rates, { title: '覆盖率与完成率' })],
  ['waffle', waffle(rates[0], { title: '叶酸规范服用率' }) + waffle(rates[3], { title: '完成率' })],
  ['big numbers', bigNumbers(callouts)],
  ['map', regionMap(places, { title: '有报道的地方' }) + regionMapTable(places, { title: '有报道的地方' })],
  ['map (0)', regionMap([], { title: '有报道的地方' })],
];

const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Charts</title>
<style>
${CHART_CSS}
${BIG_NUMBER_CSS}
html { color-scheme: ${theme}; }
body { margin: 0; padding: 16px; font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  background: ${theme === 'dark' ? '#121212' : '#fff'}; color: ${theme === 'dark' ? '#e8e8e8' : '#1a1a1a'}; }
${theme === 'dark' ? ':root { --chart-bg: #121212; } a { color: #8ab4f8; }' : ':root { --chart-bg: #fff; }'}
main { width: ${width}; max-width: 100%; }
section { margin: 0 0 28px; }
h2 { font: 600 13px monospace; margin: 0 0 6px; opacity: .6; }
table { border-collapse: collapse; font-size: 13px; margin-top: 8px; }
td, th { border-bottom: 1px solid rgba(128,128,128,.4); padding: 2px 6px; text-align: left; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
</style></head><body><main>
${sections.map(([name, markup]) => `<section><h2>${name}</h2>${markup}</section>`).join('\n')}
</main></body></html>`;

mkdirSync(out.slice(0, out.lastIndexOf('/')), { recursive: true });
writeFileSync(out, html);
console.log(`wrote ${out}`);
