import { describe, expect, it } from 'vitest';
import type { FanoutResult, FanoutShape } from '../load/fanout';
import type { ServerKind } from '../servers/childProtocol';
import { FULL } from '../settings';
import type { BenchReport } from './benchReport';
import { checkTargets } from './targets';

function result(
  server: ServerKind,
  shape: FanoutShape,
  p99: number,
  delivered: number,
): FanoutResult {
  return {
    server,
    shape,
    latency: { count: 100, p50: p99 / 2, p95: p99, p99, max: p99, mean: p99 / 2 },
    deliveredPerSecond: delivered,
    typedPerSecond: 100,
    serverCpuPercent: 50,
    serverPeakRssBytes: 1,
    loadgenCpuPercent: 50,
    loadgenLagP99Ms: 1,
    connectMs: 1,
    undelivered: 0,
    errors: 0,
    errorDetail: '',
  };
}

function report(results: FanoutResult[]): BenchReport {
  return {
    startedAt: '2025-06-11T00:00:00.000Z',
    durationMs: 1,
    command: 'pnpm bench',
    environment: {
      cpuModel: 'x',
      cores: 2,
      memoryGiB: 1,
      node: 'v20',
      kernel: 'k',
      versions: {},
      commit: 'c',
    },
    settings: FULL,
    fanout: results.map((value) => ({
      server: value.server,
      shape: value.shape,
      result: { ok: true, value },
    })),
    scale: null,
    browser: null,
  };
}

describe('checkTargets', () => {
  const shape = { rooms: 10, clientsPerRoom: 20 };

  it('says plainly when Accord is slower than Hocuspocus or beyond 3× the relay', () => {
    const checks = checkTargets(
      report([
        result('accord', shape, 30, 3800),
        result('hocuspocus', shape, 20, 3800),
        result('relay', shape, 5, 3800),
      ]),
    );
    const byTarget = (fragment: string) => checks.find((check) => check.target.includes(fragment));
    expect(byTarget("10 × 20: Accord p99 no worse than Hocuspocus's")?.met).toBe(false);
    expect(byTarget("10 × 20: Accord p99 within 3× the raw relay's")?.met).toBe(false);
    expect(byTarget('10 × 20: Accord delivers at least')?.met).toBe(true);
    expect(byTarget('1 × 100')?.met).toBeNull();
  });

  it('counts delivered rates within 1% as equal, but not beyond', () => {
    const close = checkTargets(
      report([result('accord', shape, 1, 3790), result('hocuspocus', shape, 2, 3800)]),
    );
    expect(close.find((check) => check.target.includes('delivers'))?.met).toBe(true);
    const short = checkTargets(
      report([result('accord', shape, 1, 3700), result('hocuspocus', shape, 2, 3800)]),
    );
    expect(short.find((check) => check.target.includes('delivers'))?.met).toBe(false);
  });
});
