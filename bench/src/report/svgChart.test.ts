import { describe, expect, it } from 'vitest';
import { latencyChartSvg } from './svgChart';

describe('latencyChartSvg', () => {
  const svg = latencyChartSvg(
    'Latency <ms>',
    [
      {
        label: '1 × 3',
        bars: [
          { series: 'A', p50: 1, p95: 2, p99: 3 },
          { series: 'B', p50: 0.5, p95: 1, p99: 40 },
        ],
      },
      { label: '1 × 50', bars: [{ series: 'A', p50: 10, p95: 20, p99: 30 }] },
    ],
    [
      { name: 'A', colour: '#111111' },
      { name: 'B', colour: '#222222' },
    ],
  );

  it('draws three layered rects per bar and marks missing bars', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/fill="#111111" fill-opacity/g)).toHaveLength(6);
    expect(svg.match(/fill="#222222" fill-opacity/g)).toHaveLength(3);
    expect(svg).toContain('>n/a<');
    expect(svg).toContain('>40.0<');
  });

  it('escapes text', () => {
    expect(svg).toContain('Latency &lt;ms&gt;');
  });
});
