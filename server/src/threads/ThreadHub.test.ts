import { describe, expect, it } from 'vitest';
import { ThreadHub } from './ThreadHub';

describe('ThreadHub', () => {
  it("tells a draft's listeners which thread changed, and only that draft's", () => {
    const hub = new ThreadHub();
    const heard: string[] = [];
    const stop = hub.subscribe('d1', (id) => heard.push(`a:${id}`));
    hub.subscribe('d1', (id) => heard.push(`b:${id}`));
    hub.subscribe('d2', (id) => heard.push(`other:${id}`));
    hub.changed('d1', 't1');
    expect(heard).toEqual(['a:t1', 'b:t1']);
    stop();
    hub.changed('d1', 't2');
    expect(heard).toEqual(['a:t1', 'b:t1', 'b:t2']);
    expect(hub.listenerCount('d1')).toBe(1);
    expect(hub.listenerCount('d3')).toBe(0);
  });
});
