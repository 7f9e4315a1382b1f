/** Build-time charts: pure functions from data to SVG/HTML strings. See README.md. */
export { barChart, barChartTable, type BarChartOptions } from './bar-chart.ts';
export { bigNumber, bigNumbers, BIG_NUMBER_CSS, type BigNumberOptions } from './big-number.ts';
export { dataTable, type DataTableOptions } from './data-table.ts';
export {
  articlesToChartData,
  metricHref,
  metricToDatum,
  metricsToChartData,
  metricsToEvents,
  placesFromArticles,
} from './from-metrics.ts';
export { CHART_CSS, COLORS, seriesColor } from './palette.ts';
export { proportionBars, proportionTable, waffle, type ProportionOptions, type WaffleOptions } from './proportion.ts';
export { regionMap, regionMapTable, type MapPlace, type RegionMapOptions } from './region-map.ts';
export { smallMultiples, smallMultiplesTable, type SmallMultiplesOptions } from './small-multiples.ts';
export { timeSeries, timeSeriesTable, type TimeSeriesOptions } from './time-series.ts';
export { timeline, timelineTable, type TimelineEvent, type TimelineOptions } from './timeline.ts';
export type { ChartDatum, ChartOptions } from './types.ts';
