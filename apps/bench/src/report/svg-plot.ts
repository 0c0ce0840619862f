import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/** Renders a vega-lite spec to an SVG string in Node (no browser, no canvas). */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

export interface LinePoint {
  readonly x: number;
  readonly y: number;
  readonly series: string;
  readonly yLow?: number;
  readonly yHigh?: number;
}

/** One line per series, with an error band when yLow/yHigh are given. */
export function lineChart(title: string, xTitle: string, yTitle: string, points: readonly LinePoint[], options: { logX?: boolean } = {}): TopLevelSpec {
  const x = { field: 'x', type: 'quantitative' as const, title: xTitle, ...(options.logX === true ? { scale: { type: 'log' as const } } : {}) };
  const hasBand = points.some((p) => p.yLow !== undefined);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 480,
    height: 300,
    data: { values: points.map((p) => ({ ...p })) },
    layer: [
      ...(hasBand
        ? [{ mark: { type: 'errorband' as const, opacity: 0.2 }, encoding: { x, y: { field: 'yLow', type: 'quantitative' as const, title: yTitle }, y2: { field: 'yHigh' }, color: { field: 'series', type: 'nominal' as const } } }]
        : []),
      {
        mark: { type: 'line' as const, point: true },
        encoding: { x, y: { field: 'y', type: 'quantitative' as const, title: yTitle, scale: { zero: false } }, color: { field: 'series', type: 'nominal' as const, title: '' } },
      },
    ],
  };
}

export interface BarPoint {
  readonly category: string;
  readonly value: number;
  readonly low?: number;
  readonly high?: number;
}

/** Horizontal bars with optional error bars. */
export function barChart(title: string, valueTitle: string, bars: readonly BarPoint[]): TopLevelSpec {
  const hasErr = bars.some((b) => b.low !== undefined);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 420,
    height: { step: 22 },
    data: { values: bars.map((b) => ({ ...b })) },
    layer: [
      { mark: 'bar', encoding: { y: { field: 'category', type: 'nominal', sort: null, title: '' }, x: { field: 'value', type: 'quantitative', title: valueTitle, scale: { zero: false } } } },
      ...(hasErr
        ? [{ mark: 'errorbar' as const, encoding: { y: { field: 'category', type: 'nominal' as const, sort: null }, x: { field: 'low', type: 'quantitative' as const }, x2: { field: 'high' } } }]
        : []),
    ],
  };
}
