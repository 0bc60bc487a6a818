import { describe, expect, it } from 'vitest';
import { BackgroundWork } from './serverBackground';

describe('BackgroundWork', () => {
  it('runs a coalesced job once at a time and always once more after a call made during a run', async () => {
    const work = new BackgroundWork(() => {});
    let active = 0;
    let most = 0;
    const starts: number[] = [];
    let calls = 0;
    const gates: (() => void)[] = [];
    const job = work.coalesced('job', async () => {
      starts.push(calls);
      active += 1;
      most = Math.max(most, active);
      await new Promise<void>((resolve) => gates.push(resolve));
      active -= 1;
    });
    calls = 1;
    const first = job();
    await Promise.resolve();
    await Promise.resolve();
    calls = 2;
    const second = job();
    calls = 3;
    const third = job();
    expect(third).toBe(second);
    while (gates.length === 0) await Promise.resolve();
    gates.shift()?.();
    await first;
    while (gates.length === 0) await Promise.resolve();
    // The second run started after both calls made during the first.
    expect(starts).toEqual([1, 3]);
    gates.shift()?.();
    await second;
    expect(most).toBe(1);
    await work.settled();
  });

  it('logs a failure instead of throwing it, and settles', async () => {
    const lines: string[] = [];
    const work = new BackgroundWork((_level, message) => lines.push(message));
    await work.run('Sweeping', async () => {
      throw new Error('disk gone');
    });
    await work.settled();
    expect(lines).toEqual(['Sweeping failed: Error: disk gone']);
  });
});
