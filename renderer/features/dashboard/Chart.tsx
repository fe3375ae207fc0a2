/*
 * The chart slot: ECharts (a few hundred kB) loads in its own chunk the first time the dashboard shows a
 * chart, so the caseload and intake screens start without it.
 */
import { lazy, Suspense } from 'react';
import type { ChartProps } from './EChartsCanvas';

export type { ChartProps, ChartSeries } from './EChartsCanvas';

const EChartsCanvas = lazy(() => import('./EChartsCanvas'));

export function Chart(props: ChartProps) {
  return (
    <Suspense fallback={<figure className="chart" data-testid={props.testId} aria-busy="true" />}>
      <EChartsCanvas {...props} />
    </Suspense>
  );
}
