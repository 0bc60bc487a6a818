import { resolve } from 'node:path';
import type { ChildServer } from '../servers/childServer';

/** A cold load's result with the server CPU time it took. */
export interface MeasuredColdLoad<T> {
  result: T;
  /**
   * CPU time of the server process (all threads) from before the client connects to its first
   * full sync: unlike the wall time, barely moved by other work on a shared machine.
   */
  serverCpuMs: number;
}

/**
 * Runs `task` (a cold load) and reads the server's CPU time around it; with
 * `BENCH_KEEP_PROFILES=DIR` it also profiles the server while it runs, keeping the profile as
 * `DIR/<name>-<time>.cpuprofile` (issue 17: what a cold start does besides loading the state).
 * The profiler is running before the task starts.
 */
export async function measuredColdLoad<T>(
  server: ChildServer,
  name: string,
  task: () => Promise<T>,
): Promise<MeasuredColdLoad<T>> {
  const dir = process.env.BENCH_KEEP_PROFILES;
  if (dir) await server.startProfile();
  try {
    const before = server.sample();
    const result = await task();
    const after = server.sample();
    const serverCpuMs =
      before !== undefined && after !== undefined ? after.cpuMs - before.cpuMs : Number.NaN;
    return { result, serverCpuMs };
  } finally {
    if (dir) await server.stopProfile(resolve(dir, `${name}-${Date.now()}.cpuprofile`));
  }
}
