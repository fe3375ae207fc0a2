/*
 * One ECharts bar chart, built from echarts/core with only the parts used (bar, grid, tooltip, canvas).
 * Under the app's CSP: no eval, and the tooltip renders as rich text on the canvas (no HTML with inline
 * styles). A click on a bar asks for the cases behind it. If the canvas is unavailable the chart says so
 * and the numbers stay in the tables.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartSeries = { name: string; values: number[] };
export type ChartProps = {
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** Called with (series index, category index) when a bar is clicked. */
  onPick: (series: number, index: number) => void;
  unavailable: string;
  testId: string;
};

const COLORS = ['#1f5fa8', '#1d6b3a', '#8a5300', '#a61b1b'];

export default function EChartsCanvas({
  title,
  categories,
  series,
  onPick,
  unavailable,
  testId,
}: ChartProps) {
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  const [failed, setFailed] = useState(false);
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  // A callback ref: the chart lives exactly as long as its element.
  const attach = useCallback((node: HTMLDivElement | null) => {
    if (!node) return;
    // Without a 2D canvas (locked-down hosts, jsdom) ECharts fails later, asynchronously: check first.
    if (node.ownerDocument.createElement('canvas').getContext('2d') === null) {
      setFailed(true);
      return;
    }
    let instance: echarts.ECharts;
    try {
      instance = echarts.init(node, null, { renderer: 'canvas' });
    } catch {
      setFailed(true);
      return;
    }
    instance.on('click', (p) => {
      pick.current(p.seriesIndex ?? 0, p.dataIndex);
    });
    // Older embedded Chromium builds and jsdom may lack ResizeObserver: then the chart keeps its size.
    const resize =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver(() => {
            instance.resize();
          });
    resize?.observe(node);
    setChart(instance);
    return () => {
      resize?.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, []);

  useEffect(() => {
    chart?.setOption(
      {
        animation: false,
        color: COLORS,
        tooltip: { trigger: 'axis', renderMode: 'richText' },
        legend: series.length > 1 ? { top: 0 } : { show: false },
        grid: { left: 8, right: 16, top: series.length > 1 ? 28 : 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: categories, inverse: true },
        series: series.map((s) => ({ type: 'bar', name: s.name, data: s.values, cursor: 'pointer' })),
      },
      true,
    );
  }, [chart, categories, series]);

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {failed ? <p className="empty-line">{unavailable}</p> : null}
      <div ref={attach} className="chart-canvas" role="img" aria-label={title} />
    </figure>
  );
}
