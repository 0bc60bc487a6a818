import { describe, expect, it } from 'vitest';
import {
  findReady,
  launchEnv,
  memoryLine,
  parseLaunchEnv,
  parseMemoryLine,
  readyLine,
} from './childProtocol';

describe('child protocol', () => {
  it('carries a launch through the environment', () => {
    const launch = { dataDir: '/tmp/x', rooms: ['a', 'b'], users: 3, seedFile: '/tmp/x/seed.bin' };
    expect(parseLaunchEnv(launchEnv(launch))).toEqual({ ok: true, value: launch });
    expect(parseLaunchEnv(launchEnv({ ...launch, rooms: [], seedFile: null }))).toEqual({
      ok: true,
      value: { ...launch, rooms: [], seedFile: null },
    });
  });

  it('refuses a launch without a data folder or with a bad user count', () => {
    expect(parseLaunchEnv({}).ok).toBe(false);
    expect(parseLaunchEnv({ BENCH_DATA_DIR: '/tmp', BENCH_USERS: '-1' }).ok).toBe(false);
  });

  it('finds the ready line among other output, only once it is complete', () => {
    const line = readyLine({ url: 'http://127.0.0.1:1234', users: ['u1'] });
    expect(findReady(`starting\n${line}`)).toBeUndefined();
    expect(findReady(`starting\n${line}\nmore`)).toEqual({
      url: 'http://127.0.0.1:1234',
      users: ['u1'],
    });
  });

  it('round-trips a memory report and ignores other lines', () => {
    const report = { heapUsed: 1, external: 2, arrayBuffers: 3, rss: 4, extra: { logs: {} } };
    expect(parseMemoryLine(memoryLine(report))).toEqual(report);
    expect(parseMemoryLine('[sync] Document loaded.')).toBeUndefined();
  });
});
