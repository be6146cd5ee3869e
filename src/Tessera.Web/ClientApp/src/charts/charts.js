// Charts of the situational picture: ECharts with the SVG renderer (the chart's text is in the DOM, readable by
// assistive technology and by browser tests) and the aria component (a description of the figures on the container).
// Blazor passes plain data (months, counts, labels); the options are built here, numbers formatted in the user's locale.
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, MarkPointComponent, TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { register } from '../namespace.js';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent,
  MarkPointComponent, TitleComponent, TooltipComponent, SVGRenderer]);

// One palette for the routes, stable across charts (colour-blind-safe Okabe–Ito order, then greys).
const palette = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#F0E442', '#000000', '#7f7f7f', '#bcbcbc'];
const observers = new WeakMap();

const numberFormat = (locale) => new Intl.NumberFormat(locale || undefined);
const percentFormat = (locale) => new Intl.NumberFormat(locale || undefined,
  { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const formatCount = (locale, n) => (n === null || n === undefined ? '<5' : numberFormat(locale).format(n));
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const formatChange = (locale, c) => (c === null || c === undefined ? '–' : percentFormat(locale).format(c));

/**
 * Monthly detections per route as lines (or stacked areas), with the early-warning alerts marked on their route.
 * data: { locale, title, subtitle, months: ['2023-01', …], stacked, series: [{ name, counts: [n|null] }],
 *         alerts: [{ route, month, label }], incomplete: [month …], measure }
 * Incomplete months (held only in part by the data) are shaded and carry no value: never drawn as zero.
 */
function timeSeries(data) {
  const nf = numberFormat(data.locale);
  const incomplete = data.incomplete || [];
  const valueAt = (month, v) => (incomplete.includes(month) ? 'incomplete' : formatCount(data.locale, v));
  const cumulative = data.months.map(() => 0);
  const series = data.series.map((line) => {
    const tops = line.counts.map((c, i) => (cumulative[i] += data.stacked ? (c ?? 0) : 0) || (c ?? 0));
    const alerts = (data.alerts || []).filter((a) => a.route === line.name && data.months.includes(a.month));
    return {
      name: line.name,
      type: 'line',
      stack: data.stacked ? 'total' : undefined,
      areaStyle: data.stacked ? { opacity: 0.6 } : undefined,
      symbolSize: 5,
      emphasis: { focus: 'series' },
      data: line.counts,
      markArea: incomplete.length === 0 || line !== data.series[0] ? undefined : {
        silent: true,
        itemStyle: { color: 'rgba(120,120,120,0.15)' },
        label: { show: true, position: 'insideTop', formatter: 'incomplete', color: '#444' },
        data: [[{ xAxis: incomplete[0] }, { xAxis: incomplete[incomplete.length - 1] }]],
      },
      markPoint: alerts.length === 0 ? undefined : {
        symbol: 'pin',
        symbolSize: 38,
        itemStyle: { color: '#b00020' },
        label: { formatter: '!', color: '#fff', fontWeight: 'bold' },
        data: alerts.map((a) => ({ name: a.label, coord: [a.month, tops[data.months.indexOf(a.month)]], value: a.label })),
        tooltip: { formatter: (p) => p.name },
      },
    };
  });
  if (data.band) series.push(...bandSeries(data.band));
  const description = `${data.title}. ${data.subtitle ?? ''} ` + data.series
    .map((s) => `${s.name}: ${s.counts.map((c, i) => `${data.months[i]} ${valueAt(data.months[i], c)}`).join(', ')}`).join('; ')
    + ((data.alerts || []).length ? `. Early-warning alerts: ${data.alerts.map((a) => a.label).join('; ')}.` : '.')
    + (data.band ? ` ${data.band.name}: ${data.months.map((m, i) => `${m} ${formatCount(data.locale, data.band.lower[i])}–${formatCount(data.locale, data.band.upper[i])}`).join(', ')}.` : '');
  return {
    color: palette,
    aria: { enabled: true, label: { description } },
    title: { text: data.title, subtext: data.subtitle, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: {
      trigger: 'axis',
      // Names come from the data: escaped, as ECharts' own tooltip does.
      formatter: (params) => [escapeHtml(params[0]?.axisValueLabel ?? '')]
        .concat(params.map((p) => `${p.marker}${escapeHtml(p.seriesName)}: ${escapeHtml(valueAt(p.axisValue, p.value))}`)).join('<br/>'),
    },
    legend: { type: 'scroll', bottom: 0, data: series.map((s) => s.name).filter((n) => !n.endsWith(' lower')) },
    grid: { left: 70, right: 24, top: 70, bottom: 60 },
    xAxis: { type: 'category', boundaryGap: false, data: data.months },
    yAxis: { type: 'value', name: data.measure || 'Detections', axisLabel: { formatter: (v) => nf.format(v) } },
    series,
  };
}

/**
 * The expected band behind a time series: an invisible base at the lower end and a shaded area up to the upper end, plus the
 * expected value as a dashed line. band: { name, lower: [n|null], upper: [n|null], expected: [n|null] }
 */
function bandSeries(band) {
  const width = band.upper.map((u, i) => (u === null || band.lower[i] === null ? null : u - band.lower[i]));
  const common = { type: 'line', symbol: 'none', silent: true, z: 0, stack: 'expected-band', lineStyle: { opacity: 0 } };
  return [
    { ...common, name: `${band.name} lower`, data: band.lower, tooltip: { show: false } },
    { ...common, name: band.name, data: width, areaStyle: { color: 'rgba(84, 110, 122, 0.18)' }, tooltip: { show: false } },
    { type: 'line', name: 'Expected', data: band.expected, symbol: 'none', z: 1, lineStyle: { type: 'dashed', color: '#37474f', width: 1.5 }, itemStyle: { color: '#37474f' } },
  ];
}

/**
 * Horizontal bars, one per category, largest first from the top, each labelled.
 * data: { locale, title, subtitle, format: 'count' | 'change', categories: [..], values: [n|null], labels: [..] }
 */
function bars(data) {
  const change = data.format === 'change';
  const values = data.values.map((v) => (v === null || v === undefined ? 0 : v));
  const axisFormat = change ? percentFormat(data.locale) : numberFormat(data.locale);
  const description = `${data.title}. ${data.subtitle ?? ''} `
    + data.categories.map((c, i) => `${c}: ${data.labels[i]}`).join('; ') + '.';
  return {
    color: palette,
    aria: { enabled: true, label: { description } },
    title: { text: data.title, subtext: data.subtitle, left: 'center', textStyle: { fontSize: 15 } },
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: ${data.labels[p.dataIndex]}` },
    grid: { left: 8, right: 130, top: 60, bottom: 24, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: (v) => axisFormat.format(v) } },
    yAxis: { type: 'category', inverse: true, data: data.categories, axisLabel: { width: 150, overflow: 'truncate' } },
    series: [{
      type: 'bar',
      name: data.title,
      data: values.map((v) => ({ value: v, itemStyle: change ? { color: v > 0 ? '#c0392b' : '#2e7d32' } : undefined })),
      label: { show: true, position: 'right', formatter: (p) => data.labels[p.dataIndex] },
      barMaxWidth: 22,
    }],
  };
}

const kinds = { timeSeries, bars };

/** Draws (or redraws) a chart of the given kind into element; the chart follows the element's size. */
function render(element, kind, data) {
  const build = kinds[kind];
  if (!build) throw new Error(`unknown chart kind ${kind}`);
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'svg' });
  chart.setOption(build(data), true);
  if (!observers.has(element)) {
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    observers.set(element, observer);
  }
}

/** Releases the chart of element (Blazor calls this when the component is disposed). */
function dispose(element) {
  observers.get(element)?.disconnect();
  observers.delete(element);
  echarts.getInstanceByDom(element)?.dispose();
}

register('charts', { render, dispose, formatCount, formatChange, version: () => echarts.version });
