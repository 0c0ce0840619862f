import type { TopLevelSpec } from 'vega-lite';

export interface EpsilonPoint {
  readonly size: number;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly series: string;
}

/**
 * Median ε vs m, one line per arm with an interquartile band. The y axis is logarithmic when
 * every plotted value is positive, because the arms differ by orders of magnitude; k-means ε can
 * be ≤ 0 (the full-data solver is a heuristic too), and then the axis stays linear.
 */
export function epsilonChart(
  title: string,
  yTitle: string,
  points: readonly EpsilonPoint[],
  colors: Readonly<Record<string, string>> = {},
): { spec: TopLevelSpec; logY: boolean } {
  const logY = points.every((p) => p.value > 0 && p.low > 0 && p.high > 0);
  const present = new Set(points.map((p) => p.series));
  const y = {
    type: 'quantitative' as const,
    title: logY ? `${yTitle} (log scale)` : yTitle,
    scale: logY ? { type: 'log' as const } : { zero: false },
    // Ticks at powers of ten only, written 1e-5 rather than 0.00001.
    axis: logY ? { format: '.0e', values: powersOfTen(points) } : {},
  };
  const x = { field: 'size', type: 'quantitative' as const, title: 'coreset size m' };
  const color = { field: 'series', type: 'nominal' as const, title: '', scale: colorScale(colors, present) };
  // Opaque stroke symbols: the merged legend would otherwise take the band's faint fill.
  const legend = { labelLimit: 300, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2 };
  return {
    logY,
    spec: {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      title,
      width: 480,
      height: 300,
      data: { values: points.map((p) => ({ ...p })) },
      layer: [
        { mark: { type: 'errorband', opacity: 0.15 }, encoding: { x, y: { field: 'low', ...y }, y2: { field: 'high' }, color: { ...color, legend } } },
        { mark: { type: 'line', point: true }, encoding: { x, y: { field: 'value', ...y }, color: { ...color, legend } } },
      ],
    },
  };
}

/** Powers of ten spanning every plotted value (positive values only). */
export function powersOfTen(points: readonly EpsilonPoint[]): number[] {
  const values = points.flatMap((p) => [p.value, p.low, p.high]).filter((v) => v > 0);
  if (values.length === 0) return [];
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  // Parsed from "1eK": 10 ** -5 is not the double nearest 1e-5.
  return Array.from({ length: hi - lo + 1 }, (_, k) => Number(`1e${lo + k}`));
}

/** Fixed colours per series, so that every plot of the report uses the same ones; only series present get a legend entry. */
function colorScale(colors: Readonly<Record<string, string>>, present: ReadonlySet<string>): { domain: string[]; range: string[] } | undefined {
  const names = Object.keys(colors).filter((n) => present.has(n));
  return names.length === 0 ? undefined : { domain: names, range: names.map((n) => colors[n]) };
}

export interface QualityPoint {
  readonly size: number;
  readonly value: number;
  readonly series: string;
}

/** Mean test accuracy (or R²) vs m with the full-data value as a dashed rule. */
export function qualityChart(
  title: string,
  yTitle: string,
  points: readonly QualityPoint[],
  fullValue: number,
  colors: Readonly<Record<string, string>> = {},
): TopLevelSpec {
  const x = { field: 'size', type: 'quantitative' as const, title: 'coreset size m' };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    width: 480,
    height: 300,
    layer: [
      {
        data: { values: points.map((p) => ({ ...p })) },
        mark: { type: 'line', point: true },
        encoding: { x, y: { field: 'value', type: 'quantitative', title: yTitle, scale: { zero: false } }, color: { field: 'series', type: 'nominal', title: '', legend: { labelLimit: 300 }, scale: colorScale(colors, new Set(points.map((p) => p.series))) } },
      },
      {
        data: { values: [{ full: fullValue }] },
        mark: { type: 'rule', strokeDash: [6, 4], color: 'black' },
        encoding: { y: { field: 'full', type: 'quantitative' } },
      },
    ],
  };
}
