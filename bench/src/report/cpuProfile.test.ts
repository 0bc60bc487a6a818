import { describe, expect, it } from 'vitest';
import { summariseProfile } from './cpuProfile';

describe('summariseProfile', () => {
  it('attributes self time to functions and areas, leaving idle time out', () => {
    const yjs = 'file:///r/node_modules/.pnpm/yjs@13.6.33/node_modules/yjs/dist/yjs.mjs';
    const summary = summariseProfile({
      nodes: [
        { id: 1, callFrame: { functionName: '(idle)', url: '', lineNumber: 0 } },
        { id: 2, callFrame: { functionName: 'applyUpdate', url: yjs, lineNumber: 1 } },
        { id: 3, callFrame: { functionName: '(garbage collector)', url: '', lineNumber: 0 } },
      ],
      samples: [1, 2, 2, 2, 3],
      timeDeltas: [0, 1000, 1000, 1000, 1000],
    });
    // Each sample lasts until the next one; the last lasts as long as the one before it.
    expect(summary.busyMs).toBeCloseTo(4, 5);
    expect(summary.buckets[0]).toEqual({ name: 'Yjs', percent: 75 });
    expect(summary.buckets[1]).toEqual({ name: 'garbage collection', percent: 25 });
    expect(summary.topFunctions[0]?.name).toBe('applyUpdate — yjs');
  });
});
