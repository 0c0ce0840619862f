import { describe, expect, it } from 'vitest';
import { formatMeanStd, formatMs, markdownTable, meanStd, median } from './markdown.js';
import { barChart, lineChart, renderSvg } from './svg-plot.js';

describe('report helpers', () => {
  it('formats tables and statistics exactly', () => {
    expect(markdownTable(['a', 'b'], [[1, 'x']])).toBe('| a | b |\n| --- | --- |\n| 1 | x |');
    expect(meanStd([1, 2, 3])).toEqual({ mean: 2, std: 1 });
    expect(formatMeanStd([0.9, 0.92], 1, 100)).toBe('91.0 ± 1.4');
    expect(median([5, 1, 3, 2])).toBe(2.5);
    expect(formatMs(0.5)).toBe('0.500 ms');
    expect(formatMs(1500)).toBe('1.50 s');
    expect(formatMs(180_000)).toBe('3.0 min');
  });

  it('renders line and bar charts to standalone SVG', async () => {
    const line = await renderSvg(
      lineChart('acc', 'rate', 'accuracy', [
        { x: 0.5, y: 0.9, series: 'random' },
        { x: 0.9, y: 0.8, series: 'random' },
      ]),
    );
    expect(line.startsWith('<svg')).toBe(true);
    expect(line).toContain('random');
    const bar = await renderSvg(barChart('time', 'ms', [{ category: 'k-means', value: 2, low: 1.5, high: 2.5 }]));
    expect(bar).toContain('k-means');
  });
});
