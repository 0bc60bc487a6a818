import { describe, expect, it } from 'vitest';
import type { FanoutResult } from '../load/fanout';
import { median, medianResult, spreadOf } from './repeats';

function run(cpuPerDelivery: number, p99: number, undelivered = 0): FanoutResult {
  return {
    server: 'accord',
    shape: { rooms: 1, clientsPerRoom: 3 },
    latency: { count: 10, p50: p99 / 2, p95: p99, p99, max: p99, mean: p99 / 2 },
    deliveredPerSecond: 100,
    typedPerSecond: 50,
    framesPerSecond: 100,
    serverCpuPercent: 10,
    serverCpuPerDeliveryUs: cpuPerDelivery,
    serverPeakRssBytes: 1,
    loadgenCpuPercent: 20,
    loadgenThreads: 2,
    loadgenBusiestThreadPercent: 10,
    loadgenLagP99Ms: 1,
    connectMs: 5,
    undelivered,
    convergedRooms: 1,
    fullClientsPerRoom: 2,
    errors: undelivered,
    errorDetail: undelivered > 0 ? 'keystroke not delivered to every peer ×1' : '',
  };
}

describe('median and spread', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(spreadOf([30, 10, 20])).toEqual({ median: 20, min: 10, max: 30, runs: 3 });
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('leaves out runs that did not measure a figure, and is NaN when none did', () => {
    expect(spreadOf([Number.NaN, 7, 9])).toEqual({ median: 8, min: 7, max: 9, runs: 2 });
    const none = spreadOf([Number.NaN]);
    expect(none.runs).toBe(0);
    expect(Number.isNaN(none.median)).toBe(true);
    expect(Number.isNaN(median([]))).toBe(true);
  });

  it('stands one result for repeated runs: medians figure by figure, problems summed', () => {
    const result = medianResult([run(12, 40), run(10, 90, 2), run(50, 60)]);
    expect(result?.serverCpuPerDeliveryUs).toBe(12);
    // The median p99 (60) comes from another run than the median CPU (12): each on its own.
    expect(result?.latency.p99).toBe(60);
    expect(result?.undelivered).toBe(2);
    expect(result?.errors).toBe(2);
    expect(result?.errorDetail).toBe('keystroke not delivered to every peer ×1');
    expect(medianResult([])).toBeUndefined();
  });
});
