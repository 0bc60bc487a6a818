import { describe, expect, it } from 'vitest';
import { quantile, summarise } from './stats';

describe('summarise', () => {
  it('gives nearest-rank percentiles, max and mean of unsorted samples', () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    const summary = summarise(samples);
    expect(summary).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
  });

  it('reports NaN, not zero, when there are no samples', () => {
    const summary = summarise([]);
    expect(summary.count).toBe(0);
    expect(Number.isNaN(summary.p99)).toBe(true);
    expect(Number.isNaN(quantile([], 0.5))).toBe(true);
  });
});
