import { describe, expect, it } from 'vitest';
import { parseRunOptions } from './runOptions';
import { FULL } from './settings';

describe('parseRunOptions', () => {
  it('runs everything at full size by default, profiled, updating latest', () => {
    const parsed = parseRunOptions([]);
    expect(parsed).toEqual({
      ok: true,
      value: {
        settings: FULL,
        parts: ['fanout', 'failover', 'scale', 'browser'],
        profile: true,
        outDir: null,
        customised: false,
      },
    });
  });

  it('narrows parts, servers and shapes, and then never counts as the full run', () => {
    const parsed = parseRunOptions([
      '--',
      '--only=fanout',
      '--servers=accord,relay',
      '--shapes=1x3,2x4',
      '--seconds=3',
      '--runs=2',
    ]);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.value.parts).toEqual(['fanout']);
    expect(parsed.value.settings.servers).toEqual(['accord', 'relay']);
    expect(parsed.value.settings.shapes).toEqual([
      { rooms: 1, clientsPerRoom: 3 },
      { rooms: 2, clientsPerRoom: 4 },
    ]);
    expect(parsed.value.settings.timing.measureMs).toBe(3_000);
    expect(parsed.value.settings.repetitions).toBe(2);
    expect(parsed.value.customised).toBe(true);
  });

  it('explains what is wrong with a bad option', () => {
    const bad = parseRunOptions(['--servers=accord,etherpad']);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toContain('unknown server: etherpad');
    expect(parseRunOptions(['--shapes=1x1']).ok).toBe(false);
    expect(parseRunOptions(['--fast']).ok).toBe(false);
    expect(parseRunOptions(['--runs=0']).ok).toBe(false);
  });
});
